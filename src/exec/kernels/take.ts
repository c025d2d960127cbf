// Gathers rows by index: the kernel behind filters, joins and sorts. An index of -1 yields NULL (outer joins).
import { assertNever } from '../../common/assert-never.js';
import type { Batch, Vector, VectorData } from '../vector.js';

/** `v[indices[0]], v[indices[1]], …`; index -1 gives NULL. */
export function take(v: Vector, indices: Int32Array): Vector {
  const n = indices.length;
  let nulls: Uint8Array | undefined;
  const src = v.nulls;
  for (let i = 0; i < n; i++) {
    const j = indices[i]!;
    if (j < 0 || (src !== undefined && src[j] === 1)) (nulls ??= new Uint8Array(n))[i] = 1;
  }
  const data = takeData(v.data, indices);
  return nulls ? { type: v.type, length: n, data, nulls } : { type: v.type, length: n, data };
}

function takeData(d: VectorData, indices: Int32Array): VectorData {
  const n = indices.length;
  switch (d.layout) {
    case 'bool': {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = d.values[indices[i]!] ?? 0;
      return { layout: 'bool', values: out };
    }
    case 'i32': {
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) out[i] = d.values[indices[i]!] ?? 0;
      return { layout: 'i32', values: out };
    }
    case 'f64': {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = d.values[indices[i]!] ?? 0;
      return { layout: 'f64', values: out };
    }
    case 'dict': {
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) out[i] = d.codes[indices[i]!] ?? 0;
      return { layout: 'dict', codes: out, dictionary: d.dictionary };
    }
    case 'big':
      return { layout: 'big', values: gather(d.values, indices, 0n) };
    case 'str':
      return { layout: 'str', values: gather(d.values, indices, '') };
    case 'obj':
      return { layout: 'obj', values: gather(d.values, indices, undefined) };
    default:
      return assertNever(d, 'vector layout');
  }
}

function gather<T>(values: readonly T[], indices: Int32Array, fill: T): T[] {
  const out = new Array<T>(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const j = indices[i]!;
    out[i] = j < 0 ? fill : values[j]!;
  }
  return out;
}

/** Every column of a batch gathered by the same indices. */
export function takeBatch(b: Batch, indices: Int32Array): Batch {
  return { length: indices.length, columns: b.columns.map((c) => take(c, indices)) };
}

/** The indices of the rows where a boolean vector is true (not NULL, not false): a filter's selection. */
export function selectTrue(mask: Vector): Int32Array {
  const d = mask.data;
  if (d.layout !== 'bool') throw new TypeError(`a filter needs a boolean vector, not ${d.layout}`);
  const nulls = mask.nulls;
  const values = d.values;
  const n = mask.length;
  // Branch-free (every row's index is written, and kept by advancing over it): filters on unsorted data would
  // mispredict a branch per row. Booleans are 0 or 1, so they are the step; one slot more for the last write.
  const out = new Int32Array(n + 1);
  let k = 0;
  if (nulls === undefined) {
    // Four rows at a time where aligned: all-false words, most of a selective filter's, are skipped whole.
    let i = 0;
    if (values.byteOffset % 4 === 0) {
      const words = new Int32Array(values.buffer, values.byteOffset, n >> 2);
      for (let w = 0; w < words.length; w++) {
        if (words[w] === 0) continue;
        i = w * 4;
        out[k] = i;
        k += values[i]!;
        out[k] = i + 1;
        k += values[i + 1]!;
        out[k] = i + 2;
        k += values[i + 2]!;
        out[k] = i + 3;
        k += values[i + 3]!;
      }
      i = words.length * 4;
    }
    for (; i < n; i++) {
      out[k] = i;
      k += values[i]!;
    }
  } else {
    for (let i = 0; i < n; i++) {
      out[k] = i;
      k += values[i]! & (nulls[i]! ^ 1);
    }
  }
  return out.subarray(0, k);
}
