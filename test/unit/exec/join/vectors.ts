// Vectors and batches in layouts a test chooses: dictionary-encoded strings with dictionaries of its own.
import type { DataType } from '../../../../src/types/data-type.js';
import { T } from '../../../../src/types/data-type.js';
import type { Batch, JsValue, Vector } from '../../../../src/exec/vector.js';
import { vectorFromValues } from '../../../../src/exec/vector.js';

/** A dictionary-encoded string vector of `values` (null for NULL) over `dictionary`, which must hold them all. */
export function dictVector(values: readonly (string | null)[], dictionary: readonly string[]): Vector {
  const codes = Int32Array.from(values, (v) => (v === null ? 0 : dictionary.indexOf(v)));
  if (codes.some((c) => c < 0)) throw new Error('dictVector: a value is missing from the dictionary');
  const nulls = values.some((v) => v === null) ? Uint8Array.from(values, (v) => (v === null ? 1 : 0)) : undefined;
  const data = { layout: 'dict' as const, codes, dictionary };
  return nulls ? { type: T.string, length: values.length, data, nulls } : { type: T.string, length: values.length, data };
}

/**
 * `rows` as batches of at most `batchSize` rows; with `dictionaries`, string columns are dictionary-encoded with a
 * dictionary per batch (in reverse order of first appearance, so codes differ from any other batch's).
 */
export function batchesOf(types: readonly DataType[], rows: readonly (readonly JsValue[])[], batchSize: number, dictionaries: boolean): Batch[] {
  const batches: Batch[] = [];
  for (let start = 0; start < rows.length; start += batchSize) {
    const slice = rows.slice(start, start + batchSize);
    const columns = types.map((type, c) => {
      const values = slice.map((r) => r[c] ?? null);
      if (!dictionaries || type.kind !== 'string') return vectorFromValues(type, values);
      const dictionary = [...new Set(values.filter((v): v is string => v !== null))].reverse();
      return dictVector(values as (string | null)[], dictionary);
    });
    batches.push({ length: slice.length, columns });
  }
  return batches;
}
