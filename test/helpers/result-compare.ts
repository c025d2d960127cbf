// Compares a query result with an oracle's: exact decimals, doubles to 1e-9, ORDER BY honoured up to ties and LIMIT cuts.
// Used by the DuckDB correctness harness and by the benchmark's answer check.
import { DataType, Type } from 'apache-arrow';
import type { Data, Decimal, Table, Timestamp } from 'apache-arrow';
import { dateDaysReader, decimalReader, genericReader, nullTest, timestampMicrosReader } from '../../src/io/arrow-access.js';
import { columnText } from '../../src/io/value-text.js';
import type { LogicalPlan } from '../../src/logical/plan.js';
import { outputOf } from '../../src/logical/output.js';

/** One value, in a form both sides can be put in. */
export type Cell =
  | null
  | { readonly t: 'int'; readonly v: bigint }
  | { readonly t: 'dec'; readonly unscaled: bigint; readonly scale: number }
  | { readonly t: 'float'; readonly v: number }
  | { readonly t: 'str'; readonly v: string }
  | { readonly t: 'bool'; readonly v: boolean }
  | { readonly t: 'date'; readonly days: number }
  | { readonly t: 'ts'; readonly micros: bigint }
  | { readonly t: 'list'; readonly items: readonly Cell[] };

export type Row = readonly Cell[];

/** What the query promises about row order: the output positions of its ORDER BY keys, and its LIMIT. */
export interface ResultOrder {
  /** Output positions of the leading ORDER BY keys that are output columns; undefined when the result is unordered. */
  readonly keys: readonly number[] | undefined;
  readonly limit: number | undefined;
}

/** The rows of an Arrow table (sqlopt's result) as cells. */
export function arrowRows(table: Table): Row[] {
  const rows: Row[] = [];
  for (const batch of table.batches) {
    const columns = batch.schema.fields.map((_, c) => cellReader(batch.getChildAt(c)!.data[0]!));
    for (let i = 0; i < batch.numRows; i++) rows.push(columns.map((read) => read(i)));
  }
  return rows;
}

function cellReader(data: Data): (row: number) => Cell {
  const isNull = nullTest(data);
  const read = valueReader(data);
  return isNull ? (i) => (isNull(i) ? null : read(i)) : read;
}

function valueReader(data: Data): (row: number) => Cell {
  const type = data.type as DataType;
  switch (type.typeId) {
    case Type.Int: {
      const values = data.values as ArrayLike<number | bigint>;
      return (i) => ({ t: 'int', v: BigInt(values[i]!) });
    }
    case Type.Float: {
      const values = data.values as Float64Array | Float32Array;
      return (i) => ({ t: 'float', v: values[i]! });
    }
    case Type.Decimal: {
      const read = decimalReader(data as Data<Decimal>);
      const scale = (type as Decimal).scale;
      return (i) => ({ t: 'dec', unscaled: BigInt(read(i)), scale });
    }
    case Type.Date: {
      const read = dateDaysReader(data);
      return (i) => ({ t: 'date', days: read(i) });
    }
    case Type.Timestamp: {
      const read = timestampMicrosReader(data as Data<Timestamp>);
      return (i) => ({ t: 'ts', micros: read(i) });
    }
    case Type.Bool: {
      const read = genericReader(data);
      return (i) => ({ t: 'bool', v: read(i) as boolean });
    }
    case Type.Utf8:
    case Type.LargeUtf8:
    case Type.Dictionary: {
      const text = columnText(data, { timeZone: 'UTC', timestamps: 'show' });
      return (i) => ({ t: 'str', v: text(i)! });
    }
    case Type.Struct:
    case Type.List: {
      const children = type.typeId === Type.Struct ? data.children.map(cellReader) : undefined;
      if (children) return (i) => ({ t: 'list', items: children.map((read) => read(i)) });
      const offsets = data.valueOffsets as Int32Array;
      const element = cellReader(data.children[0]!);
      return (i) => {
        const items: Cell[] = [];
        for (let j = offsets[i]!; j < offsets[i + 1]!; j++) items.push(element(j));
        return { t: 'list', items };
      };
    }
  }
  const read = genericReader(data);
  return (i) => ({ t: 'str', v: String(read(i)) });
}

/**
 * The order a query's result must have, read from its analyzed plan: the ORDER BY keys under the final projections
 * and LIMIT, as positions of output columns (stopping at the first key that is not an output column).
 */
