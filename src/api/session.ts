// A Session: the catalog and settings one user works with, the statements that change them, and running queries.
// The execution path (operators, Parquet decoding, Arrow) is imported on first use, so that EXPLAIN starts fast.
import type { RecordBatch, Table } from 'apache-arrow';
import type { Query, Statement } from '../ast/ast.js';
import { parseScript, parseQuery } from '../ast/parse.js';
import { printSql } from '../ast/print-sql.js';
import { Catalog } from '../catalog/index.js';
import type { CatalogScope } from '../catalog/index.js';
import { Config } from '../common/config.js';
import { fail } from '../common/errors.js';
import { assertNever } from '../common/assert-never.js';
import { typeToString } from '../types/data-type.js';
import { analyzeQuery } from '../analyzer/analyze.js';
import type { AnalyzedQuery } from '../analyzer/analyze.js';
import type { AnalyzerOptions } from '../analyzer/context.js';
import { outputOf } from '../logical/output.js';
import type { Statistics, TableSource } from '../logical/plan.js';
import { optimize, ruleNames } from '../optimizer/driver.js';
import type { OptimizeResult } from '../optimizer/driver.js';
import { planPhysical } from '../physical/planner.js';
import type { PhysicalQuery } from '../physical/planner.js';
import type { Batch } from '../exec/vector.js';
import { vectorFromValues } from '../exec/vector.js';
import type { NamedType } from '../exec/arrow/arrow-types.js';
import { T } from '../types/data-type.js';
import { optionsForMode, renderExplain } from './explain.js';
import type { ExplainOptions } from './explain.js';

export interface SessionOptions {
  /** Initial settings, e.g. `{ 'spark.sql.session.timeZone': 'Europe/Berlin' }`. */
  readonly config?: Readonly<Record<string, string>>;
}

/** The rows a command returns (SHOW TABLES, DESCRIBE, SET), or a confirmation with no rows. */
export interface CommandResult {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

const NO_ROWS: CommandResult = { columns: [], rows: [] };

/** One query through every stage. */
export interface PlannedQuery {
  readonly analyzed: AnalyzedQuery;
  readonly optimized: OptimizeResult;
  readonly physical: PhysicalQuery;
}

/** The rows of a statement: its columns, and its batches as they are produced. */
interface StatementRows {
  readonly columns: readonly NamedType[];
  readonly batches: AsyncGenerator<Batch>;
}

/**
 * @example
 * const session = new Session();
 * session.registerDataDir('data/tpch/sf1');
 * console.log(session.explain('SELECT count(*) FROM lineitem WHERE l_quantity < 10'));
 * const table = await session.sql('SELECT n_name FROM nation WHERE n_regionkey = 1'); // an apache-arrow Table
 */
export class Session {
  readonly catalog = new Catalog<Query>();
  readonly config: Config;

  constructor(options: SessionOptions = {}) {
    this.config = new Config(options.config);
  }

  /** Registers a Parquet file or (Hive-partitioned) directory as table `name`. */
  registerParquet(name: string, path: string): void {
    this.catalog.registerParquet(name, path);
  }

  /** Registers each `*.parquet` file and sub-directory of `dir` as a table; returns the names. */
  registerDataDir(dir: string): string[] {
    return this.catalog.registerDataDir(dir);
  }

  analyzerOptions(): AnalyzerOptions {
    return { timeZone: this.config.get('spark.sql.session.timeZone') };
  }

  /** Parses and analyzes one query. */
  analyze(sql: string | Query): AnalyzedQuery {
    const query = typeof sql === 'string' ? parseQuery(sql) : sql;
    return analyzeQuery(query, this.catalog, this.analyzerOptions());
  }

