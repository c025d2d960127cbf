// ScanExec over small Parquet files written by DuckDB and parquet-wasm: column subsets, partition columns, pruning by
// partition values and by row-group statistics (with metrics, and the same rows as an unpruned scan), errors.
import { Dictionary, Int32, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openParquetTable } from '../../../../src/catalog/parquet-table.js';
import { SqlError } from '../../../../src/common/errors.js';
import type { ColumnRef, ComparisonOp, Expr, LiteralValue } from '../../../../src/logical/expr.js';
import { and, binary, columnRef, isNull, literal, not, or } from '../../../../src/logical/expr-builders.js';
import type { ScanExec } from '../../../../src/physical/plan.js';
import { T, decimal } from '../../../../src/types/data-type.js';
import type { DataType } from '../../../../src/types/data-type.js';
import { execute } from '../../../../src/exec/execute.js';
import { OPERATORS } from '../../../../src/exec/operators/index.js';
import { scan } from '../../../../src/exec/operators/scan.js';
import type { Batch, JsValue } from '../../../../src/exec/vector.js';
import { batchRows } from '../../../../src/exec/vector.js';
import { createParquetFixtures } from '../../../helpers/parquet-fixtures.js';
import type { ParquetFixtures } from '../../../helpers/parquet-fixtures.js';
import { runRows, testContext } from '../../../helpers/exec.js';

// The operator table imports operators written in parallel; these tests need only the scan.
vi.mock('../../../../src/exec/operators/index.js', () => ({ OPERATORS: {} }));
Object.assign(OPERATORS as Record<string, unknown>, { scanExec: scan });

let fx: ParquetFixtures;
let sorted: string;
let events: string;
let dict: string;

const ROWS = 10_000;

beforeAll(async () => {
  fx = await createParquetFixtures('sqlopt-scan-');
  // Sorted ids make row-group ranges disjoint: [0, 2047], [2048, 4095], …, [8192, 9999].
  sorted = await fx.writeParquet(
    'sorted.parquet',
    `SELECT range::INT AS id, 'k' || lpad(range::VARCHAR, 5, '0') AS s, (range * 1.25)::DECIMAL(15,2) AS amount,
       CASE WHEN range < 2048 THEN NULL ELSE range / 2 END::DOUBLE AS half, DATE '2020-01-01' + range::INT AS day,
       [range, range + 1] AS pair
     FROM range(${ROWS})`,
    'ROW_GROUP_SIZE 2048',
  );
  events = await fx.writePartitioned(
    'events',
    `SELECT range::INT AS id, 2020 + range % 3 AS year, CASE range % 4 WHEN 0 THEN 'EU' WHEN 1 THEN 'US' WHEN 2 THEN 'A/B' END AS region,
       (range * 0.5)::DECIMAL(9,1) AS price
     FROM range(600)`,
    ['year', 'region'],
  );
  // Partition values parsed in the session time zone.
  await fx.writeParquet('stamped/at=2024-01-01 10%3A00%3A00/part-0.parquet', 'SELECT 1::INT AS x');
  dict = fx.writeArrow(
    'dict.parquet',
    new Table({
      id: vectorFromArray([1, 2, 3, 4], new Int32()),
      cat: vectorFromArray(['a', 'b', null, 'a'], new Dictionary(new Utf8(), new Int32())),
    }),
  );
});

afterAll(() => fx.close());

type Refs = Record<string, ColumnRef>;

/** A ScanExec of `names` (ids 0…) over the table at `location`; `filters` may reference any table column by name. */
function scanNode(location: string, names: readonly string[], filters: (c: Refs) => Expr[] = () => []): ScanExec {
  const table = openParquetTable(location);
  const all = [...table.dataColumns, ...table.partitionColumns];
  const output = names.map((name, id) => ({ id, name, type: all.find((c) => c.name === name)!.type, nullable: true }));
  const refs: Refs = Object.fromEntries(
    all.map((c, i) => [c.name, columnRef({ id: output.find((o) => o.name === c.name)?.id ?? 100 + i, name: c.name, type: c.type, nullable: true })]),
  );
  return {
    kind: 'scanExec',
    output,
    source: { format: 'parquet', name: 't', location: table.location, partitionColumns: table.partitionColumns.map((c) => c.name) },
    filters: filters(refs),
  };
}

/** A reference to a column the scan does not output (filters may use those). */
const c0 = (name: string, type: DataType = name === 'region' ? T.string : T.int) => columnRef({ id: 200, name, type, nullable: true });

const cmp = (op: ComparisonOp, left: Expr, value: LiteralValue, type: DataType = left.type) => binary(op, left, literal(value, type), T.boolean);