export function resultOrder(plan: LogicalPlan): ResultOrder {
  // For each output position, the id that column has at the current depth of the walk.
  let ids: (number | undefined)[] = outputOf(plan).map((c) => c.id);
  let limit: number | undefined;
  let node = plan;
  for (;;) {
    switch (node.kind) {
      case 'limit':
        limit = node.limit;
        node = node.input;
        continue;
      case 'subqueryAlias':
        node = node.input;
        continue;
      case 'project': {
        const columns = node.columns;
        ids = ids.map((id) => {
          const named = columns.find((c) => c.id === id);
          return named?.expr.kind === 'column' ? named.expr.id : undefined;
        });
        node = node.input;
        continue;
      }
      case 'sort': {
        if (!node.global) return { keys: undefined, limit };
        const keys: number[] = [];
        for (const key of node.order) {
          const position = key.expr.kind === 'column' ? ids.indexOf(key.expr.id) : -1;
          if (position < 0) break;
          keys.push(position);
        }
        return { keys, limit };
      }
      default:
        return { keys: undefined, limit };
    }
  }
}

/**
 * Why `actual` differs from `expected`, or undefined when they agree. Unordered results compare as multisets.
 * Ordered ones compare group by group, a group being a run of expected rows with equal ORDER BY keys (ties may come
 * in any order). When a LIMIT cuts a group, the two engines may keep different rows of it, so there only the keys
 * are compared. `rowAfterLimit` tells whether that happened: the oracle's row after the last one kept (null when
 * there is none); when it is not known (undefined), a last group that fills the LIMIT is taken as cut.
 */
export function compareResults(actual: readonly Row[], expected: readonly Row[], order: ResultOrder, rowAfterLimit?: Row | null): string | undefined {
  if (actual.length !== expected.length) return `${actual.length} rows, expected ${expected.length}\n${preview('actual', actual)}\n${preview('expected', expected)}`;
  if (order.keys === undefined) return compareMultisets(actual, expected, 0);
  const keys = order.keys;
  const sameKeys = (a: Row, b: Row) => keys.every((k) => cellsEqual(a[k]!, b[k]!));
  const filled = order.limit === expected.length;
  for (let start = 0; start < expected.length; ) {
    let end = start + 1;
    while (end < expected.length && sameKeys(expected[start]!, expected[end]!)) end++;
    const cut = filled && end === expected.length && (rowAfterLimit === undefined || (rowAfterLimit !== null && sameKeys(rowAfterLimit, expected[start]!)));
    const project = (rows: readonly Row[]) => (cut ? rows.map((r) => keys.map((k) => r[k]!)) : rows);
    const problem = compareMultisets(project(actual.slice(start, end)), project(expected.slice(start, end)), start);
    if (problem) return problem;
    start = end;
  }
  return undefined;
}

function compareMultisets(actual: readonly Row[], expected: readonly Row[], offset: number): string | undefined {
  const [a, e] = [sortRows(actual), sortRows(expected)];
  for (let i = 0; i < a.length; i++) {
    const column = a[i]!.findIndex((cell, c) => !cellsEqual(cell, e[i]![c]!));
    if (column >= 0) {
      return `row ${offset + i + 1} (in sorted order within its group), column ${column + 1}: ${show(a[i]![column]!)}, expected ${show(e[i]![column]!)}\n  actual   ${showRow(a[i]!)}\n  expected ${showRow(e[i]!)}`;
    }
  }
  return undefined;
}

/** Sorted so that both sides line up: exact columns first, then approximate ones, which may differ in the last bits. */
function sortRows(rows: readonly Row[]): Row[] {
  if (rows.length < 2) return [...rows];
  const width = rows[0]!.length;
  const approximate = (c: number) => rows.some((r) => r[c] !== null && (r[c]!.t === 'float' || r[c]!.t === 'dec'));
  const columns = [...Array.from({ length: width }, (_, c) => c).filter((c) => !approximate(c)), ...Array.from({ length: width }, (_, c) => c).filter(approximate)];
  return [...rows].sort((x, y) => {
    for (const c of columns) {
      const d = compareCells(x[c]!, y[c]!);
      if (d !== 0) return d;
    }
    return 0;
  });
}

