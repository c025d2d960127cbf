// Math functions: Spark's result types, including the decimal rules of round, ceil and floor.
import { describe, expect, it } from 'vitest';
import { callText, literals, resolveCall } from './resolve-text.js';

describe('math functions', () => {
  it.each<[string, string[], string]>([
    ['abs', ['int'], '(int) -> int'],
    ['abs', ['decimal(5,2)'], '(decimal(5,2)) -> decimal(5,2)'],
    ['abs', ['string'], '(double) -> double'],
    ['abs', ['interval'], '(interval) -> interval'],
    ['abs', ['boolean'], 'cannot resolve `abs(boolean)`: argument 1 requires a numeric type or interval, got boolean'],
    ['negative', ['bigint'], '(bigint) -> bigint'],
    ['ceil', ['double'], '(double) -> bigint'],
    ['ceiling', ['int'], '(double) -> bigint'],
    ['floor', ['bigint'], '(bigint) -> bigint'],
    ['floor', ['decimal(15,2)'], '(decimal(15,2)) -> decimal(14,0)'],
    ['ceil', ['decimal(10,0)'], '(decimal(10,0)) -> decimal(10,0)'],
    ['pow', ['int', 'int'], '(double, double) -> double'],
    ['power', ['decimal(5,2)', 'double'], '(double, double) -> double'],
    ['sqrt', ['int'], '(double) -> double'],
    ['ln', ['double'], '(double) -> double'],
    ['log', ['double'], '(double) -> double'],
    ['log', ['int', 'double'], '(double, double) -> double'],
    ['log10', ['bigint'], '(double) -> double'],
    ['log2', ['float'], '(double) -> double'],
    ['exp', ['int'], '(double) -> double'],
    ['sign', ['int'], '(double) -> double'],
    ['signum', ['decimal(5,2)'], '(double) -> double'],
    ['mod', ['int', 'bigint'], '(bigint, bigint) -> bigint'],
    ['mod', ['decimal(10,2)', 'decimal(5,3)'], '(decimal(10,2), decimal(5,3)) -> decimal(5,3)'],
    ['pmod', ['int', 'int'], '(int, int) -> int'],
    ['pmod', ['date', 'int'], 'cannot resolve `pmod(date, int)`: arguments must be numeric'],
    ['greatest', ['int', 'bigint', 'void'], '(bigint, bigint, bigint) -> bigint'],
    ['least', ['int', 'decimal(5,2)'], '(decimal(12,2), decimal(12,2)) -> decimal(12,2)'],
    ['greatest', ['int', 'string'], 'cannot resolve `greatest(int, string)`: arguments have no common type'],
    ['least', ['int'], 'function `least` expects at least 2 arguments, got 1'],
    ['greatest', ['map<int,int>', 'map<int,int>'], 'cannot resolve `greatest(map<int,int>, map<int,int>)`: map<int,int> values cannot be ordered'],
    ['pi', [], '() -> double'],
    ['e', [], '() -> double'],
    ['rand', [], '() -> double'],
    ['random', ['int'], '(int) -> double'],
    ['randn', ['bigint'], '(bigint) -> double'],
    ['factorial', ['int'], '(int) -> bigint'],
  ])('%s(%s): %s', (name, args, expected) => {
    expect(callText(name, args)).toBe(expected);
  });

  it.each<[string, string[], Record<number, number>, string]>([
    ['round', ['decimal(15,2)'], {}, '(decimal(15,2)) -> decimal(14,0)'],
    ['round', ['decimal(15,2)', 'int'], { 1: 1 }, '(decimal(15,2), int) -> decimal(15,1)'],
    ['round', ['decimal(15,2)', 'int'], { 1: -2 }, '(decimal(15,2), int) -> decimal(14,0)'],
    ['bround', ['decimal(15,2)', 'int'], { 1: 4 }, '(decimal(15,2), int) -> decimal(16,2)'],
    ['round', ['double', 'int'], { 1: 2 }, '(double, int) -> double'],
    ['round', ['int', 'int'], { 1: -1 }, '(int, int) -> int'],
    ['round', ['string'], {}, '(double) -> double'],
    ['round', ['double', 'int'], {}, 'cannot resolve `round(double, int)`: argument 2 must be a constant int'],
    ['ceil', ['decimal(15,2)', 'int'], { 1: 1 }, '(decimal(15,2), int) -> decimal(15,1)'],
    ['floor', ['double', 'int'], { 1: 2 }, '(decimal(30,15), int) -> decimal(18,2)'],
    ['floor', ['int', 'int'], { 1: -1 }, '(decimal(10,0), int) -> decimal(11,0)'],
    ['ceil', ['double', 'int'], {}, 'cannot resolve `ceil(double, int)`: argument 2 must be a constant int'],
  ])('%s(%s) with literals %o: %s', (name, args, values, expected) => {
    expect(callText(name, args, literals(values))).toBe(expected);
  });

  it('marks random numbers non-deterministic and never null', () => {
    const r = resolveCall('rand', []);
    expect(typeof r !== 'string' && [r.deterministic, r.nullable]).toEqual([false, 'never']);
    const abs = resolveCall('abs', ['int']);
    expect(typeof abs !== 'string' && [abs.deterministic, abs.nullable]).toEqual([true, 'any']);
  });

  it('greatest is NULL only when every argument is', () => {
    const r = resolveCall('greatest', ['int', 'int']);
    expect(typeof r !== 'string' && r.nullable).toBe('all');
  });
});