async function run(node: ScanExec, batchSize = 1024): Promise<{ rows: JsValue[][]; batches: Batch[]; metrics: Record<string, number> }> {
  const ctx = testContext({ batchSize });
  const batches: Batch[] = [];
  for await (const b of execute(node, ctx)) batches.push(b);
  return { rows: batches.flatMap(batchRows), batches, metrics: { ...ctx.metricsOf(node) } as unknown as Record<string, number> };
}

const byFirst = (rows: JsValue[][]) => [...rows].sort((a, b) => Number(a[0]) - Number(b[0]));

describe('scan: columns', () => {
  it('reads a subset of columns in the output’s order, as batches of ctx.batchSize', async () => {
    const { rows, batches, metrics } = await run(scanNode(sorted, ['amount', 'id', 'day']), 1000);
    expect(rows).toHaveLength(ROWS);
    expect(rows[3]).toEqual([375n, 3, 18262 + 3]);
    expect(rows[9999]).toEqual([1249875n, 9999, 18262 + 9999]);
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(1000);
    expect(batches[0]!.columns.map((c) => [c.type, c.data.layout])).toEqual([
      [decimal(15, 2), 'f64'],
      [T.int, 'i32'],
      [T.date, 'i32'],
    ]);
    expect(metrics).toMatchObject({ filesRead: 1, filesSkipped: 0, rowGroupsRead: 5, rowGroupsSkipped: 0, rows: ROWS });
    expect(metrics.bytesRead).toBeGreaterThan(0);
  });

  it('reads NULLs, strings, lists, and a column listed twice', async () => {
    const rows = await runRows(scanNode(sorted, ['half', 's', 'pair', 'id', 'half']));
    expect(rows[1]).toEqual([null, 'k00001', [1n, 2n], 1, null]);
    expect(rows[5000]).toEqual([2500, 'k05000', [5000n, 5001n], 5000, 2500]);
  });

  it('reads no columns at all, keeping the row count', async () => {
    const { rows, metrics } = await run(scanNode(sorted, []));
    expect(rows).toHaveLength(ROWS);
    expect(rows[0]).toEqual([]);
    expect(metrics.bytesRead).toBe(0);
  });

  it('keeps dictionary-encoded strings as dictionary vectors', async () => {
    const { rows, batches } = await run(scanNode(dict, ['cat', 'id']));
    expect(rows).toEqual([
      ['a', 1],
      ['b', 2],
      [null, 3],
      ['a', 4],
    ]);
    expect(batches[0]!.columns[0]!.data.layout).toBe('dict');
  });

  it('fills partition columns from the directories, NULL and escaped values included', async () => {
    const rows = await runRows(scanNode(events, ['region', 'id', 'year', 'price']));
    expect(rows).toHaveLength(600);
    expect(byFirst(rows.map((r) => [r[1], r[0], r[2], r[3]]))[0]).toEqual([0, 'EU', 2020, 0n]);
    const byId = new Map(rows.map((r) => [r[1] as number, r]));
    expect(byId.get(2)).toEqual(['A/B', 2, 2022, 10n]);
    expect(byId.get(7)).toEqual([null, 7, 2021, 35n]);
  });

  it('reads timestamp partition values in the session time zone', async () => {
    const node = scanNode(fx.path('stamped'), ['at', 'x']);
    expect(await runRows(node, testContext({ timeZone: 'UTC' }))).toEqual([[1704103200000000n, 1]]);
    expect(await runRows(node, testContext({ timeZone: 'America/New_York' }))).toEqual([[1704121200000000n, 1]]);
  });
});

