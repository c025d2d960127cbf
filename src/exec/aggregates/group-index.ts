// Dense group ids for GROUP BY keys across batches. Each key column's distinct values get dense ids of their own,
// and the ids of several columns are paired one column at a time, so no row builds a composite string key; a
// dictionary-encoded column is keyed once per dictionary entry, not per row.
import type { Vector } from '../vector.js';
import type { StableKey } from './stable-keys.js';
import { NumberIds } from './number-ids.js';
import { NULL_KEY, stableRowKeys } from './stable-keys.js';

/** Pairs of ids below these bounds combine into one exact number key: a * 2^26 + b < 2^53. */
const PAIR_LEFT_LIMIT = 2 ** 27;
const PAIR_RIGHT_LIMIT = 2 ** 26;
/** While the two id ranges span at most this many pairs, pairs are also looked up in a dense table. */
const DENSE_PAIRS = 2 ** 16;

export interface GroupAssignment {
  /** The group id of every row of the batch. */
  readonly groups: Int32Array;
  /** The first row of each group this batch created, in group id order (their keys become the output's keys). */
  readonly firstRows: Int32Array;
}

/**
 * Assigns group ids to rows by their key values; equal keys (NULLs equal) get the same id in any batch, and ids are
 * handed out densely in order of first appearance.
 *
 * @example
 * const index = new GroupIndex(2);
 * const { groups, firstRows } = index.assign([flag, status], batch.length); // index.size groups so far
 */
export class GroupIndex {
  private readonly columns: ColumnValueIds[];
  /** One per column after the first: (ids of the columns before, id of this column) → combined id. */
  private readonly pairs: PairIds[];

  constructor(keyCount: number) {
    if (keyCount < 1) throw new RangeError('a GroupIndex needs at least one key column');
    this.columns = Array.from({ length: keyCount }, () => new ColumnValueIds());
    this.pairs = Array.from({ length: keyCount - 1 }, () => new PairIds());
  }

  /** The number of groups so far. */
  get size(): number {
    return this.pairs.length === 0 ? this.columns[0]!.size : this.pairs[this.pairs.length - 1]!.size;
  }

  assign(keys: readonly Vector[], length: number): GroupAssignment {
    const before = this.size;
    let ids = this.columns[0]!.idsOf(keys[0]!, length);
    let idCount = this.columns[0]!.size;
    for (let c = 1; c < keys.length; c++) {
      const column = this.columns[c]!;
      const pairs = this.pairs[c - 1]!;
      ids = pairs.combine(ids, idCount, column.idsOf(keys[c]!, length), column.size);
      idCount = pairs.size;
    }
    const firstRows = new Int32Array(this.size - before);
    for (let i = 0, next = before; i < length && next < this.size; i++) {
      // Ids are handed out in row order, so the rows creating new groups meet them in increasing order.
      if (ids[i] === next) firstRows[next++ - before] = i;
    }
    return { groups: ids, firstRows };
  }
}

/** Dense ids for pairs of ids. */
class PairIds {
  private readonly ids = new Map<number | string, number>();
  // A cache of `ids` while the pairs are few: table[a * width + b], -1 where not looked up yet.
  private table = new Int32Array(0);
  private width = 0;
  private height = 0;

  get size(): number {
    return this.ids.size;
  }

  /** The id of each pair (left[i], right[i]), where every left id is below `leftCount` and every right below `rightCount`. */
  combine(left: Int32Array, leftCount: number, right: Int32Array, rightCount: number): Int32Array {
    const out = new Int32Array(left.length);
    if (leftCount * rightCount > DENSE_PAIRS) {
      for (let i = 0; i < left.length; i++) out[i] = this.idOf(left[i]!, right[i]!);
      return out;
    }
    if (leftCount > this.height || rightCount > this.width) {
      this.height = leftCount;
      this.width = rightCount;
      this.table = new Int32Array(leftCount * rightCount).fill(-1);
    }
    const { table, width } = this;
    for (let i = 0; i < left.length; i++) {
      const slot = left[i]! * width + right[i]!;
      let id = table[slot]!;
      if (id < 0) table[slot] = id = this.idOf(left[i]!, right[i]!);
      out[i] = id;
    }
    return out;
  }

  private idOf(a: number, b: number): number {
    const key = a < PAIR_LEFT_LIMIT && b < PAIR_RIGHT_LIMIT ? a * PAIR_RIGHT_LIMIT + b : `${a},${b}`;
    let id = this.ids.get(key);
    if (id === undefined) this.ids.set(key, (id = this.ids.size));
    return id;
  }
}

/** Dense ids for the distinct values of one key column. */
class ColumnValueIds {
  /** Number keys (numeric layouts, and 64-bit values below 2^53) in a typed-array table; other keys in a Map. */
  private readonly numberIds = new NumberIds();
  private readonly otherIds = new Map<StableKey, number>();
  private count = 0;
  // The last dictionary seen, its entries' keys and their ids (-1 until a row uses the entry, so that ids keep being
  // handed out in row order): batches of one file usually share their dictionary.
  private dictionary: readonly string[] | undefined;
  private dictionaryKeys: StableKey[] = [];
  private dictionaryIds = new Int32Array(0);

  get size(): number {
    return this.count;
  }

  idsOf(v: Vector, length: number): Int32Array {
    const out = new Int32Array(length);
    const d = v.data;
    const nulls = v.nulls;
    switch (d.layout) {
      case 'bool':
      case 'i32':
      case 'f64': {
        // Numbers key as themselves (what rowKeys gives them), without building a key per row.
        const values = d.values;
        for (let i = 0; i < length; i++) out[i] = nulls !== undefined && nulls[i] === 1 ? this.idOf(NULL_KEY) : this.numberIdOf(values[i]!);
        return out;
      }
      case 'dict': {
        this.useDictionary(v, d.dictionary);
        const { dictionaryIds: entryIds, dictionaryKeys: entryKeys } = this;
        const codes = d.codes;
        for (let i = 0; i < length; i++) {
          if (nulls !== undefined && nulls[i] === 1) {
            out[i] = this.idOf(NULL_KEY);
            continue;
          }
          const code = codes[i]!;
          let id = entryIds[code]!;
          if (id < 0) entryIds[code] = id = this.idOf(entryKeys[code]!);
          out[i] = id;
        }
        return out;
      }
      default: {
        const keys = stableRowKeys([v], length);
        for (let i = 0; i < length; i++) out[i] = this.idOf(keys[i]!);
        return out;
      }
    }
  }

  private numberIdOf(key: number): number {
    const id = this.numberIds.idOf(key, this.count);
    if (id === this.count) this.count++;
    return id;
  }

  private idOf(key: StableKey): number {
    if (typeof key === 'number') return this.numberIdOf(key);
    let id = this.otherIds.get(key);
    if (id === undefined) this.otherIds.set(key, (id = this.count++));
    return id;
  }

  private useDictionary(v: Vector, dictionary: readonly string[]): void {
    if (dictionary === this.dictionary) return;
    const entries: Vector = { type: v.type, length: dictionary.length, data: { layout: 'str', values: dictionary } };
    this.dictionaryKeys = stableRowKeys([entries], dictionary.length);
    this.dictionaryIds = new Int32Array(dictionary.length).fill(-1);
    this.dictionary = dictionary;
  }
}
