// Per-row hash keys over one or more columns, for JS Maps in aggregation, joins and set operations. One numeric
// column keys by its number; anything else by a string that tells values and types apart.
import { assertNever } from '../../common/assert-never.js';
import { MAX_EXACT } from '../vector.js';
import type { Vector } from '../vector.js';

export type RowKey = number | string;

/** How NULLs key: as a value equal to other NULLs (GROUP BY, DISTINCT, set operations), or not at all (join keys). */
export type NullKeying = 'nullsEqual' | 'nullsNeverMatch';

const NULL_KEY = '\u0001';
const BIG_EXACT = BigInt(MAX_EXACT);

/**
 * The key of every row. With `nullsNeverMatch`, a row with a NULL in any key column gets `undefined`.
 * Equal SQL values give equal keys across batches and layouts (a dictionary code keys as its string, an `f64`
 * bigint as its number, +0 as -0, NaN as NaN), provided the columns have the same types.
 */
export function rowKeys(columns: readonly Vector[], length: number, nulls: NullKeying): (RowKey | undefined)[] {
  const keys = new Array<RowKey | undefined>(length);
  if (columns.length === 1) {
    const c = columns[0]!;
    // NULL's key must differ from every value's: string-keyed layouts never key as a number, the others never as this string.
    const nullKey = nulls === 'nullsNeverMatch' ? undefined : c.data.layout === 'str' || c.data.layout === 'dict' || c.data.layout === 'obj' ? -1 : NULL_KEY;
    for (let i = 0; i < length; i++) keys[i] = c.nulls?.[i] === 1 ? nullKey : scalarKey(c, i);
    return keys;
  }
  for (let i = 0; i < length; i++) {
    let key = '';
    let hasNull = false;
    for (const c of columns) {
      if (c.nulls?.[i] === 1) {
        hasNull = true;
        key += NULL_KEY + '\u0000';
      } else {
        const k = scalarKey(c, i);
        // Tag numbers so 1 and '1' stay apart; separators cannot occur inside the tagged parts' boundaries.
        key += (typeof k === 'number' ? `#${k}` : `'${k.length}:${k}`) + '\u0000';
      }
    }
    keys[i] = hasNull && nulls === 'nullsNeverMatch' ? undefined : key;
  }
  return keys;
}

/** The key of one non-NULL value. */
export function scalarKey(c: Vector, i: number): RowKey {
  const d = c.data;
  switch (d.layout) {
    case 'bool':
    case 'i32':
      return d.values[i]!;
    case 'f64': {
      const v = d.values[i]!;
      return v === 0 ? 0 : v;
    }
    case 'big': {
      // The same value may sit in an `f64` vector elsewhere: key exact-as-double values by their number.
      const v = d.values[i]!;
      return v < BIG_EXACT && v > -BIG_EXACT ? Number(v) : `n${v}`;
    }
    case 'str':
      return d.values[i]!;
    case 'dict':
      return d.dictionary[d.codes[i]!]!;
    case 'obj':
      return objectKey(d.values[i]);
    default:
      return assertNever(d, 'vector layout');
  }
}

function objectKey(v: unknown): string {
  if (v instanceof Uint8Array) return `x${Buffer.from(v).toString('hex')}`;
  if (v instanceof Map) return `m${JSON.stringify([...v.entries()], replacer)}`;
  return `o${JSON.stringify(v, replacer)}`;
}

function replacer(_: string, v: unknown): unknown {
  if (typeof v === 'bigint') return `${v}n`;
  if (v instanceof Uint8Array) return Buffer.from(v).toString('hex');
  if (v instanceof Map) return [...v.entries()];
  return v;
}
