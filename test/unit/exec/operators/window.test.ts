// WindowExec: every window function family with partitions, ties, frames and NULLs; properties against a naive
// per-row reference for ROWS frames, RANGE frames, ranking and offset functions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lookupFunction } from '../../../../src/analyzer/functions/registry.js';
import { comparatorOf } from '../../../../src/exec/aggregates/compare.js';
import type { JsValue } from '../../../../src/exec/vector.js';
import type { Expr, FrameBound, LiteralValue, SortKey, WindowExpr, WindowFrame } from '../../../../src/logical/expr.js';
import { columnRef, literal } from '../../../../src/logical/expr-builders.js';
import type { PhysicalPlan, WindowExec } from '../../../../src/physical/plan.js';
import type { DataType } from '../../../../src/types/data-type.js';
import { decimal, T } from '../../../../src/types/data-type.js';
import { runRows, testContext, valuesNode } from '../../../helpers/exec.js';

// ───────────────────────────── building window plans ─────────────────────────────

interface OrderSpec {
  readonly column: number;
  readonly ascending: boolean;
  readonly nullsFirst: boolean;
}

interface Spec {
  readonly partitionBy?: readonly number[];
  readonly orderBy?: readonly OrderSpec[];
  readonly frame?: WindowFrame;
  readonly ignoreNulls?: boolean;
  readonly distinct?: boolean;
}

const up: FrameBound = { kind: 'unboundedPreceding' };
const uf: FrameBound = { kind: 'unboundedFollowing' };
const cr: FrameBound = { kind: 'currentRow' };
const preceding = (n: number, type: DataType = T.int): FrameBound => ({ kind: 'preceding', offset: literal(n, type) });
const following = (n: number, type: DataType = T.int): FrameBound => ({ kind: 'following', offset: literal(n, type) });
const rows = (start: FrameBound, end: FrameBound): WindowFrame => ({ unit: 'rows', start, end });
const range = (start: FrameBound, end: FrameBound): WindowFrame => ({ unit: 'range', start, end });
const asc = (column: number, nullsFirst = true): OrderSpec => ({ column, ascending: true, nullsFirst });
const desc = (column: number, nullsFirst = false): OrderSpec => ({ column, ascending: false, nullsFirst });

const RANKING = new Set(['row_number', 'rank', 'dense_rank', 'percent_rank', 'cume_dist', 'ntile', 'lag', 'lead']);

/** A window call as the analyzer binds it, with its default frame (bind-expr.ts) unless one is given. */
function over(input: PhysicalPlan, name: string, args: readonly Expr[], spec: Spec = {}): WindowExpr {
  const resolved = lookupFunction(name)!.resolve(
    args.map((a) => a.type),
    args.map((a) => (a.kind === 'literal' ? { constant: a.value, nullable: a.value === null } : { nullable: true })),
  );
  if (typeof resolved === 'string') throw new Error(resolved);
  const orderBy: SortKey[] = (spec.orderBy ?? []).map((o) => ({ expr: columnRef(input.output[o.column]!), ascending: o.ascending, nullsFirst: o.nullsFirst }));
  const defaultFrame = RANKING.has(name) ? rows(up, cr) : orderBy.length > 0 ? range(up, cr) : rows(up, uf);
  return {
    kind: 'window',
    name: lookupFunction(name)!.name,
    args,
    distinct: spec.distinct ?? false,
    ignoreNulls: spec.ignoreNulls ?? false,
    partitionBy: (spec.partitionBy ?? []).map((c) => columnRef(input.output[c]!)),
    orderBy,
    frame: spec.frame ?? defaultFrame,
    type: resolved.returnType,
    nullable: true,
  };
}

function windowNode(input: PhysicalPlan, windows: readonly WindowExpr[]): WindowExec {
  const named = windows.map((expr, i) => ({ id: 900 + i, name: `w${i}`, expr }));
  return {
    kind: 'windowExec',
    input,
    windows: named,
    output: [...input.output, ...named.map((n) => ({ id: n.id, name: n.name, type: n.expr.type, nullable: true }))],
  };
}

/** The window columns of the output, one array per window function, in output row order. */
async function windowColumns(input: PhysicalPlan, windows: readonly WindowExpr[], batchSize = 1024): Promise<JsValue[][]> {
  const out = await runRows(windowNode(input, windows), testContext({ batchSize }));
  const width = input.output.length;
  return windows.map((_, w) => out.map((r) => r[width + w]));
}

