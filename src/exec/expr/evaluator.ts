// The compiler's internal form of an expression (a function over batches that knows when it is a constant), and
// the contract between the compiler and the scalar-function kernels.
import type { DataType } from '../../types/data-type.js';
import type { ZoneRules } from '../kernels/time-zone.js';
import type { Batch, JsValue, Vector, VectorData } from '../vector.js';
import { constantVector } from '../vector.js';

export interface Evaluator {
  readonly type: DataType;
  readonly evaluate: (batch: Batch) => Vector;
  /** Set when every row has the same value: literals, outer references, and subtrees folded at compile time. */
  readonly constant?: { readonly value: JsValue };
}

/**
 * An evaluator of one value. Vectors are immutable, so one is shared: built for the longest batch so far, and cut
 * to shorter ones as a typed-array view (filtered batches vary in length; refilling per batch cost real time).
 */
export function constantEvaluator(type: DataType, value: JsValue): Evaluator {
  let cached: Vector | undefined;
  let last: Vector | undefined;
  return {
    type,
    constant: { value },
    evaluate: (batch) => {
      const n = batch.length;
      if (last?.length === n) return last;
      if (cached === undefined || cached.length < n) cached = constantVector(type, value, n);
      last = cached.length === n ? cached : (prefix(cached, n) ?? constantVector(type, value, n));
      return last;
    },
  };
}

/** The first `n` rows of a vector as views, for the typed-array layouts (undefined for the others). */
function prefix(v: Vector, n: number): Vector | undefined {
  const d = v.data;
  const nulls = v.nulls?.subarray(0, n);
  const data: VectorData | undefined =
    d.layout === 'bool' || d.layout === 'i32' || d.layout === 'f64'
      ? ({ layout: d.layout, values: d.values.subarray(0, n) } as VectorData)
      : d.layout === 'dict'
        ? { layout: 'dict', codes: d.codes.subarray(0, n), dictionary: d.dictionary }
        : undefined;
  if (!data) return undefined;
  return nulls ? { type: v.type, length: n, data, nulls } : { type: v.type, length: n, data };
}

/** What a scalar function may use besides its arguments: fixed for the whole query. */
export interface FunctionEnv {
  /** The session time zone (spark.sql.session.timeZone), and its id as written. */
  readonly zone: ZoneRules;
  readonly zoneId: string;
  /** When the query started, in microseconds since the epoch: current_timestamp() and current_date(). */
  readonly nowMicros: number;
}

/**
 * Builds, once per query, the batch function of one call of a scalar function. Constant arguments (patterns,
 * formats, scales: `args[i].constant`) are read here, so that per-batch work does not repeat it.
 */
export type FunctionCompiler = (args: readonly Evaluator[], resultType: DataType, env: FunctionEnv) => (batch: Batch) => Vector;

/** A function compiler from a kernel over the arguments' vectors. */
export function vectorized(kernel: (args: readonly Vector[], resultType: DataType, env: FunctionEnv) => Vector): FunctionCompiler {
  return (args, resultType, env) => (batch) =>
    kernel(
      args.map((a) => a.evaluate(batch)),
      resultType,
      env,
    );
}

/** The value of argument `i` when it is a constant, else undefined (a per-row argument). */
export function constantOf(args: readonly Evaluator[], i: number): JsValue | undefined {
  return args[i]?.constant?.value;
}
