// CREATE TABLE … USING parquet [AS query] and INSERT INTO/OVERWRITE: run the query and write Parquet table directories.
//
// Every write is all-or-nothing for readers: CREATE TABLE AS and INSERT OVERWRITE build the new directory beside the
// old one and swap it in; INSERT INTO writes into a hidden staging directory and moves the finished files in. A query
// that fails part-way leaves the table as it was.
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { CreateTableStatement, Expr, InsertStatement, QualifiedName } from '../ast/ast.js';
import { printSql } from '../ast/print-sql.js';
import type { CatalogScope, ParquetTable } from '../catalog/index.js';
import type { Span } from '../common/diagnostic.js';
import { fail } from '../common/errors.js';
import type { NamedType } from '../exec/arrow/arrow-types.js';
import { replaceDirectoryAtomic } from '../io/atomic-write.js';
import { partitionSegment } from '../io/partition-path.js';
import { columnText } from '../io/value-text.js';
import { outputOf } from '../logical/output.js';
import { isNumeric, typeToString } from '../types/data-type.js';
import type { DataType, StructField } from '../types/data-type.js';
import type { CommandResult, Session } from './session.js';
import { writeTableFiles } from './table-writer.js';
import type { TableWriteResult } from './table-writer.js';

const NO_ROWS: CommandResult = { columns: [], rows: [] };
const TIME_ZONE = 'spark.sql.session.timeZone';
const WAREHOUSE_DIR = 'spark.sql.warehouse.dir';
/** Where tables without LOCATION go, relative to the working directory, as in Spark. */
export const DEFAULT_WAREHOUSE_DIR = 'spark-warehouse';

/**
 * CREATE [OR REPLACE] TABLE [IF NOT EXISTS] t [(columns)] USING parquet [PARTITIONED BY (…)] [LOCATION '…'] [AS query].
 * - With AS: runs the query and writes its rows under LOCATION (default `<spark.sql.warehouse.dir>/<t>`, the warehouse
 *   being `spark-warehouse` in the working directory unless set), partition columns as `k=v` directories and not in
 *   the files; then registers `t` in the `default` database.
 * - With columns and no query: an empty table of those columns (one empty file carries the schema).
 * - With LOCATION only: registers the Parquet data already there.
 * An existing table is an error (nothing happens with IF NOT EXISTS; OR REPLACE replaces it); so is a LOCATION
 * that already holds files, unless OR REPLACE.
 *
 * @example await createTable(session, parseStatement("CREATE TABLE t USING parquet PARTITIONED BY (d) AS SELECT …") as CreateTableStatement)
 */
export async function createTable(session: Session, statement: CreateTableStatement): Promise<CommandResult> {
  const name = statement.name[statement.name.length - 1]!;
  checkDatabase(statement.name, statement.span);
  if (statement.format !== 'parquet') fail('ANALYSIS_UNSUPPORTED_FORMAT', `USING ${statement.format} is not supported (only parquet)`, statement.span);
  if (session.catalog.lookup(['default', name]) !== undefined && !statement.orReplace) {
    if (statement.ifNotExists) return NO_ROWS;
    fail('CATALOG_TABLE_EXISTS', `table \`default.${name}\` already exists`, statement.span, 'use CREATE OR REPLACE TABLE to replace it, or INSERT to add rows');
  }
  const given = statement.location ?? statement.options.find((o) => o.key.toLowerCase() === 'path')?.value;
  if (statement.query === undefined && statement.columns === undefined) {
    if (given === undefined) fail('ANALYSIS_MISSING_SCHEMA', `CREATE TABLE \`${name}\` needs columns, a query (AS …) or the LOCATION of existing data`, statement.span);
    const table = session.catalog.registerParquet(name, given!, 'database');
    checkDeclaredPartitions(table, statement);
    return NO_ROWS;
  }
  if (statement.query !== undefined && statement.columns !== undefined) {
    fail('ANALYSIS_UNSUPPORTED', 'CREATE TABLE … AS cannot also list columns: the query gives them', statement.span);
  }
  const location = resolve(given ?? join(warehouseDir(session), name.toLowerCase()));
  if (!statement.orReplace && holdsFiles(location)) {
    fail('CATALOG_LOCATION_EXISTS', `cannot create table \`${name}\`: its location '${location}' already holds files`, statement.span, 'use CREATE OR REPLACE TABLE, or another LOCATION');
  }
  const sql = statement.query ? printSql(statement.query) : emptyQuery(statement.columns!);
  const columns = outputOf(session.analyze(statement.query ?? sql).plan);
  checkUniqueNames(columns, name, statement.span);
  const partitionColumns = checkPartitionColumns(columns, statement.partitionedBy, statement.span);
  await replaceDirectoryAtomic(location, async (tmp) => {
    const written = await writeTableFiles(tmp, session.sqlStream(sql), { columns, partitionColumns, timeZone: session.config.get(TIME_ZONE) });
    if (written.files.length === 0) failEmptyPartitioned(name, statement.span);
  });
  session.catalog.registerParquet(name, location, 'database');
  return NO_ROWS;
}

