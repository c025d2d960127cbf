// A Session: the catalog and settings one user works with, and the statements that change them.
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

/**
 * @example
 * const session = new Session();
 * session.registerDataDir('data/tpch/sf1');
 * console.log(session.explain('SELECT count(*) FROM lineitem WHERE l_quantity < 10'));
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
    const { plan, warnings } = this.analyze(statement.query);
    return renderExplain({ statement, analyzed: plan, warnings }, options);
  }

  /**
   * Runs a statement that changes or reads the catalog or settings: CREATE/DROP VIEW, CREATE VIEW … USING,
   * DROP TABLE, SET, RESET, SHOW TABLES, DESCRIBE. Queries and writes need the execution engine.
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