  /** Analyzes one query, optimizes it (skipping the rules `sqlopt.optimizer.disabled` names) and plans it for execution. */
  planQuery(sql: string | Query, options: { readonly trace?: boolean } = {}): PlannedQuery {
    const analyzed = this.analyze(sql);
    const optimized = optimize(analyzed.plan, { disabled: ruleNames(this.config.get('sqlopt.optimizer.disabled')), trace: options.trace ?? false });
    const physical = planPhysical(optimized.plan, {
      tableStatistics: (source) => this.tableStatistics(source),
      parallelism: { threads: Number(this.config.get('sqlopt.exec.threads')), rowGroups: (source) => this.rowGroups(source) },
    });
    return { analyzed, optimized, physical };
  }

  /**
   * Runs a script: its statements in order (views and settings apply to what follows; every query runs), and returns
   * the rows of the last statement that returns rows (a query, EXPLAIN, SHOW TABLES, DESCRIBE, SET without a value)
   * as an Arrow table; a table without columns when there is none.
   *
   * @example
   * const table = await session.sql("SET spark.sql.session.timeZone = 'UTC'; SELECT count(*) AS n FROM lineitem");
   * table.getChild('n')?.get(0); // 6005n
   */
  async sql(script: string): Promise<Table> {
    const [{ tableToArrow }, result] = await Promise.all([import('../exec/arrow/to-arrow.js'), this.runScript(script)]);
    const batches: Batch[] = [];
    for await (const b of result.batches) batches.push(b);
    return tableToArrow(batches, result.columns);
  }

  /**
   * Like `sql`, but yields the result's record batches as the engine produces them.
   *
   * @example
   * for await (const batch of session.sqlStream('SELECT * FROM lineitem')) total += batch.numRows;
   */
  async *sqlStream(script: string): AsyncGenerator<RecordBatch> {
    const [{ batchToArrow }, { arrowSchemaOf }] = await Promise.all([import('../exec/arrow/to-arrow.js'), import('../exec/arrow/arrow-types.js')]);
    const result = await this.runScript(script);
    const schema = arrowSchemaOf(result.columns);
    for await (const b of result.batches) yield batchToArrow(b, result.columns, schema);
  }

  /** Runs every statement of `script` in order; the rows of the last one that returns rows are left to stream. */
  private async runScript(script: string): Promise<StatementRows> {
    const statements = parseScript(script).statements;
    const last = statements.findLastIndex(returnsRows);
    let result: StatementRows = { columns: [], batches: batchesOf([]) };
    for (const [i, statement] of statements.entries()) {
      const rows = await this.runStatement(statement);
      if (i === last) result = rows!;
      // Earlier queries run too, so that their errors surface; their rows are dropped.
      else if (rows) for await (const _ of rows.batches);
    }
    return result;
  }

  /** Runs one statement; a query is planned now (with the settings in force here) and runs as its batches are read. */
  private async runStatement(statement: Statement): Promise<StatementRows | undefined> {
    switch (statement.kind) {
      case 'queryStatement': {
        const { physical } = this.planQuery(statement.query);
        const { runPlan } = await import('../exec/run-query.js');
        return { columns: physical.root.output, batches: runPlan(physical, { timeZone: this.config.get('spark.sql.session.timeZone') }) };
      }
      case 'explain':
        return stringRows({ columns: ['plan'], rows: [[this.explainStatement(statement)]] });
      case 'createTable':
      case 'insert': {
        const writes = await import('./write-statements.js');
        await (statement.kind === 'createTable' ? writes.createTable(this, statement) : writes.insertInto(this, statement));
        return undefined;
      }
      default: {
        const result = this.runCommand(statement);
        return returnsRows(statement) ? stringRows(result) : undefined;
      }
    }
  }

  /** Row count and size of a scanned table, from the catalog; undefined for a path the catalog does not list. */
  private tableStatistics(source: TableSource): Statistics | undefined {
    const table = this.catalogTable(source);
    return table && { rowCount: table.rowCount, sizeInBytes: table.sizeBytes };
  }

  /** Row groups of a scanned table, from the catalog; undefined for a path the catalog does not list. */
  private rowGroups(source: TableSource): number | undefined {
    return this.catalogTable(source)?.files.reduce((n, f) => n + f.statistics.rowGroups.length, 0);
  }