describe('scan: pruning', () => {
  /** The scan with and without filters: the filtered rows must be the same; returns the pruned run. */
  async function prunedAgainstFull(location: string, names: readonly string[], filters: (c: Refs) => Expr[], keep: (row: JsValue[]) => boolean) {
    const pruned = await run(scanNode(location, names, filters));
    const full = await run(scanNode(location, names));
    expect(byFirst(pruned.rows.filter(keep))).toEqual(byFirst(full.rows.filter(keep)));
    expect(pruned.rows.filter(keep).length).toBeGreaterThan(0);
    return pruned;
  }

  it('skips files whose partition values fail the filters', async () => {
    const { metrics, rows } = await prunedAgainstFull(events, ['id', 'region', 'year'], (c) => [cmp('=', c.region!, 'EU'), cmp('>=', c.year!, 2021)], (r) => r[1] === 'EU' && (r[2] as number) >= 2021);
    // 3 years × 4 regions; EU in 2021 and 2022 are left.
    expect(metrics).toMatchObject({ filesRead: 2, filesSkipped: 10 });
    expect(rows.every((r) => r[1] === 'EU')).toBe(true);
    expect(metrics.rowGroupsRead! + metrics.rowGroupsSkipped!).toBe(12);
  });

  it('prunes partitions with IS NULL, IN, OR and NOT, also on columns the scan does not output', async () => {
    const isNullRegion = await run(scanNode(events, ['id'], (c) => [isNull(c.region!)]));
    expect(isNullRegion.metrics).toMatchObject({ filesRead: 3, filesSkipped: 9 });
    expect(isNullRegion.rows.every((r) => (r[0] as number) % 4 === 3)).toBe(true);
    const inList: Expr = { kind: 'inList', operand: c0('region'), list: [literal('EU', T.string), literal('US', T.string)], type: T.boolean, nullable: true };
    expect((await run(scanNode(events, ['id'], () => [inList]))).metrics).toMatchObject({ filesRead: 6, filesSkipped: 6 });
    const some = await run(scanNode(events, ['id'], (c) => [or(not(cmp('<>', c.region!, 'US')), cmp('=', c.year!, 2020))]));
    expect(some.metrics).toMatchObject({ filesRead: 6, filesSkipped: 6 });
  });

  it('evaluates partition conjuncts beyond what statistics understand with the expression compiler', async () => {
    const even = binary('=', binary('%', c0('year'), literal(2, T.int), T.int), literal(0, T.int), T.boolean);
    const { metrics } = await prunedAgainstFull(events, ['id', 'year'], () => [even], (r) => (r[1] as number) % 2 === 0);
    expect(metrics).toMatchObject({ filesRead: 8, filesSkipped: 4 });
  });

  it('skips row groups whose statistics exclude every row, with the same result as an unpruned scan', async () => {
    const ge = await prunedAgainstFull(sorted, ['id', 's'], (c) => [cmp('>=', c.id!, 7000)], (r) => (r[0] as number) >= 7000);
    expect(ge.metrics).toMatchObject({ filesRead: 1, rowGroupsRead: 2, rowGroupsSkipped: 3 });
    const between = await prunedAgainstFull(
      sorted,
      ['id', 'amount'],
      (c) => [and(cmp('>', c.amount!, '3000.00'), cmp('<', c.amount!, '3002.00'))],
      (r) => (r[1] as bigint) > 300000n && (r[1] as bigint) < 300200n,
    );
    expect(between.metrics).toMatchObject({ rowGroupsRead: 1, rowGroupsSkipped: 4 });
    const strings = await prunedAgainstFull(sorted, ['id', 's'], (c) => [cmp('<', c.s!, 'k01000')], (r) => (r[1] as string) < 'k01000');
    expect(strings.metrics).toMatchObject({ rowGroupsRead: 1 });
    const nulls = await prunedAgainstFull(sorted, ['id', 'half'], (c) => [isNull(c.half!)], (r) => r[1] === null);
    expect(nulls.metrics).toMatchObject({ rowGroupsRead: 1 });
    const days = await prunedAgainstFull(sorted, ['id', 'day'], (c) => [cmp('=', c.day!, 18262 + 9000)], (r) => r[1] === 18262 + 9000);
    expect(days.metrics).toMatchObject({ rowGroupsRead: 1 });
  });

  it('skips a whole file when no row group is left, without opening it', async () => {
    const { rows, metrics } = await run(scanNode(sorted, ['id'], (c) => [cmp('>', c.id!, ROWS)]));
    expect(rows).toEqual([]);
    expect(metrics).toMatchObject({ filesRead: 0, filesSkipped: 1, rowGroupsRead: 0, rowGroupsSkipped: 5, bytesRead: 0 });
  });

  it('reports what it read when the consumer stops early, and adds up runs', async () => {
    const node = scanNode(sorted, ['id']);
    const ctx = testContext({ batchSize: 1000 });
    for (let i = 0; i < 2; i++) {
      for await (const b of execute(node, ctx)) {
        expect(b.length).toBe(1000);
        break;
      }
    }
    expect(ctx.metricsOf(node)).toMatchObject({ filesRead: 2, rowGroupsRead: 2, rows: 2000 });
  });
});

describe('scan: errors', () => {
  it('names a column the table no longer has', async () => {
    const node = scanNode(sorted, ['id']);
    const renamed = { ...node, output: [{ ...node.output[0]!, name: 'gone' }] };
    await expect(runRows(renamed)).rejects.toThrow(/no longer has a column `gone`/);
  });

  it('names the file whose data does not hold the plan’s type', async () => {
    const node = scanNode(sorted, ['s']);
    const retyped = { ...node, output: [{ ...node.output[0]!, type: T.date }] };
    const error = await runRows(retyped).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SqlError);
    expect((error as SqlError).message).toBe(`'${sorted}': column \`s\`: cannot read Arrow Utf8 values as date`);
  });
});
