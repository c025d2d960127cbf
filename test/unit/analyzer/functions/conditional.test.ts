// Conditional functions: values share their wider type; conditions must be boolean.
import { describe, expect, it } from 'vitest';
import { callText, resolveCall } from './resolve-text.js';

describe('conditional functions', () => {
  it.each<[string, string[], string]>([
    ['coalesce', ['int', 'bigint'], '(bigint, bigint) -> bigint'],
    ['coalesce', ['int', 'string'], '(string, string) -> string'],
    ['coalesce', ['decimal(5,2)', 'int', 'void'], '(decimal(12,2), decimal(12,2), decimal(12,2)) -> decimal(12,2)'],
    ['coalesce', ['int', 'boolean'], 'cannot resolve `coalesce(int, boolean)`: int, boolean have no common type'],
    ['coalesce', [], 'function `coalesce` expects at least 1 argument, got 0'],
    ['nvl', ['date', 'timestamp'], '(timestamp, timestamp) -> timestamp'],
    ['ifnull', ['int', 'double'], '(double, double) -> double'],
    ['nvl', ['int'], 'function `nvl` expects 2 arguments, got 1'],
    ['nvl2', ['string', 'int', 'bigint'], '(string, bigint, bigint) -> bigint'],
    ['nullif', ['int', 'int'], '(int, int) -> int'],
    ['nullif', ['string', 'int'], '(int, int) -> int'],
    ['nullif', ['int', 'date'], 'cannot resolve `nullif(int, date)`: the arguments cannot be compared'],
    ['if', ['boolean', 'int', 'string'], '(boolean, string, string) -> string'],
    ['if', ['void', 'int', 'void'], '(boolean, int, int) -> int'],
    ['if', ['int', 'int', 'int'], 'cannot resolve `if(int, int, int)`: argument 1 requires boolean, got int'],
    ['isnull', ['map<int,int>'], '(map<int,int>) -> boolean'],
    ['isnotnull', ['int'], '(int) -> boolean'],
    ['nanvl', ['double', 'int'], '(double, double) -> double'],
    ['nanvl', ['float', 'float'], '(float, float) -> float'],
    ['nanvl', ['float', 'void'], '(float, float) -> float'],
    ['nanvl', ['float', 'double'], '(double, double) -> double'],
    ['nanvl', ['boolean', 'double'], 'cannot resolve `nanvl(boolean, double)`: argument 1 requires double or float, got boolean'],
    ['isnan', ['int'], '(double) -> boolean'],
  ])('%s(%s): %s', (name, args, expected) => {
    expect(callText(name, args)).toBe(expected);
  });

  it.each<[string, string[], string]>([
    ['coalesce', ['int', 'int'], 'all'],
    ['nvl', ['int', 'int'], 'all'],
    ['nullif', ['int', 'int'], 'always'],
    ['isnull', ['int'], 'never'],
    ['if', ['boolean', 'int', 'int'], 'any'],
  ])('%s(%s) is nullable: %s', (name, args, expected) => {
    const r = resolveCall(name, args);
    expect(typeof r === 'string' ? r : r.nullable).toBe(expected);
  });
});