function compareCells(a: Cell, b: Cell): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  const [x, y] = [sortKey(a), sortKey(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

function sortKey(c: Exclude<Cell, null>): number | string {
  switch (c.t) {
    case 'int':
    case 'dec':
    case 'float':
      return toNumber(c);
    case 'str':
      return c.v;
    case 'bool':
      return c.v ? 1 : 0;
    case 'date':
      return c.days;
    case 'ts':
      return Number(c.micros);
    case 'list':
      return c.items.map(show).join('\u0000');
  }
}

/**
 * Whether two values agree: exact numbers (integers, decimals) exactly, after rounding the one with more fraction
 * digits to the other's scale (half up, as Spark rounds a decimal result); a double against anything to 1e-9 relative,
 * plus half a unit of a decimal's last place (a decimal result is the exact value rounded).
 */
export function cellsEqual(a: Cell, b: Cell): boolean {
  if (a === null || b === null) return a === b;
  if (isNumber(a) && isNumber(b)) return numbersEqual(a, b);
  switch (a.t) {
    case 'str':
      return b.t === 'str' && a.v === b.v;
    case 'bool':
      return b.t === 'bool' && a.v === b.v;
    case 'date':
      return b.t === 'date' && a.days === b.days;
    case 'ts':
      return b.t === 'ts' && a.micros === b.micros;
    case 'list':
      return b.t === 'list' && a.items.length === b.items.length && a.items.every((item, i) => cellsEqual(item, b.items[i]!));
    default:
      return false;
  }
}

type NumberCell = Extract<Cell, { t: 'int' | 'dec' | 'float' }>;

function isNumber(c: Exclude<Cell, null>): c is NumberCell {
  return c.t === 'int' || c.t === 'dec' || c.t === 'float';
}

function numbersEqual(a: NumberCell, b: NumberCell): boolean {
  if (a.t === 'float' || b.t === 'float') {
    const [x, y] = [toNumber(a), toNumber(b)];
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) && Number.isNaN(y);
    const halfUnit = (c: NumberCell) => (c.t === 'dec' ? 0.5 * 10 ** -c.scale : 0);
    return Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y)) + halfUnit(a) + halfUnit(b) + 1e-12;
  }
  const [x, y] = [asDecimal(a), asDecimal(b)];
  const scale = Math.min(x.scale, y.scale);
  return roundTo(x, scale) === roundTo(y, scale);
}

function asDecimal(c: Extract<Cell, { t: 'int' | 'dec' }>): { unscaled: bigint; scale: number } {
  return c.t === 'int' ? { unscaled: c.v, scale: 0 } : c;
}

/** The unscaled value at `scale` (≤ the value's own), rounded half away from zero. */
function roundTo(d: { unscaled: bigint; scale: number }, scale: number): bigint {
  const divisor = 10n ** BigInt(d.scale - scale);
  if (divisor === 1n) return d.unscaled;
  const negative = d.unscaled < 0n;
  const magnitude = negative ? -d.unscaled : d.unscaled;
  const rounded = (magnitude + divisor / 2n) / divisor;
  return negative ? -rounded : rounded;
}

function toNumber(c: NumberCell): number {
  if (c.t === 'float') return c.v;
  if (c.t === 'int') return Number(c.v);
  return Number(c.unscaled) / 10 ** c.scale;
}

function show(c: Cell): string {
  if (c === null) return 'NULL';
  switch (c.t) {
    case 'int':
      return c.v.toString();
    case 'dec': {
      const digits = (c.unscaled < 0n ? -c.unscaled : c.unscaled).toString().padStart(c.scale + 1, '0');
      return `${c.unscaled < 0n ? '-' : ''}${c.scale ? `${digits.slice(0, -c.scale)}.${digits.slice(-c.scale)}` : digits}`;
    }
    case 'float':
      return `${c.v}d`;
    case 'str':
      return JSON.stringify(c.v);
    case 'bool':
      return String(c.v);
    case 'date':
      return `date(${c.days})`;
    case 'ts':
      return `ts(${c.micros})`;
    case 'list':
      return `[${c.items.map(show).join(', ')}]`;
  }
}

function showRow(row: Row): string {
  return row.map(show).join(' | ');
}

function preview(label: string, rows: readonly Row[]): string {
  const shown = rows.slice(0, 5).map((r) => `  ${showRow(r)}`);
  return `${label} (first ${shown.length}):\n${shown.join('\n')}`;
}
