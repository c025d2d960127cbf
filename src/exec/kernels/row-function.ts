// Scalar functions written one row at a time over JsValues (string, nested and rarely used functions): the batch
// loop, NULL handling, constant arguments read once per query, and a dictionary column computed once per entry.
import type { DataType } from '../../types/data-type.js';
import type { FunctionCompiler } from '../expr/evaluator.js';
import type { JsValue, Vector } from '../vector.js';
import { layoutsOf, valueAt, vectorFromValues } from '../vector.js';
import { i32Vector, nullVector, onDictionary, strVector } from './vector-helpers.js';

/** One row's result from its argument values; null or undefined is NULL. */
export type RowFn = (values: JsValue[]) => JsValue;

export interface RowFunctionOptions {
  /** The function sees NULL arguments (as null) instead of giving NULL for them. */
  readonly nullArguments?: boolean;
}

/**
 * A function compiler from a per-row function. When every argument after the first is a constant, the batch
 * function maps the first argument alone, and a dictionary-encoded first argument is computed per entry.
 *
 * @example STRING_KERNELS.upper = rowFunction(([s]) => (s as string).toUpperCase())
 */
export function rowFunction(f: RowFn, options: RowFunctionOptions = {}): FunctionCompiler {
  const nullArguments = options.nullArguments ?? false;
  return (args, type) => {
    const rest = args.slice(1);
    if (args.length > 0 && rest.every((a) => a.constant)) {
      const constants = rest.map((a) => a.constant!.value);
      if (!nullArguments && constants.some((c) => c === null)) return (batch) => nullVector(type, batch.length);
      const values: JsValue[] = [null, ...constants];
      const unary = (v: Vector): Vector =>
        mapRows([v], type, (x) => {
          values[0] = x[0];
          return f(values);
        }, nullArguments);
      return (batch) => {
        const v = args[0]!.evaluate(batch);
        return onDictionary(v, unary) ?? unary(v);
      };
    }
    return (batch) => mapRows(args.map((a) => a.evaluate(batch)), type, f, nullArguments);
  };
}

function mapRows(args: readonly Vector[], type: DataType, f: RowFn, nullArguments: boolean): Vector {
  const n = args[0]?.length ?? 0;
  const readers = args.map(reader);
  const out = new Array<JsValue>(n);
  const values = new Array<JsValue>(args.length);
  for (let i = 0; i < n; i++) {
    let anyNull = false;
    for (let k = 0; k < args.length; k++) {
      const x = args[k]!.nulls?.[i] === 1 ? null : readers[k]!(i);
      if (x === null) anyNull = true;
      values[k] = x;
    }
    out[i] = anyNull && !nullArguments ? null : (f(values) ?? null);
  }
  return resultVector(type, out);
}

// Row i's non-NULL value: strings and 32-bit numbers straight from their arrays, anything else through valueAt.
function reader(v: Vector): (i: number) => JsValue {
  const d = v.data;
  if (d.layout === 'str' || d.layout === 'i32') return (i) => d.values[i];
  return (i) => valueAt(v, i);
}

// Strings and 32-bit results go straight into their arrays; other types through vectorFromValues.
function resultVector(type: DataType, out: JsValue[]): Vector {
  const n = out.length;
  const layout = layoutsOf(type)[0];
  if (layout !== 'str' && layout !== 'i32') return vectorFromValues(type, out);
  let nulls: Uint8Array | undefined;
  for (let i = 0; i < n; i++) {
    if (out[i] === null) {
      (nulls ??= new Uint8Array(n))[i] = 1;
      if (layout === 'str') out[i] = '';
    }
  }
  if (layout === 'str') return strVector(type, out as string[], nulls);
  return i32Vector(type, Int32Array.from(out as (number | null)[], (x) => x ?? 0), nulls);
}