  /** The catalog's table a scan reads, if the catalog lists it under that name and location. */
  private catalogTable(source: TableSource) {
    const entry = this.catalog.lookup([source.name]);
    return entry?.kind === 'table' && entry.table.location === source.location ? entry.table : undefined;
  }

  /**
   * Explains every query (and EXPLAIN statement) of a script. Statements that define views or change settings
   * are applied on the way, so a script's queries can use its views.
   */
  explain(script: string, options: ExplainOptions = {}): string {
    const outputs: string[] = [];
    for (const statement of parseScript(script).statements) {
      if (statement.kind === 'queryStatement' || statement.kind === 'explain') outputs.push(this.explainStatement(statement, options));
      else this.runCommand(statement);
    }
    if (outputs.length === 0) fail('CLI_NOTHING_TO_EXPLAIN', 'the input has no query to explain');
    return outputs.join(options.format === 'json' ? '\n' : '\n\n');
  }

  /** Explains one query statement; `EXPLAIN <mode> query` uses the mode's options. */
  explainStatement(statement: Statement, options: ExplainOptions = {}): string {
    if (statement.kind === 'explain') return this.explainStatement(statement.statement, { ...options, ...optionsForMode(statement.mode) });
    if (statement.kind !== 'queryStatement')
      fail('ANALYSIS_UNSUPPORTED', `EXPLAIN of ${describeStatement(statement)} is not supported yet; explain its query instead`, statement.span);
    const { analyzed, optimized, physical } = this.planQuery(statement.query, { trace: options.verbose ?? false });
    return renderExplain({ statement, analyzed: analyzed.plan, warnings: analyzed.warnings, optimized, physical }, options);
  }

  /**
   * Runs a statement that changes or reads the catalog or settings: CREATE/DROP VIEW, CREATE VIEW … USING,
   * DROP TABLE, SET, RESET, SHOW TABLES, DESCRIBE. Queries, CREATE TABLE and INSERT run with `sql`.
   */
  runCommand(statement: Statement): CommandResult {
    switch (statement.kind) {
      case 'createView': {
        const name = lastPart(statement.name);
        const exists = this.catalog.lookup(statement.name) !== undefined;
        if (statement.ifNotExists && exists) return NO_ROWS;
        // Analyze now, as Spark does, so a broken view is reported where it is defined.
        const { plan } = this.analyze(statement.query);
        const width = outputOf(plan).length;
        if (statement.columns && statement.columns.length !== width)
          fail('ANALYSIS_ALIAS_COLUMNS', `view \`${name}\` names ${statement.columns.length} columns but its query returns ${width}`, statement.span);
        const scope: CatalogScope = statement.global ? 'global_temporary' : statement.temporary ? 'temporary' : 'database';
        this.catalog.registerView(
          name,
          { query: statement.query, sql: printSql(statement.query), ...(statement.columns ? { columnNames: statement.columns } : {}) },
          { replace: statement.orReplace, scope },
        );
        return NO_ROWS;
      }
      case 'createViewUsing': {
        if (statement.format.toLowerCase() !== 'parquet')
          fail('ANALYSIS_UNSUPPORTED_FORMAT', `USING ${statement.format} is not supported (only parquet)`, statement.span);
        const path = statement.options.find((o) => o.key.toLowerCase() === 'path')?.value;
        if (path === undefined) fail('ANALYSIS_MISSING_OPTION', "CREATE VIEW … USING parquet needs OPTIONS (path '…')", statement.span);
        const name = lastPart(statement.name);
        if (!statement.orReplace && this.catalog.lookup([name])?.kind === 'view')
          fail('CATALOG_TABLE_EXISTS', `view \`${name}\` already exists`, statement.span, 'use CREATE OR REPLACE');
        this.catalog.registerParquet(name, path!, statement.global ? 'global_temporary' : 'temporary');
        return NO_ROWS;
      }
      case 'drop':
        this.catalog.drop(statement.objectType, statement.name, statement.ifExists);
        return NO_ROWS;
      case 'set':
        if (statement.key === undefined) return { columns: ['key', 'value'], rows: this.config.entries().map((e) => [e.key, e.value]) };
        if (statement.value === undefined) return { columns: ['key', 'value'], rows: [[statement.key, this.config.get(statement.key)]] };
        this.config.set(statement.key, statement.value);
        return NO_ROWS;
      case 'reset':
        this.config.reset(statement.key);
        return NO_ROWS;
      case 'showTables':
        return {
          columns: ['namespace', 'tableName', 'isTemporary'],
          rows: this.catalog.list().map((t) => [t.namespace, t.name, String(t.temporary)]),
        };
      case 'describe':
        return this.describe(statement.table);
      case 'queryStatement':
      case 'explain':
      case 'createTable':
      case 'insert':
        return fail('EXEC_UNSUPPORTED', `${describeStatement(statement)} runs a query: run it with Session.sql`, statement.span);
      case 'cacheTable':
      case 'uncacheTable':
        return fail('EXEC_UNSUPPORTED', `${describeStatement(statement)} needs the execution engine, which this version does not have yet`, statement.span);
      default:
        return assertNever(statement, 'statement');
    }
  }

