// Join key codes: one number per row standing for all its join key values, equal exactly when `=` holds in every key
// column, so the build index is a plain array or a NumberMap over doubles and never a Map of per-row strings (at
// 800K two-column keys, building those strings and hashing them cost ~1.5 s; the codes take ~30 ms).
import { MAX_EXACT } from '../vector.js';
import type { Vector } from '../vector.js';
import type { RowKey } from '../kernels/row-keys.js';
import { rowKeys, scalarKey } from '../kernels/row-keys.js';

/** The code of each row of a side's key columns. */
export interface KeyCodes {
  readonly codes: Float64Array;
  /**
   * 1 = the row has no code and matches nothing: a NULL in some key column or, for a probe row, a value that no
   * build row has. Absent when every row has a code.
   */
  readonly absent: Uint8Array | undefined;
}

/** The build side's codes, and how to encode probe rows against them. */
export interface KeyEncoding {
  readonly build: KeyCodes;
  /** Every code is an integer in [0, range) (so codes can index an array); undefined when codes are any doubles. */
  readonly range: number | undefined;
  /** The codes of a probe batch's key columns (of the build key columns' types, in any of their layouts). */
  probe(columns: readonly Vector[], length: number): KeyCodes;
  /** For one integer key column: its code is its value minus this (so a lookup may skip writing codes out). */
  readonly offset: number | undefined;
}

/**
 * Codes the build side's key columns (all `length` long) and returns the encoding probe batches use.
 *
 * @example
 * const keys = encodeBuildKeys([ps_suppkey, ps_partkey], n); // codes = (suppkey - min) + range(suppkey) * (partkey - min)
 * const probe = keys.probe([l_suppkey, l_partkey], batch.length);
 */
export function encodeBuildKeys(columns: readonly Vector[], length: number): KeyEncoding {
  const absent = nullRows(columns, length);
  const single = columns.length === 1;
  let codecs = columns.map((c) => columnCodec(c, length, absent, single));
  // Multi-column codes mix by place value, so the ranges' product must stay exact; else the widest offset-coded
  // columns are re-coded by their distinct values, and failing that the rows are coded by their whole-row keys.
  let range = product(codecs);
  if (!single) {
    const widestFirst = codecs.map((_, k) => k).sort((a, b) => (codecs[b]!.range ?? Infinity) - (codecs[a]!.range ?? Infinity));
    for (const k of widestFirst) {
      if (range <= MAX_EXACT) break;
      if (codecs[k]!.interned) continue;
      codecs = codecs.map((c, i) => (i === k ? internCodec(columns[k]!, length, absent) : c));
      range = product(codecs);
    }
    if (range > MAX_EXACT) {
      codecs = [tupleCodec(columns, length, absent)];
      range = product(codecs);
    }
  }
  const whole = (cs: readonly Vector[], n: number) => (codecs.length === cs.length ? cs : [rowKeysVector(cs, n)]);
  const build = encode(codecs, columns, whole(columns, length), length, new Float64Array(length), new Uint8Array(length));
  // Probe batches are encoded into the same buffers, one batch at a time: their codes are used up before the next.
  let codes = new Float64Array(0);
  let absentRows = new Uint8Array(0);
  const probe = (cs: readonly Vector[], n: number): KeyCodes => {
    if (codes.length < n) [codes, absentRows] = [new Float64Array(n), new Uint8Array(n)];
    return encode(codecs, cs, whole(cs, n), n, codes, absentRows);
  };
  const offset = codecs.length === 1 && columns.length === 1 ? codecs[0]!.offset : undefined;
  return { build, range: Number.isFinite(range) ? range : undefined, probe, offset };
}

/** How one key column's values become codes in [0, range) (any double when range is undefined). */
interface ColumnCodec {
  readonly range: number | undefined;
  /** Codes are ids of distinct build values (so re-coding by them gains nothing). */
  readonly interned: boolean;
  /** The value whose code is 0, when codes are integer values minus it. */
  readonly offset?: number;
  /** Adds `code × scale` to `out[i]` for each row not yet absent, flagging rows without a code in `absent`. */
  add(c: Vector, length: number, out: Float64Array, scale: number, absent: Uint8Array): void;
}

