import { describe, expect, it } from 'vitest';
import { AGGREGATE_FUNCTIONS } from '../../../../src/analyzer/functions/aggregate.js';
import { AGGREGATE_ACCUMULATORS, createAccumulator } from '../../../../src/exec/aggregates/index.js';
import { T } from '../../../../src/types/data-type.js';
import { arg, ctx } from './harness.js';

describe('the aggregate registry', () => {
  it('has an accumulator for every aggregate of the function catalogue', () => {
    expect(AGGREGATE_FUNCTIONS.map((f) => f.name).filter((name) => !AGGREGATE_ACCUMULATORS.has(name))).toEqual([]);
  });

  it('rejects an unknown aggregate with a diagnostic', () => {
    const call = { name: 'no_such_aggregate', args: [arg(0, T.int)], distinct: false, ignoreNulls: false, type: T.int };
    expect(() => createAccumulator(call, ctx)).toThrow(/no_such_aggregate/);
  });
});