  /** DESCRIBE: one row per column, then the partition columns under a `# Partition Information` header, as Spark prints it. */
  private describe(name: readonly string[]): CommandResult {
    const entry = this.catalog.lookup(name);
    if (!entry) fail('ANALYSIS_TABLE_NOT_FOUND', `table or view \`${name.join('.')}\` not found`);
    const rows: string[][] = [];
    if (entry!.kind === 'table') {
      const t = entry!.table;
      for (const c of [...t.dataColumns, ...t.partitionColumns]) rows.push([c.name, typeToString(c.type), '']);
      if (t.partitionColumns.length) {
        rows.push(['# Partition Information', '', ''], ['# col_name', 'data_type', 'comment']);
        for (const c of t.partitionColumns) rows.push([c.name, typeToString(c.type), '']);
      }
    } else {
      const { plan } = this.analyze(`SELECT * FROM ${name.map((p) => '`' + p.replace(/`/g, '``') + '`').join('.')}`);
      for (const c of outputOf(plan)) rows.push([c.name, typeToString(c.type), '']);
    }
    return { columns: ['col_name', 'data_type', 'comment'], rows };
  }
}

/** Whether a statement's result is rows (the result of a script is the last such statement's). */
function returnsRows(s: Statement): boolean {
  switch (s.kind) {
    case 'queryStatement':
    case 'explain':
    case 'showTables':
    case 'describe':
      return true;
    case 'set':
      return s.value === undefined;
    default:
      return false;
  }
}

/** A command's rows as string columns. */
function stringRows(result: CommandResult): StatementRows {
  const columns = result.columns.map((name) => ({ name, type: T.string, nullable: true }));
  const batch: Batch = { length: result.rows.length, columns: columns.map((c, j) => vectorFromValues(c.type, result.rows.map((r) => r[j]!))) };
  return { columns, batches: batchesOf(batch.length ? [batch] : []) };
}

async function* batchesOf(batches: readonly Batch[]): AsyncGenerator<Batch> {
  yield* batches;
}

function lastPart(name: readonly string[]): string {
  return name[name.length - 1]!;
}

function describeStatement(s: Statement): string {
  const names: Record<Statement['kind'], string> = {
    queryStatement: 'a query',
    explain: 'EXPLAIN',
    createView: 'CREATE VIEW',
    createViewUsing: 'CREATE VIEW … USING',
    createTable: 'CREATE TABLE',
    insert: 'INSERT',
    drop: 'DROP',
    set: 'SET',
    reset: 'RESET',
    showTables: 'SHOW TABLES',
    describe: 'DESCRIBE',
    cacheTable: 'CACHE TABLE',
    uncacheTable: 'UNCACHE TABLE',
  };
  return names[s.kind];
}
