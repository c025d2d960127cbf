// Window-only functions: ranking results, literal offsets and bucket counts, lag/lead defaults.
import { describe, expect, it } from 'vitest';
import { lookupFunction } from '../../../../src/analyzer/functions/registry.js';
import { callText, literals, resolveCall } from './resolve-text.js';

describe('window functions', () => {
  it.each<[string, string[], Record<number, number | string | boolean>, string]>([
    ['row_number', [], {}, '() -> int'],
    ['rank', [], {}, '() -> int'],
    ['dense_rank', [], {}, '() -> int'],
    ['percent_rank', [], {}, '() -> double'],
    ['cume_dist', [], {}, '() -> double'],
    ['rank', ['int'], {}, 'function `rank` expects 0 arguments, got 1'],
    ['ntile', ['int'], { 0: 4 }, '(int) -> int'],
    ['ntile', ['int'], { 0: 0 }, 'cannot resolve `ntile(int)`: argument 1 must be a constant positive int'],
    ['ntile', ['int'], {}, 'cannot resolve `ntile(int)`: argument 1 must be a constant positive int'],
    ['lag', ['decimal(15,2)'], {}, '(decimal(15,2)) -> decimal(15,2)'],
    ['lag', ['int', 'int'], { 1: 2 }, '(int, int) -> int'],
    ['lead', ['bigint', 'int', 'int'], { 1: 1 }, '(bigint, int, bigint) -> bigint'],
    ['lead', ['date', 'int', 'string'], { 1: 1 }, '(date, int, date) -> date'],
    ['lead', ['int', 'int', 'boolean'], { 1: 1 }, 'cannot resolve `lead(int, int, boolean)`: argument 3 requires a value castable to int, got boolean'],
    ['lag', ['int', 'int'], {}, 'cannot resolve `lag(int, int)`: argument 2 must be a constant int'],
    ['nth_value', ['string', 'int'], { 1: 2 }, '(string, int) -> string'],
    ['nth_value', ['string', 'int', 'boolean'], { 1: 2, 2: true }, '(string, int, boolean) -> string'],
    ['nth_value', ['string', 'int'], { 1: -1 }, 'cannot resolve `nth_value(string, int)`: argument 2 must be a constant positive int'],
  ])('%s(%s) with %o: %s', (name, args, values, expected) => {
    expect(callText(name, args, literals(values))).toBe(expected);
  });

  it('ranking functions are never NULL, offsets always may be', () => {
    const nullable = (name: string, args: string[], info = literals({})): unknown => {
      const r = resolveCall(name, args, info);
      return typeof r === 'string' ? r : r.nullable;
    };
    expect([nullable('row_number', []), nullable('ntile', ['int'], literals({ 0: 3 })), nullable('lag', ['int'])]).toEqual([
      'never',
      'never',
      'always',
    ]);
  });

  it('classifies window-only and aggregate functions', () => {
    expect(['row_number', 'lag', 'nth_value', 'first_value', 'sum', 'upper'].map((n) => lookupFunction(n)?.kind)).toEqual([
      'window',
      'window',
      'window',
      'aggregate',
      'aggregate',
      'scalar',
    ]);
  });
});