/**
 * INSERT INTO|OVERWRITE [TABLE] t [PARTITION (k = v, k2, …)] query, into a Parquet directory table.
 * The query's columns fill the table's data columns, then its partition columns that have no value in PARTITION, by
 * position, cast to the table's types (Spark's ANSI store assignment decides which casts are allowed).
 * INTO adds new part files; OVERWRITE replaces the whole table, or with static partition values only the partition
 * directory they name (Spark's static overwrite mode). The table is then re-read from its directory.
 *
 * @example await insertInto(session, parseStatement("INSERT OVERWRITE t PARTITION (d = DATE '2024-01-01') SELECT …") as InsertStatement)
 */
export async function insertInto(session: Session, statement: InsertStatement): Promise<CommandResult> {
  const label = statement.table.join('.');
  const entry = session.catalog.lookup(statement.table);
  if (entry === undefined) fail('ANALYSIS_TABLE_NOT_FOUND', `table \`${label}\` not found`, statement.span);
  if (entry!.kind !== 'table') fail('ANALYSIS_UNSUPPORTED', `cannot insert into \`${label}\`: it is a view`, statement.span);
  const table = entry!.table;
  const stat = statSync(table.location, { throwIfNoEntry: false });
  if (stat === undefined) fail('CATALOG_FILE_NOT_FOUND', `cannot insert into \`${label}\`: its location '${table.location}' no longer exists`, statement.span);
  if (!stat!.isDirectory()) {
    fail('ANALYSIS_UNSUPPORTED', `cannot insert into \`${label}\`: it is the single file '${table.location}', and INSERT writes files into a table's directory`, statement.span);
  }
  const spec = partitionSpec(table, statement);
  const source = session.analyze(statement.query);
  const sourceColumns = outputOf(source.plan);
  const targets = [...table.dataColumns, ...spec.dynamic];
  if (sourceColumns.length !== targets.length) {
    fail(
      'ANALYSIS_INSERT_COLUMN_COUNT',
      `cannot insert into \`${label}\`: the query returns ${sourceColumns.length} columns, but ${targets.length} are to be filled (${targets.map((c) => c.name).join(', ')})`,
      statement.span,
    );
  }
  sourceColumns.forEach((column, i) => {
    const target = targets[i]!;
    if (!canStoreAssign(column.type, target.type)) {
      fail(
        'ANALYSIS_INCOMPATIBLE_INSERT',
        `cannot insert column ${i + 1} (\`${column.name}\`, ${typeToString(column.type)}) into \`${target.name}\` of type ${typeToString(target.type)}`,
        statement.span,
        'cast it explicitly',
      );
    }
  });

  const sql = castingQuery(printSql(statement.query), sourceColumns, targets);
  const columns = outputOf(session.analyze(sql).plan);
  const staticPath = await staticPartitionPath(session, spec.statics);
  const targetDir = join(table.location, ...staticPath);
  const write = (dir: string) =>
    writeTableFiles(dir, session.sqlStream(sql), { columns, partitionColumns: spec.dynamic.map((c) => c.name), timeZone: session.config.get(TIME_ZONE) });

  if (statement.overwrite) {
    await replaceDirectoryAtomic(targetDir, async (tmp) => {
      const written = await write(tmp);
      // With nothing left, the table's directory would hold no file to read its schema from.
      if (written.files.length === 0 && table.files.every((f) => isInside(f.path, targetDir))) failEmptyPartitioned(label, statement.span);
    });
  } else {
    await appendFiles(table.location, targetDir, write);
  }
  session.catalog.registerParquet(entry!.name, table.location, scopeOf(session, statement.table));
  return NO_ROWS;
}

interface PartitionSpec {
  /** Leading partition columns with a value in PARTITION (…), outermost first. */
  readonly statics: readonly { readonly column: StructField; readonly value: Expr }[];
  /** The other partition columns: their values come from the query's last columns. */
  readonly dynamic: readonly StructField[];
}