/** Codes `columns` (coded as `coded`: the same, or their whole-row keys) into the first `length` places of the buffers. */
function encode(
  codecs: readonly ColumnCodec[],
  columns: readonly Vector[],
  coded: readonly Vector[],
  length: number,
  codesBuffer: Float64Array,
  absentBuffer: Uint8Array,
): KeyCodes {
  // Codes accumulate onto +0, which also turns a -0 code into 0.
  const codes = codesBuffer.subarray(0, length).fill(0);
  const absent = absentBuffer.subarray(0, length).fill(0);
  for (const c of columns) {
    const nulls = c.nulls;
    if (nulls !== undefined) for (let i = 0; i < length; i++) absent[i]! |= nulls[i]!;
  }
  let scale = 1;
  for (let k = 0; k < codecs.length; k++) {
    codecs[k]!.add(coded[k]!, length, codes, scale, absent);
    scale *= codecs[k]!.range ?? 1;
  }
  return { codes, absent: absent.includes(1) ? absent : undefined };
}

function product(codecs: readonly ColumnCodec[]): number {
  if (codecs.length === 1) return codecs[0]!.range ?? Infinity;
  return codecs.reduce((p, c) => p * (c.range ?? Infinity), 1);
}

/** 1 where any of `columns` is NULL; undefined when none is. */
function nullRows(columns: readonly Vector[], length: number): Uint8Array | undefined {
  let out: Uint8Array | undefined;
  for (const c of columns) {
    const nulls = c.nulls;
    if (nulls === undefined) continue;
    out ??= new Uint8Array(length);
    for (let i = 0; i < length; i++) out[i]! |= nulls[i]!;
  }
  return out;
}

function columnCodec(c: Vector, length: number, absent: Uint8Array | undefined, single: boolean): ColumnCodec {
  const d = c.data;
  if (d.layout !== 'i32' && d.layout !== 'f64' && d.layout !== 'bool') return internCodec(c, length, absent);
  const values = d.values;
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  for (let i = 0; i < length; i++) {
    if (absent !== undefined && absent[i] === 1) continue;
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
    if (integral && !Number.isInteger(v)) integral = false;
  }
  if (min > max) return EMPTY_CODEC;
  if (integral && max - min < MAX_EXACT) return offsetCodec(min, max - min + 1);
  // Fractions or NaN: one column keys by its value; as one of several, by its distinct values.
  return single ? RAW_CODEC : internCodec(c, length, absent);
}

/** No build row has a value: nothing matches. */
const EMPTY_CODEC: ColumnCodec = {
  range: 0,
  interned: true,
  add(_c, length, _out, _scale, absent) {
    absent.fill(1, 0, length);
  },
};

/** A lone column of doubles: the code is the value itself. */
const RAW_CODEC: ColumnCodec = {
  range: undefined,
  interned: false,
  add(c, length, out, _scale, absent) {
    const d = c.data;
    if (d.layout === 'f64' || d.layout === 'i32' || d.layout === 'bool') {
      const values = d.values;
      for (let i = 0; i < length; i++) out[i]! += values[i]!;
    } else if (d.layout === 'big') {
      // Beyond 2^53 a bigint cannot equal a double of this column's build rows.
      for (let i = 0; i < length; i++) {
        const v = d.values[i]!;
        if (v < BIG_EXACT && v > -BIG_EXACT) out[i]! += Number(v);
        else absent[i] = 1;
      }
    } else throw new TypeError(`a numeric join key in the ${d.layout} layout`);
  },
};

const BIG_EXACT = BigInt(MAX_EXACT);

