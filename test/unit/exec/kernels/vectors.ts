// Test helpers for kernels: vectors built from JsValues in a chosen layout (dictionaries, the `big` layout of 64-bit
// types), and fast-check arbitraries of values and columns per type.
import fc from 'fast-check';
import type { DataType } from '../../../../src/types/data-type.js';
import type { JsValue, Vector } from '../../../../src/exec/vector.js';
import { vectorFromValues } from '../../../../src/exec/vector.js';

/** How a test vector stores its values beyond the type's default layout. */
export type LayoutChoice = 'default' | 'dict' | 'big';

/** A vector of `values`; `dict` encodes strings with a dictionary, `big` keeps 64-bit values as bigints. */
export function vec(type: DataType, values: readonly JsValue[], layout: LayoutChoice = 'default'): Vector {
  const v = vectorFromValues(type, values);
  if (layout === 'dict' && type.kind === 'string') {
    const dictionary: string[] = [];
    const index = new Map<string, number>();
    const codes = new Int32Array(values.length);
    values.forEach((x, i) => {
      if (x === null) return;
      let code = index.get(x as string);
      if (code === undefined) index.set(x as string, (code = dictionary.push(x as string) - 1));
      codes[i] = code;
    });
    return { ...v, data: { layout: 'dict', codes, dictionary } };
  }
  if (layout === 'big' && v.data.layout === 'f64' && (type.kind === 'bigint' || type.kind === 'decimal' || type.kind === 'timestamp')) {
    return { ...v, data: { layout: 'big', values: Array.from(v.data.values, (x) => BigInt(x)) } };
  }
  return v;
}

/** A column of `length` values drawn from `value`, about one in five NULL. */
export function column(value: fc.Arbitrary<JsValue>, length: number): fc.Arbitrary<JsValue[]> {
  return fc.array(fc.option(value, { freq: 5, nil: null }), { minLength: length, maxLength: length });
}

/** Two columns of the same (random, possibly zero) length. */
export function columns2(a: fc.Arbitrary<JsValue>, b: fc.Arbitrary<JsValue>): fc.Arbitrary<[JsValue[], JsValue[]]> {
  return fc.integer({ min: 0, max: 40 }).chain((n) => fc.tuple(column(a, n), column(b, n)));
}

export const int32 = fc.integer({ min: -2147483648, max: 2147483647 });
/** bigints that mostly fit the `f64` layout, sometimes not, and the extremes. */
export const int64 = fc.oneof(
  fc.bigInt({ min: -(2n ** 40n), max: 2n ** 40n }),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  fc.constantFrom(-(2n ** 63n), 2n ** 63n - 1n, 0n, -1n),
);
export const double = fc.oneof(fc.double(), fc.integer({ min: -1000, max: 1000 }).map((x) => x / 8), fc.constantFrom(0, -0, NaN));
/** Strings with surrogate pairs and characters from U+E000..U+FFFF, where UTF-16 and UTF-8 order differ. */
export const text = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.array(fc.constantFrom('a', 'b', 'é', '\uffff', '\ue000', '😀', '%', '_', '\\'), { maxLength: 5 }).map((cs) => cs.join('')),
);

/** Unscaled decimals of at most `precision` digits. */
export function unscaled(precision: number): fc.Arbitrary<bigint> {
  const limit = 10n ** BigInt(precision) - 1n;
  return fc.oneof(fc.bigInt({ min: -limit, max: limit }), fc.bigInt({ min: -1000n, max: 1000n }).filter((x) => x <= limit && x >= -limit));
}