const col = (input: PhysicalPlan, c: number): Expr => columnRef(input.output[c]!);
const lit = (v: LiteralValue, t: DataType): Expr => literal(v, t);

// ───────────────────────────── examples ─────────────────────────────

// Columns: partition, order key, value, the value as a double.
const TABLE: JsValue[][] = [
  ['a', 1, 10, 10],
  ['b', 5, null, null],
  ['a', 2, 20, 20],
  ['a', 2, null, null],
  ['b', 5, 7, 7],
  ['a', null, 5, 5],
  ['b', 6, 1, 1],
  ['a', 3, 30, 30],
];
const table = valuesNode([T.string, T.int, T.int, T.double], TABLE);
const byKey: Spec = { partitionBy: [0], orderBy: [asc(1)] };

describe('window: ranking functions', () => {
  it('numbers rows within partitions, peers sharing rank, in the input row order', async () => {
    const names = ['row_number', 'rank', 'dense_rank', 'percent_rank', 'cume_dist'];
    const [rowNumber, rank, denseRank, percentRank, cumeDist] = await windowColumns(
      table,
      names.map((n) => over(table, n, [], byKey)),
      3,
    );
    // Partition a in order: null(5), 1(10), 2(20), 2(null), 3(30); partition b: 5(null), 5(7), 6(1).
    expect(rowNumber).toEqual([2, 1, 3, 4, 2, 1, 3, 5]);
    expect(rank).toEqual([2, 1, 3, 3, 1, 1, 3, 5]);
    expect(denseRank).toEqual([2, 1, 3, 3, 1, 1, 2, 4]);
    expect(percentRank).toEqual([0.25, 0, 0.5, 0.5, 0, 0, 1, 1]);
    expect(cumeDist).toEqual([0.4, 2 / 3, 0.8, 0.8, 2 / 3, 0.2, 1, 1]);
  });

  it('ntile splits partitions into buckets differing by at most one row, larger first', async () => {
    const input = valuesNode([T.int], Array.from({ length: 7 }, (_, i) => [i]));
    const [three, ten] = await windowColumns(input, [
      over(input, 'ntile', [lit(3, T.int)], { orderBy: [asc(0)] }),
      over(input, 'ntile', [lit(10, T.int)], { orderBy: [asc(0)] }),
    ]);
    expect(three).toEqual([1, 1, 1, 2, 2, 3, 3]);
    expect(ten).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('orders descending with NULLs last', async () => {
    const [rank] = await windowColumns(table, [over(table, 'rank', [], { partitionBy: [0], orderBy: [desc(1)] })]);
    expect(rank).toEqual([4, 2, 2, 2, 2, 5, 1, 1]);
  });
});

describe('window: lag and lead', () => {
  it('reads rows before and after within the partition, with offsets and defaults', async () => {
    const x = col(table, 2);
    const [lag1, lead1, lag2Default, leadDefaultFromRow, lagBack] = await windowColumns(table, [
      over(table, 'lag', [x], byKey),
      over(table, 'lead', [x], byKey),
      over(table, 'lag', [x, lit(2, T.int), lit(-1, T.int)], byKey),
      over(table, 'lead', [x, lit(1, T.int), col(table, 1)], byKey),
      over(table, 'lag', [x, lit(-1, T.int)], byKey),
    ]);
    // Partition a values in order: 5, 10, 20, null, 30; b: null, 7, 1.
    expect(lag1).toEqual([5, null, 10, 20, null, null, 7, null]);
    expect(lead1).toEqual([20, 7, null, 30, 1, 10, null, null]);
    // Out of the partition the default applies; a NULL value inside it stays NULL.
    expect(lag2Default).toEqual([-1, -1, 5, 10, -1, -1, null, 20]);
    // The default is evaluated at the current row (its order key here).
    expect(leadDefaultFromRow).toEqual([20, 7, null, 30, 1, 10, 6, 3]);
    expect(lagBack).toEqual(lead1);
  });

  it('skips NULL values with IGNORE NULLS', async () => {
    const input = valuesNode([T.int, T.int], [[1, 1], [2, null], [3, null], [4, 4], [5, null], [6, 6]]);
    const x = col(input, 1);
    const spec: Spec = { orderBy: [asc(0)], ignoreNulls: true };
    const [lag1, lead1, lag2, lead0] = await windowColumns(input, [
      over(input, 'lag', [x], spec),
      over(input, 'lead', [x], spec),
      over(input, 'lag', [x, lit(2, T.int)], spec),
      over(input, 'lead', [x, lit(0, T.int)], spec),
    ]);
    expect(lag1).toEqual([null, 1, 1, 1, 4, 4]);
    expect(lead1).toEqual([4, 4, 4, 6, 6, null]);
    expect(lag2).toEqual([null, null, null, null, 1, 1]);
    expect(lead0).toEqual([1, null, null, 4, null, 6]);
  });
});

describe('window: first_value, last_value, nth_value', () => {
  it('follow the frame: with ORDER BY the default frame ends at the last peer', async () => {
    const x = col(table, 2);
    const [first, last, second, lastWhole] = await windowColumns(table, [
      over(table, 'first_value', [x], byKey),
      over(table, 'last_value', [x], byKey),
      over(table, 'nth_value', [x, lit(2, T.int)], byKey),
      over(table, 'last_value', [x], { ...byKey, frame: rows(up, uf) }),
    ]);
    expect(first).toEqual([5, null, 5, 5, null, 5, null, 5]);
    // Order key 2 has two peers (20, null): both see the frame end at the second.
    expect(last).toEqual([10, 7, null, null, 7, 5, 1, 30]);
    expect(second).toEqual([10, 7, 10, 10, 7, null, 7, 10]);
    expect(lastWhole).toEqual([30, 1, 30, 30, 1, 30, 1, 30]);
  });

  it('skip NULLs with IGNORE NULLS or a true second argument, and give NULL for frames without a value', async () => {
    const x = col(table, 2);
    const sliding = rows(preceding(1), cr);
    const [firstIgnoring, firstFlag, lastIgnoring, nthIgnoring] = await windowColumns(table, [
      over(table, 'first_value', [x], { ...byKey, frame: sliding, ignoreNulls: true }),
      over(table, 'first_value', [x, lit(true, T.boolean)], { ...byKey, frame: sliding }),
      over(table, 'last_value', [x], { ...byKey, frame: rows(up, cr), ignoreNulls: true }),
      over(table, 'nth_value', [x, lit(2, T.int), lit(true, T.boolean)], { ...byKey, frame: rows(up, uf) }),
    ]);
    expect(firstIgnoring).toEqual([5, null, 10, 20, 7, 5, 7, 30]);
    expect(firstFlag).toEqual(firstIgnoring);
    expect(lastIgnoring).toEqual([10, null, 20, 20, 7, 5, 1, 30]);
    expect(nthIgnoring).toEqual([10, 1, 10, 10, 1, 10, 1, 10]);
  });
});

describe('window: aggregates over frames', () => {
  const x = () => col(table, 2);

  it('whole partitions without ORDER BY', async () => {
    const [sum, count, countStar, avg, min, max] = await windowColumns(table, [
      over(table, 'sum', [x()], { partitionBy: [0] }),
      over(table, 'count', [x()], { partitionBy: [0] }),
      over(table, 'count', [lit(1, T.int)], { partitionBy: [0] }),
      over(table, 'avg', [x()], { partitionBy: [0] }),
      over(table, 'min', [x()], { partitionBy: [0] }),
      over(table, 'max', [x()], {}),
    ]);
    expect(sum).toEqual([65n, 8n, 65n, 65n, 8n, 65n, 8n, 65n]);
    expect(count).toEqual([4n, 2n, 4n, 4n, 2n, 4n, 2n, 4n]);
    expect(countStar).toEqual([5n, 3n, 5n, 5n, 3n, 5n, 3n, 5n]);
    expect(avg).toEqual([16.25, 4, 16.25, 16.25, 4, 16.25, 4, 16.25]);
    expect(min).toEqual([5, 1, 5, 5, 1, 5, 1, 5]);
    expect(max).toEqual(Array(8).fill(30));
  });

  it('running totals: RANGE (the default) shares the total among peers, ROWS does not', async () => {
    const [rangeSum, rowsSum, rangeCount] = await windowColumns(table, [
      over(table, 'sum', [x()], byKey),
      over(table, 'sum', [x()], { ...byKey, frame: rows(up, cr) }),
      over(table, 'count', [x()], byKey),
    ]);
    expect(rangeSum).toEqual([15n, 7n, 35n, 35n, 7n, 5n, 8n, 65n]);
    expect(rowsSum).toEqual([15n, null, 35n, 35n, 7n, 5n, 8n, 65n]);
    expect(rangeCount).toEqual([2n, 1n, 3n, 3n, 1n, 1n, 2n, 4n]);
  });

  it('frames towards the partition end and sliding frames', async () => {
    const [toEnd, centred, ahead, doubleToEnd] = await windowColumns(table, [
      over(table, 'sum', [x()], { ...byKey, frame: rows(cr, uf) }),
      over(table, 'max', [x()], { ...byKey, frame: rows(preceding(1), following(1)) }),
      over(table, 'count', [x()], { ...byKey, frame: rows(following(1), following(2)) }),
      over(table, 'sum', [col(table, 3)], { ...byKey, frame: rows(following(1), uf) }),
    ]);
    expect(toEnd).toEqual([60n, 8n, 50n, 30n, 8n, 65n, 1n, 30n]);
    expect(centred).toEqual([20, 7, 20, 30, 7, 10, 7, 30]);
    expect(ahead).toEqual([1n, 2n, 1n, 1n, 1n, 2n, 0n, 0n]);
    expect(doubleToEnd).toEqual([50, 8, 30, 30, 1, 60, null, null]);
  });

  it('RANGE frames with value offsets, NULL keys framing their peers', async () => {
    const [near, before, after] = await windowColumns(table, [
      over(table, 'sum', [x()], { ...byKey, frame: range(preceding(1), following(1)) }),
      over(table, 'count', [x()], { ...byKey, frame: range(up, preceding(1)) }),
      over(table, 'sum', [x()], { partitionBy: [0], orderBy: [desc(1)], frame: range(preceding(1), cr) }),
    ]);
    // a: keys null, 1, 2, 2, 3 — key 2's frame holds keys 1…3; the NULL key's frame is the NULL rows.
    expect(near).toEqual([30n, 8n, 60n, 60n, 8n, 5n, 8n, 50n]);
    // Keys below the bound include the NULL key, which sorts first.
    expect(before).toEqual([1n, 0n, 2n, 2n, 0n, 1n, 1n, 3n]);
    // Descending, 1 PRECEDING means one greater.
    expect(after).toEqual([30n, 8n, 50n, 50n, 8n, 5n, 1n, 30n]);
  });

  it('RANGE offsets over decimals and dates, in the key units', async () => {
    const input = valuesNode(
      [decimal(5, 2), T.date, T.int],
      [
        [100n, 10, 1],
        [150n, 11, 2],
        [250n, 13, 4],
        [301n, 20, 8],
      ],
    );
    const [byAmount, byDay] = await windowColumns(input, [
      over(input, 'sum', [col(input, 2)], { orderBy: [asc(0)], frame: range(preceding(1), cr) }),
      over(input, 'sum', [col(input, 2)], { orderBy: [asc(1)], frame: range(preceding(2), following(2)) }),
    ]);
    expect(byAmount).toEqual([1n, 3n, 6n, 12n]);
    expect(byDay).toEqual([3n, 7n, 6n, 8n]);
  });

  it('sums and averages decimals exactly', async () => {
    const input = valuesNode([T.int, decimal(18, 2)], [[1, 10n], [2, 20n], [3, 2n ** 52n], [4, 2n ** 52n], [5, 1n]]);
    const [sum, avg] = await windowColumns(input, [
      over(input, 'sum', [col(input, 1)], { orderBy: [asc(0)] }),
      over(input, 'avg', [col(input, 1)], { orderBy: [asc(0)], frame: rows(preceding(1), cr) }),
    ]);
    expect(sum).toEqual([10n, 30n, 2n ** 52n + 30n, 2n ** 53n + 30n, 2n ** 53n + 31n]);
    // avg(decimal(18,2)) is decimal(22,6): (0.10 + 0.20) / 2 = 0.15 → 150000 at scale 6.
    expect(avg).toEqual([100000n, 150000n, (2n ** 52n + 20n) * 5000n, 2n ** 52n * 10000n, (2n ** 52n + 1n) * 5000n]);
  });

  it('other aggregates through the shared accumulators', async () => {
    const [list, stddev, every] = await windowColumns(table, [
      over(table, 'collect_list', [x()], byKey),
      over(table, 'stddev_samp', [col(table, 3)], { partitionBy: [0] }),
      over(table, 'bool_and', [lit(true, T.boolean)], { ...byKey, frame: rows(cr, following(1)) }),
    ]);
    expect(list).toEqual([[5, 10], [7], [5, 10, 20], [5, 10, 20], [7], [5], [7, 1], [5, 10, 20, 30]]);
    expect(stddev![0]).toBeCloseTo(Math.sqrt(368.75 / 3), 9);
    expect(every).toEqual(Array(8).fill(true));
  });

  it('rejects DISTINCT, as Spark does', async () => {
    await expect(windowColumns(table, [over(table, 'count', [x()], { partitionBy: [0], distinct: true })])).rejects.toThrow(/DISTINCT/);
  });
});

describe('window: several functions and no input', () => {
  it('keeps the input columns and row order, computing windows of different specifications', async () => {
    const out = await runRows(
      windowNode(table, [over(table, 'row_number', [], { orderBy: [desc(2)] }), over(table, 'sum', [col(table, 2)], { partitionBy: [0] })]),
      testContext({ batchSize: 3 }),
    );
    expect(out.map((r) => r.slice(0, 4))).toEqual(TABLE);
    expect(out.map((r) => r[4])).toEqual([3, 7, 2, 8, 4, 5, 6, 1]);
    expect(out.map((r) => r[5])).toEqual([65n, 8n, 65n, 65n, 8n, 65n, 8n, 65n]);
  });

  it('gives no rows for no input', async () => {
    const empty = valuesNode([T.string, T.int, T.int, T.double], []);
    expect(await runRows(windowNode(empty, [over(empty, 'rank', [], byKey), over(empty, 'sum', [col(empty, 2)], byKey)]))).toEqual([]);
  });
});

// ───────────────────────────── properties against a naive reference ─────────────────────────────

// Columns: partition (int), order key (int), value (int), value as double.
const PROPERTY_TYPES = [T.int, T.int, T.int, T.double];
const propertyRow = fc
  .tuple(
    fc.option(fc.integer({ min: 0, max: 2 }), { nil: null, freq: 6 }),
    fc.option(fc.integer({ min: 0, max: 4 }), { nil: null, freq: 6 }),
    fc.option(fc.integer({ min: -5, max: 5 }), { nil: null, freq: 4 }),
  )
  .map(([p, o, x]) => [p, o, x, x === null ? null : x / 4]);

const orderArb = fc.array(
  fc.record({ column: fc.constantFrom(1, 2), ascending: fc.boolean(), nullsFirst: fc.boolean() }),
  { minLength: 1, maxLength: 2 },
);

interface Arranged {
  /** Row indices of the current row's partition in window order. */
  readonly sorted: number[];
  /** The current row's place in `sorted`. */
  readonly position: number;
  /** Compares two rows by the ORDER BY. */
  readonly compare: (i: number, j: number) => number;
}

/** The window arrangement of row `i` as a definition would state it: same partition values, stably sorted. */
function arrangeNaively(table: readonly JsValue[][], i: number, orderBy: readonly OrderSpec[]): Arranged {
  const intCompare = comparatorOf(T.int);
  const compare = (a: number, b: number) => {
    for (const o of orderBy) {
      const x = table[a]![o.column]!;
      const y = table[b]![o.column]!;
      const c = x === null || y === null ? (x === y ? 0 : (x === null) === o.nullsFirst ? -1 : 1) : (o.ascending ? 1 : -1) * intCompare(x, y);
      if (c !== 0) return c;
    }
    return 0;
  };
  const partition = table.map((_, j) => j).filter((j) => table[j]![0] === table[i]![0]);
  const sorted = [...partition].sort((a, b) => compare(a, b) || a - b);
  return { sorted, position: sorted.indexOf(i), compare };
}

type Bound = { kind: 'up' } | { kind: 'uf' } | { kind: 'cr' } | { kind: 'p' | 'f'; n: number };

const toFrameBound = (b: Bound): FrameBound =>
  b.kind === 'up' ? up : b.kind === 'uf' ? uf : b.kind === 'cr' ? cr : b.kind === 'p' ? preceding(b.n) : following(b.n);

const startArb: fc.Arbitrary<Bound> = fc.oneof(
  fc.constant({ kind: 'up' as const }),
  fc.constant({ kind: 'cr' as const }),
  fc.record({ kind: fc.constantFrom('p' as const, 'f' as const), n: fc.integer({ min: 0, max: 3 }) }),
);
const endArb: fc.Arbitrary<Bound> = fc.oneof(
  fc.constant({ kind: 'uf' as const }),
  fc.constant({ kind: 'cr' as const }),
  fc.record({ kind: fc.constantFrom('p' as const, 'f' as const), n: fc.integer({ min: 0, max: 3 }) }),
);

/** The frame's rows (table indices, in window order) for ROWS frames: positions. */
function rowsFrame(a: Arranged, start: Bound, end: Bound): number[] {
  const n = a.sorted.length;
  const p = a.position;
  const from = start.kind === 'up' ? 0 : start.kind === 'cr' ? p : start.kind === 'p' ? p - start.n : start.kind === 'f' ? p + start.n : n;
  const to = end.kind === 'uf' ? n - 1 : end.kind === 'cr' ? p : end.kind === 'p' ? p - end.n : end.kind === 'f' ? p + end.n : -1;
  return a.sorted.slice(Math.max(from, 0), Math.max(Math.min(to, n - 1) + 1, 0));
}

/** The frame's rows for RANGE frames over one int ORDER BY key: the rows whose key lies within the bounds. */
function rangeFrame(table: readonly JsValue[][], a: Arranged, order: OrderSpec, start: Bound, end: Bound, i: number): number[] {
  const key = table[i]![order.column] as number | null;
  // Where row j's key stands against a bound value (NULL for a NULL current key), in the ORDER BY's order.
  const against = (j: number, bound: number | null) => {
    const x = table[j]![order.column] as number | null;
    if (x === null || bound === null) return x === bound ? 0 : (x === null) === order.nullsFirst ? -1 : 1;
    return (order.ascending ? 1 : -1) * Math.sign(x - bound);
  };
  const boundOf = (b: Bound) => (key === null ? null : key + (order.ascending ? 1 : -1) * (b.kind === 'p' ? -(b as { n: number }).n : (b as { n: number }).n));
  const inStart = (j: number) => start.kind === 'up' || (start.kind === 'cr' ? a.compare(j, i) >= 0 : against(j, boundOf(start)) >= 0);
  const inEnd = (j: number) => end.kind === 'uf' || (end.kind === 'cr' ? a.compare(j, i) <= 0 : against(j, boundOf(end)) <= 0);
  return a.sorted.filter((j) => inStart(j) && inEnd(j));
}

type FrameFunction = 'sum' | 'count' | 'avg' | 'min' | 'max' | 'first_value' | 'last_value' | 'nth_value' | 'first ignoring nulls' | 'double sum';

/** The function over the frame's rows (column 2 is the value, column 3 the same as a double). */
function naiveFrameFunction(name: FrameFunction, table: readonly JsValue[][], frame: readonly number[]): JsValue {
  const xs = frame.map((j) => table[j]![2] as number | null);
  const present = xs.filter((v): v is number => v !== null);
  switch (name) {
    case 'sum':
      return present.length ? BigInt(present.reduce((s, v) => s + v, 0)) : null;
    case 'double sum': {
      const ds = frame.map((j) => table[j]![3] as number | null).filter((v): v is number => v !== null);
      return ds.length ? ds.reduce((s, v) => s + v, 0) : null;
    }
    case 'count':
      return BigInt(present.length);
    case 'avg':
      return present.length ? present.reduce((s, v) => s + v, 0) / present.length : null;
    case 'min':
      return present.length ? Math.min(...present) : null;
    case 'max':
      return present.length ? Math.max(...present) : null;
    case 'first_value':
      return xs.length ? xs[0]! : null;
    case 'last_value':
      return xs.length ? xs[xs.length - 1]! : null;
    case 'nth_value':
      return xs.length >= 2 ? xs[1]! : null;
    case 'first ignoring nulls':
      return present[0] ?? null;
  }
}

function frameCall(input: PhysicalPlan, name: FrameFunction, spec: Spec): WindowExpr {
  const x = col(input, 2);
  switch (name) {
    case 'double sum':
      return over(input, 'sum', [col(input, 3)], spec);
    case 'nth_value':
      return over(input, 'nth_value', [x, lit(2, T.int)], spec);
    case 'first ignoring nulls':
      return over(input, 'first_value', [x], { ...spec, ignoreNulls: true });
    default:
      return over(input, name, [x], spec);
  }
}

const frameFunctionArb = fc.constantFrom<FrameFunction>(
  'sum',
  'count',
  'avg',
  'min',
  'max',
  'first_value',
  'last_value',
  'nth_value',
  'first ignoring nulls',
  'double sum',
);

describe('window (properties)', () => {
  it('aggregates and frame values over ROWS frames equal a naive per-row computation', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(propertyRow, { maxLength: 25 }),
        orderArb,
        startArb,
        endArb,
        frameFunctionArb,
        fc.boolean(),
        fc.integer({ min: 1, max: 8 }),
        async (data, orderBy, start, end, name, partitioned, batchSize) => {
          const input = valuesNode(PROPERTY_TYPES, data);
          const rowsOf = partitioned ? data : data.map((r) => [null, ...r.slice(1)]);
          const spec: Spec = { partitionBy: partitioned ? [0] : [], orderBy, frame: rows(toFrameBound(start), toFrameBound(end)) };
          const [got] = await windowColumns(input, [frameCall(input, name, spec)], batchSize);
          const expected = data.map((_, i) => naiveFrameFunction(name, data, rowsFrame(arrangeNaively(rowsOf, i, orderBy), start, end)));
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('aggregates and frame values over RANGE frames equal a naive per-row computation', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(propertyRow, { maxLength: 25 }),
        fc.record({ column: fc.constant(1), ascending: fc.boolean(), nullsFirst: fc.boolean() }),
        startArb,
        endArb,
        frameFunctionArb,
        async (data, order, start, end, name) => {
          const input = valuesNode(PROPERTY_TYPES, data);
          const spec: Spec = { partitionBy: [0], orderBy: [order], frame: range(toFrameBound(start), toFrameBound(end)) };
          const [got] = await windowColumns(input, [frameCall(input, name, spec)]);
          const expected = data.map((_, i) => naiveFrameFunction(name, data, rangeFrame(data, arrangeNaively(data, i, [order]), order, start, end, i)));
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('ranking and offset functions equal a naive per-row computation', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(propertyRow, { maxLength: 25 }),
        orderArb,
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: -2, max: 3 }),
        async (data, orderBy, buckets, offset) => {
          const input = valuesNode(PROPERTY_TYPES, data);
          const spec: Spec = { partitionBy: [0], orderBy };
          const x = col(input, 2);
          const got = await windowColumns(input, [
            over(input, 'row_number', [], spec),
            over(input, 'rank', [], spec),
            over(input, 'dense_rank', [], spec),
            over(input, 'percent_rank', [], spec),
            over(input, 'cume_dist', [], spec),
            over(input, 'ntile', [lit(buckets, T.int)], spec),
            over(input, 'lag', [x, lit(offset, T.int), lit(99, T.int)], spec),
            over(input, 'lead', [x, lit(offset, T.int)], { ...spec, ignoreNulls: true }),
          ]);
          const expected = data.map((_, i) => {
            const a = arrangeNaively(data, i, orderBy);
            const n = a.sorted.length;
            const less = a.sorted.filter((j) => a.compare(j, i) < 0);
            const rank = less.length + 1;
            const distinctLess = less.filter((j, k) => k === 0 || a.compare(less[k - 1]!, j) !== 0).length;
            const notGreater = a.sorted.filter((j) => a.compare(j, i) <= 0).length;
            const sizes = Array.from({ length: buckets }, (_, b) => Math.floor(n / buckets) + (b < n % buckets ? 1 : 0));
            let bucket = 0;
            for (let seen = sizes[0]!; seen <= a.position; seen += sizes[++bucket]!);
            const lagAt = a.position - offset;
            const nonNullAfter = a.sorted.slice(a.position + 1).filter((j) => data[j]![2] !== null);
            const nonNullBefore = a.sorted.slice(0, a.position).filter((j) => data[j]![2] !== null).reverse();
            const leadIgnoring =
              offset === 0 ? data[i]![2] : offset > 0 ? (nonNullAfter[offset - 1] === undefined ? null : data[nonNullAfter[offset - 1]!]![2]) : nonNullBefore[-offset - 1] === undefined ? null : data[nonNullBefore[-offset - 1]!]![2];
            return [
              a.position + 1,
              rank,
              distinctLess + 1,
              n > 1 ? (rank - 1) / (n - 1) : 0,
              notGreater / n,
              bucket + 1,
              lagAt >= 0 && lagAt < n ? data[a.sorted[lagAt]!]![2] : 99,
              leadIgnoring,
            ];
          });
          expect(got).toEqual(got.map((_, f) => expected.map((e) => e[f])));
        },
      ),
      { numRuns: 300 },
    );
  });
});
