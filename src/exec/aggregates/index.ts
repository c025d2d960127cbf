// The aggregate functions the executor runs, by canonical name, and the one way to build an accumulator for a call.
// Window aggregates use it too: `createAccumulator(windowExpr, ctx)` works for a WindowExpr naming an aggregate.
import { fail } from '../../common/errors.js';
import type { ExecContext } from '../context.js';
import type { Accumulator, AccumulatorFactory, AggregateCall } from './accumulator.js';
import { approxCountDistinct } from './approx-count-distinct.js';
import { avg } from './avg.js';
import { boolAnd, boolOr } from './bool.js';
import { collectList, collectSet } from './collect.js';
import { count } from './count.js';
import { countIf } from './count-if.js';
import { corr, covarPop, covarSamp } from './covariance.js';
import { distinct } from './distinct.js';
import { first, last } from './first-last.js';
import { maxBy, minBy } from './max-by-min-by.js';
import { max, min } from './min-max.js';
import { median, percentile, percentileApprox } from './percentile.js';
import { sum } from './sum.js';
import { kurtosis, skewness, stddevPop, stddevSamp, varPop, varSamp } from './variance.js';

export type { Accumulator, AccumulatorFactory, AggregateCall } from './accumulator.js';

/** Every aggregate of the function catalogue (analyzer/functions/aggregate.ts), by canonical name. */
export const AGGREGATE_ACCUMULATORS: ReadonlyMap<string, AccumulatorFactory> = new Map([
  ['count', count],
  ['count_if', countIf],
  ['approx_count_distinct', approxCountDistinct],
  ['sum', sum],
  ['avg', avg],
  ['min', min],
  ['max', max],
  ['min_by', minBy],
  ['max_by', maxBy],
  ['first', first],
  ['last', last],
  // Spark's AnyValue is First.
  ['any_value', first],
  ['collect_list', collectList],
  ['collect_set', collectSet],
  ['stddev_samp', stddevSamp],
  ['stddev_pop', stddevPop],
  ['var_samp', varSamp],
  ['var_pop', varPop],
  ['skewness', skewness],
  ['kurtosis', kurtosis],
  ['corr', corr],
  ['covar_samp', covarSamp],
  ['covar_pop', covarPop],
  ['bool_and', boolAnd],
  ['bool_or', boolOr],
  ['percentile_approx', percentileApprox],
  ['percentile', percentile],
  ['median', median],
]);

/** Aggregates that repeated values cannot change, for which DISTINCT needs no deduplication. */
const DUPLICATE_INSENSITIVE = new Set(['min', 'max', 'bool_and', 'bool_or', 'collect_set', 'approx_count_distinct', 'first', 'any_value']);

/**
 * The accumulator of one aggregate call, deduplicating its inputs per group when the call is DISTINCT. See
 * accumulator.ts for the contract.
 *
 * @example
 * const acc = createAccumulator(aggregateExpr, ctx);
 * acc.update(acc.inputs.map((e) => compileExpr(e, input, ctx).evaluate(batch)), groupIds, groupCount);
 */
export function createAccumulator(call: AggregateCall, ctx: ExecContext): Accumulator {
  const factory = AGGREGATE_ACCUMULATORS.get(call.name);
  if (!factory) return fail('EXEC_UNSUPPORTED', `the aggregate function ${call.name} is not supported by the executor`);
  const accumulator = factory(call, ctx);
  return call.distinct && !DUPLICATE_INSENSITIVE.has(call.name) ? distinct(accumulator) : accumulator;
}
