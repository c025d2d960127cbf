// Concatenates vectors of one type (materialising operators collect their input with it).
import type { DataType } from '../../types/data-type.js';
import type { Batch, Vector } from '../vector.js';
import { valueAt, vectorFromValues } from '../vector.js';

/** One vector holding the rows of `parts` in order; layouts are kept when all parts share one. */
export function concatVectors(parts: readonly Vector[]): Vector {
  const first = parts[0];
  if (!first) throw new TypeError('concatVectors needs at least one vector');
  if (parts.length === 1) return first;
  const length = parts.reduce((n, p) => n + p.length, 0);
  let nulls: Uint8Array | undefined;
  if (parts.some((p) => p.nulls)) {
    nulls = new Uint8Array(length);
    let at = 0;
    for (const p of parts) {
      if (p.nulls) nulls.set(p.nulls, at);
      at += p.length;
    }
  }
  const layout = first.data.layout;
  const same = parts.every((p) => p.data.layout === layout);
  const withNulls = (v: Vector): Vector => (nulls ? { ...v, nulls } : v);
  if (same && (layout === 'bool' || layout === 'i32' || layout === 'f64')) {
    const Ctor = layout === 'bool' ? Uint8Array : layout === 'i32' ? Int32Array : Float64Array;
    const out = new Ctor(length);
    let at = 0;
    for (const p of parts) {
      out.set((p.data as { values: Uint8Array | Int32Array | Float64Array }).values as never, at);
      at += p.length;
    }
    return withNulls({ type: first.type, length, data: { layout, values: out } as Vector['data'] });
  }
  if (same && (layout === 'str' || layout === 'big' || layout === 'obj')) {
    const out: unknown[] = [];
    for (const p of parts) for (const x of (p.data as { values: readonly unknown[] }).values) out.push(x);
    return withNulls({ type: first.type, length, data: { layout, values: out } as Vector['data'] });
  }
  if (same && layout === 'dict') return withNulls(concatDictionaries(first.type, parts, length));
  // Mixed layouts (f64 with big, dict with str): rebuild from values.
  const values: unknown[] = [];
  for (const p of parts) for (let i = 0; i < p.length; i++) values.push(valueAt(p, i));
  return vectorFromValues(first.type, values);
}

/** One batch with the rows of `batches`, whose columns have `types` (an empty batch when there are none). */
export function concatBatches(batches: readonly Batch[], types: readonly DataType[]): Batch {
  if (batches.length === 1) return batches[0]!;
  if (batches.length === 0) return { length: 0, columns: types.map((t) => vectorFromValues(t, [])) };
  const length = batches.reduce((n, b) => n + b.length, 0);
  return { length, columns: types.map((_, c) => concatVectors(batches.map((b) => b.columns[c]!))) };
}

/** Dictionary vectors: codes are remapped into one merged dictionary (each distinct dictionary merged once). */
function concatDictionaries(type: DataType, parts: readonly Vector[], length: number): Vector {
  const dictionary: string[] = [];
  const codeOf = new Map<string, number>();
  const remaps = new Map<readonly string[], Int32Array>();
  const codes = new Int32Array(length);
  let at = 0;
  for (const p of parts) {
    const d = p.data as { codes: Int32Array; dictionary: readonly string[] };
    let remap = remaps.get(d.dictionary);
    if (!remap) {
      remap = Int32Array.from(d.dictionary, (s) => {
        let c = codeOf.get(s);
        if (c === undefined) codeOf.set(s, (c = dictionary.push(s) - 1));
        return c;
      });
      remaps.set(d.dictionary, remap);
    }
    for (let i = 0; i < p.length; i++) codes[at + i] = remap[d.codes[i]!] ?? 0;
    at += p.length;
  }
  return { type, length, data: { layout: 'dict', codes, dictionary } };
}