/** The table's partition columns split into static and dynamic ones, checked as Spark checks a PARTITION clause. */
function partitionSpec(table: ParquetTable, statement: InsertStatement): PartitionSpec {
  const entries = statement.partition ?? [];
  const label = statement.table.join('.');
  for (const entry of entries) {
    if (!table.partitionColumns.some((c) => c.name.toLowerCase() === entry.column.toLowerCase())) {
      const known = table.partitionColumns.map((c) => c.name).join(', ');
      fail('ANALYSIS_INVALID_PARTITION_SPEC', `\`${entry.column}\` is not a partition column of \`${label}\`${known ? ` (they are: ${known})` : ' (it has none)'}`, statement.span);
    }
  }
  const statics: { column: StructField; value: Expr }[] = [];
  const dynamic: StructField[] = [];
  for (const column of table.partitionColumns) {
    const value = entries.find((e) => e.column.toLowerCase() === column.name.toLowerCase())?.value;
    if (value === undefined) {
      dynamic.push(column);
    } else if (dynamic.length) {
      fail('ANALYSIS_INVALID_PARTITION_SPEC', `static partition column \`${column.name}\` cannot follow dynamic partition column \`${dynamic[0]!.name}\``, statement.span);
    } else {
      statics.push({ column, value });
    }
  }
  return { statics, dynamic };
}

/** The `k=v` directories of the static partition values, each value cast to its column's type and named as Spark names it. */
async function staticPartitionPath(session: Session, statics: PartitionSpec['statics']): Promise<string[]> {
  if (statics.length === 0) return [];
  const select = statics.map(({ column, value }, i) => `CAST(${printSql(value)} AS ${typeToString(column.type)}) AS ${quote(`v${i}`)}`).join(', ');
  const result = await session.sql(`SELECT ${select}`);
  const batch = result.batches.find((b) => b.numRows > 0);
  const timeZone = session.config.get(TIME_ZONE);
  return statics.map(({ column }, i) => partitionSegment(column.name, batch ? columnText(batch.getChildAt(i)!.data[0]!, { timeZone, timestamps: 'show' })(0) : null));
}

/**
 * Writes into a hidden staging directory inside the table (the catalog skips hidden names, so readers never see it),
 * then moves each finished file to its place under `targetDir`. A failed write removes the staging directory.
 */
