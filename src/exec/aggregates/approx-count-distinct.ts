// approx_count_distinct(x[, rsd]): computed exactly, as count(DISTINCT x). An exact count is within any error bound
// Spark's HyperLogLog++ promises (rsd defaults to 0.05) and is deterministic; it costs memory per distinct value,
// where a sketch would cost 2^p registers per group.
import type { AccumulatorFactory } from './accumulator.js';
import { count } from './count.js';
import { distinct } from './distinct.js';

export const approxCountDistinct: AccumulatorFactory = (call, ctx) => distinct(count({ ...call, args: [call.args[0]!] }, ctx));
