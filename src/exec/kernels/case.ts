// CASE WHEN and the per-row choice between vectors behind it (also IF, COALESCE, NVL2, NULLIF, GREATEST): every
// branch is evaluated over the whole batch, then each row takes its value from the branch it chose.
import type { DataType } from '../../types/data-type.js';
import type { Vector } from '../vector.js';
import { valueAt, vectorFromValues } from '../vector.js';
import { bigintsOf, boolOf, int64FromBigints, makeVector, stringsOf, strVector } from './vector-helpers.js';

/**
 * Row i takes `sources[choice[i]]` at row i; a choice of -1 is NULL. The sources have `type` (their layouts may
 * differ: dictionaries with different dictionaries, `f64` with `big`).
 */
export function choose(type: DataType, sources: readonly Vector[], choice: Int32Array): Vector {
  const n = choice.length;
  let nulls: Uint8Array | undefined;
  for (let i = 0; i < n; i++) {
    const c = choice[i]!;
    if (c < 0 || sources[c]!.nulls?.[i] === 1) (nulls ??= new Uint8Array(n))[i] = 1;
  }
  const first = sources[0];
  if (!first) return vectorFromValues(type, new Array<null>(n).fill(null));
  const layout = first.data.layout;
  const sameLayout = sources.every((s) => s.data.layout === layout);
  if (sameLayout && (layout === 'bool' || layout === 'i32' || layout === 'f64')) {
    const arrays = sources.map((s) => (s.data as { readonly values: Uint8Array | Int32Array | Float64Array }).values);
    const out = layout === 'bool' ? new Uint8Array(n) : layout === 'i32' ? new Int32Array(n) : new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const c = choice[i]!;
      if (c >= 0) out[i] = arrays[c]![i]!;
    }
    return makeVector(type, n, { layout, values: out } as Vector['data'], nulls);
  }
  if (sameLayout && layout === 'dict') {
    const dictionary = first.data.layout === 'dict' ? first.data.dictionary : [];
    if (sources.every((s) => s.data.layout === 'dict' && s.data.dictionary === dictionary)) {
      const codes = new Int32Array(n);
      const all = sources.map((s) => (s.data.layout === 'dict' ? s.data.codes : codes));
      for (let i = 0; i < n; i++) {
        const c = choice[i]!;
        if (c >= 0) codes[i] = all[c]![i]!;
      }
      return makeVector(type, n, { layout: 'dict', codes, dictionary }, nulls);
    }
  }
  if (type.kind === 'string') {
    const all = sources.map(stringsOf);
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const c = choice[i]!;
      out[i] = c >= 0 ? all[c]![i]! : '';
    }
    return strVector(type, out, nulls);
  }
  if (sources.every((s) => s.data.layout === 'f64' || s.data.layout === 'big')) {
    const all = sources.map(bigintsOf);
    const out = new Array<bigint>(n);
    for (let i = 0; i < n; i++) {
      const c = choice[i]!;
      out[i] = c >= 0 && nulls?.[i] !== 1 ? all[c]![i]! : 0n;
    }
    return int64FromBigints(type, out, nulls);
  }
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    const c = choice[i]!;
    out[i] = c >= 0 ? valueAt(sources[c]!, i) : null;
  }
  return vectorFromValues(type, out);
}

/**
 * Searched CASE: each row takes the value of the first condition that is true (not false, not NULL), else
 * `otherwise`, else NULL.
 */
export function caseWhen(type: DataType, conditions: readonly Vector[], values: readonly Vector[], otherwise: Vector | undefined): Vector {
  const n = values[0]?.length ?? otherwise?.length ?? 0;
  const fallback = otherwise ? conditions.length : -1;
  const choice = new Int32Array(n).fill(-2);
  for (let k = 0; k < conditions.length; k++) {
    const cond = conditions[k]!;
    const c = boolOf(cond);
    const cn = cond.nulls;
    for (let i = 0; i < n; i++) if (choice[i] === -2 && c[i] === 1 && (cn === undefined || cn[i] === 0)) choice[i] = k;
  }
  for (let i = 0; i < n; i++) if (choice[i] === -2) choice[i] = fallback;
  return choose(type, otherwise ? [...values, otherwise] : values, choice);
}