async function appendFiles(tableDir: string, targetDir: string, write: (dir: string) => Promise<TableWriteResult>): Promise<void> {
  const staging = join(tableDir, `.sqlopt-staging-${randomUUID()}`);
  try {
    const written = await write(staging);
    // An empty unpartitioned result still makes a file (to carry a schema); an existing table has one already.
    if (written.rows > 0) {
      for (const file of written.files) {
        const destination = join(targetDir, file);
        await mkdir(dirname(destination), { recursive: true });
        await rename(join(staging, file), destination);
      }
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** The query with each column cast to its target's type (where it differs) and named after it. */
function castingQuery(querySql: string, source: readonly NamedType[], targets: readonly StructField[]): string {
  const names = source.map((_, i) => quote(`c${i}`));
  const select = targets.map((target, i) => {
    const expr = typeToString(source[i]!.type) === typeToString(target.type) ? names[i]! : `CAST(${names[i]} AS ${typeToString(target.type)})`;
    return `${expr} AS ${quote(target.name)}`;
  });
  return `SELECT ${select.join(', ')} FROM (${querySql}) AS ${quote('insert_source')}(${names.join(', ')})`;
}

/** A query with no rows and the given columns: how CREATE TABLE with a column list writes its (empty) table. */
function emptyQuery(columns: NonNullable<CreateTableStatement['columns']>): string {
  return `SELECT ${columns.map((c) => `CAST(NULL AS ${typeToString(c.type)}) AS ${quote(c.name)}`).join(', ')} LIMIT 0`;
}

/**
 * Spark's ANSI store assignment (spark.sql.storeAssignmentPolicy=ANSI, its default): numbers into any numeric type,
 * anything into a string, dates and timestamps into each other; nested types by their parts.
 */
export function canStoreAssign(from: DataType, to: DataType): boolean {
  if (from.kind === 'null' || typeToString(from) === typeToString(to)) return true;
  if (isNumeric(from) && isNumeric(to)) return true;
  if (to.kind === 'string') return from.kind !== 'array' && from.kind !== 'map' && from.kind !== 'struct';
  const datetime = new Set(['date', 'timestamp', 'timestamp_ntz']);
  if (datetime.has(from.kind) && datetime.has(to.kind)) return true;
  if (from.kind === 'array' && to.kind === 'array') return canStoreAssign(from.element, to.element);
  if (from.kind === 'map' && to.kind === 'map') return canStoreAssign(from.key, to.key) && canStoreAssign(from.value, to.value);
  if (from.kind === 'struct' && to.kind === 'struct') {
    return from.fields.length === to.fields.length && from.fields.every((f, i) => canStoreAssign(f.type, to.fields[i]!.type));
  }
  return false;
}

/** Column names must differ ignoring case, as Spark requires of a table (the files could not be read back otherwise). */
function checkUniqueNames(columns: readonly NamedType[], table: string, span: Span | undefined): void {
  const seen = new Set<string>();
  for (const column of columns) {
    const key = column.name.toLowerCase();
    if (seen.has(key)) fail('ANALYSIS_DUPLICATE_COLUMN', `table \`${table}\` would have two columns named \`${column.name}\``, span, 'give the query\'s columns distinct aliases');
    seen.add(key);
  }
}

/** PARTITIONED BY names, resolved against the query's columns (as spelled there). */
function checkPartitionColumns(columns: readonly NamedType[], partitionedBy: readonly string[], span: Span | undefined): string[] {
  const resolved = partitionedBy.map((name) => {
    const column = columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
    if (column === undefined) fail('ANALYSIS_INVALID_PARTITION_SPEC', `partition column \`${name}\` is not among the table's columns (${columns.map((c) => c.name).join(', ')})`, span);
    if (['array', 'map', 'struct'].includes(column!.type.kind)) {
      fail('ANALYSIS_INVALID_PARTITION_SPEC', `\`${name}\` cannot be a partition column: its type ${typeToString(column!.type)} has no directory name`, span);
    }
    return column!.name;
  });
  if (new Set(resolved.map((n) => n.toLowerCase())).size !== resolved.length) fail('ANALYSIS_INVALID_PARTITION_SPEC', 'PARTITIONED BY names a column twice', span);
  if (resolved.length && resolved.length === columns.length) fail('ANALYSIS_INVALID_PARTITION_SPEC', 'cannot partition by every column: the files would have none', span);
  return resolved;
}

function checkDeclaredPartitions(table: ParquetTable, statement: CreateTableStatement): void {
  const found = table.partitionColumns.map((c) => c.name.toLowerCase());
  const declared = statement.partitionedBy.map((n) => n.toLowerCase());
  if (declared.length && declared.join() !== found.join()) {
    fail(
      'ANALYSIS_INVALID_PARTITION_SPEC',
      `PARTITIONED BY (${statement.partitionedBy.join(', ')}) does not match the directories at '${table.location}', which are partitioned by (${table.partitionColumns.map((c) => c.name).join(', ')})`,
      statement.span,
    );
  }
}

function failEmptyPartitioned(table: string, span: Span | undefined): never {
  return fail(
    'EXEC_EMPTY_PARTITIONED_TABLE',
    `the query returned no rows, which would leave the partitioned table \`${table}\` without a single file to read its schema from`,
    span,
    'sqlopt keeps a table\'s schema in its files; write at least one row',
  );
}

/** Tables live in `default` (the only database); `spark_catalog.default.t` and `default.t` name it too. */
function checkDatabase(name: QualifiedName, span: Span | undefined): void {
  const qualifier = name.slice(0, -1).map((p) => p.toLowerCase());
  if (qualifier.length && qualifier.join('.') !== 'default' && qualifier.join('.') !== 'spark_catalog.default') {
    fail('CATALOG_DATABASE_NOT_FOUND', `database \`${name.slice(0, -1).join('.')}\` not found (tables live in \`default\`)`, span);
  }
}

/** The catalog namespace a table name resolves into, so that re-registering it after a write replaces that entry. */
function scopeOf(session: Session, name: QualifiedName): CatalogScope {
  const parts = name.map((p) => p.toLowerCase());
  if (parts.length > 1) return parts[parts.length - 2] === 'global_temp' ? 'global_temporary' : 'database';
  const temporary = session.catalog.list().some((l) => l.namespace === '' && l.name.toLowerCase() === parts[0]);
  return temporary ? 'temporary' : 'database';
}

function warehouseDir(session: Session): string {
  return session.config.has(WAREHOUSE_DIR) ? session.config.get(WAREHOUSE_DIR) : DEFAULT_WAREHOUSE_DIR;
}

function holdsFiles(dir: string): boolean {
  return existsSync(dir) && (!statSync(dir).isDirectory() || readdirSync(dir).length > 0);
}

function isInside(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir.endsWith('/') ? dir : dir + '/');
}

function quote(name: string): string {
  return '`' + name.replace(/`/g, '``') + '`';
}