/** Integers of the build rows within [min, min + range): the code is the offset from min. */
function offsetCodec(min: number, range: number): ColumnCodec {
  return {
    range,
    interned: false,
    offset: min,
    add(c, length, out, scale, absent) {
      const d = c.data;
      // One loop per array type keeps each loop's loads monomorphic: this runs for every probe row.
      if (d.layout === 'i32') addIntOffsets(d.values, min, range, length, out, scale, absent);
      else if (d.layout === 'f64') addDoubleOffsets(d.values, min, range, length, out, scale, absent);
      else if (d.layout === 'bool') addIntOffsets(Int32Array.from(d.values), min, range, length, out, scale, absent);
      else if (d.layout === 'big') {
        for (let i = 0; i < length; i++) {
          // A bigint beyond 2^53 converts to a double beyond every build value, so it falls out of range.
          const x = Number(d.values[i]!) - min;
          if (x >= 0 && x < range) out[i]! += x * scale;
          else absent[i] = 1;
        }
      } else throw new TypeError(`a numeric join key in the ${d.layout} layout`);
    },
  };
}

function addIntOffsets(values: Int32Array, min: number, range: number, length: number, out: Float64Array, scale: number, absent: Uint8Array): void {
  for (let i = 0; i < length; i++) {
    const x = values[i]! - min;
    if (x >= 0 && x < range) out[i]! += x * scale;
    else absent[i] = 1;
  }
}

function addDoubleOffsets(values: Float64Array, min: number, range: number, length: number, out: Float64Array, scale: number, absent: Uint8Array): void {
  for (let i = 0; i < length; i++) {
    const x = values[i]! - min;
    // Also false for NaN and the fractions a probe row of doubles may hold.
    if (x >= 0 && x < range && x === Math.floor(x)) out[i]! += x * scale;
    else absent[i] = 1;
  }
}

/** The build rows' distinct values numbered 0, 1, …: strings, bigints, objects, doubles among several keys. */
function internCodec(c: Vector, length: number, absent: Uint8Array | undefined): ColumnCodec {
  const ids = new Map<RowKey, number>();
  const idOf = (key: RowKey): number => {
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  };
  const d = c.data;
  if (d.layout === 'dict') {
    const used = new Uint8Array(d.dictionary.length);
    for (let i = 0; i < length; i++) if (absent === undefined || absent[i] === 0) used[d.codes[i]!] = 1;
    for (let k = 0; k < used.length; k++) if (used[k] === 1) idOf(d.dictionary[k]!);
  } else {
    for (let i = 0; i < length; i++) if (absent === undefined || absent[i] === 0) idOf(scalarKey(c, i));
  }
  return mapCodec(ids);
}

/** Codes by a map of keys (as `scalarKey` makes them) to ids; a key not in it has no code. */
function mapCodec(ids: ReadonlyMap<RowKey, number>): ColumnCodec {
  // Probe batches of one column often share a dictionary: its ids are looked up once.
  let lastDictionary: readonly string[] | undefined;
  let lastIds = new Int32Array(0);
  return {
    range: ids.size,
    interned: true,
    add(c, length, out, scale, absent) {
      const d = c.data;
      if (d.layout === 'dict') {
        if (d.dictionary !== lastDictionary) {
          lastIds = Int32Array.from(d.dictionary, (s) => ids.get(s) ?? -1);
          lastDictionary = d.dictionary;
        }
        const codes = d.codes;
        for (let i = 0; i < length; i++) {
          if (absent[i] === 1) continue;
          const id = lastIds[codes[i]!]!;
          if (id >= 0) out[i]! += id * scale;
          else absent[i] = 1;
        }
        return;
      }
      for (let i = 0; i < length; i++) {
        if (absent[i] === 1) continue;
        const id = ids.get(scalarKey(c, i));
        if (id !== undefined) out[i]! += id * scale;
        else absent[i] = 1;
      }
    },
  };
}

/** Too many wide columns to mix: each row's whole key (a string) numbered by the build rows' distinct keys. */
function tupleCodec(columns: readonly Vector[], length: number, absent: Uint8Array | undefined): ColumnCodec {
  return internCodec(rowKeysVector(columns, length), length, absent);
}

/** The whole-row keys of `columns` as one string column (NULL where any column is). */
function rowKeysVector(columns: readonly Vector[], length: number): Vector {
  const keys = rowKeys(columns, length, 'nullsNeverMatch').map((k) => (k === undefined ? '' : String(k)));
  return { type: columns[0]!.type, length, data: { layout: 'str', values: keys } };
}
