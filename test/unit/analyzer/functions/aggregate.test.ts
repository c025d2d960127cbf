// Aggregate functions: Spark's result types (count → bigint, sum(int) → bigint, avg(decimal) widened, …).
import { describe, expect, it } from 'vitest';
import { callText, literals, resolveCall } from './resolve-text.js';

describe('aggregate functions', () => {
  it.each<[string, string[], string]>([
    ['count', ['int'], '(int) -> bigint'],
    ['count', ['int', 'string'], '(int, string) -> bigint'],
    ['count', [], 'function `count` expects at least 1 argument, got 0'],
    ['count_if', ['boolean'], '(boolean) -> bigint'],
    ['count_if', ['int'], 'cannot resolve `count_if(int)`: argument 1 requires boolean, got int'],
    ['sum', ['int'], '(int) -> bigint'],
    ['sum', ['tinyint'], '(tinyint) -> bigint'],
    ['sum', ['float'], '(float) -> double'],
    ['sum', ['double'], '(double) -> double'],
    ['sum', ['decimal(15,2)'], '(decimal(15,2)) -> decimal(25,2)'],
    ['sum', ['decimal(32,4)'], '(decimal(32,4)) -> decimal(38,4)'],
    ['sum', ['string'], '(double) -> double'],
    ['sum', ['void'], '(double) -> double'],
    ['sum', ['interval'], '(interval) -> interval'],
    ['sum', ['boolean'], 'cannot resolve `sum(boolean)`: argument 1 requires a numeric type or interval, got boolean'],
    ['avg', ['int'], '(int) -> double'],
    ['mean', ['bigint'], '(bigint) -> double'],
    ['avg', ['decimal(15,2)'], '(decimal(15,2)) -> decimal(19,6)'],
    ['avg', ['decimal(38,10)'], '(decimal(38,10)) -> decimal(38,14)'],
    ['min', ['string'], '(string) -> string'],
    ['max', ['date'], '(date) -> date'],
    ['max', ['struct<a:int>'], '(struct<a:int>) -> struct<a:int>'],
    ['max', ['map<int,int>'], 'cannot resolve `max(map<int,int>)`: argument 1 requires an orderable type, got map<int,int>'],
    ['max_by', ['string', 'int'], '(string, int) -> string'],
    ['min_by', ['int', 'map<int,int>'], 'cannot resolve `min_by(int, map<int,int>)`: argument 2 requires an orderable type, got map<int,int>'],
    ['approx_count_distinct', ['string'], '(string) -> bigint'],
    ['approx_count_distinct', ['string', 'decimal(3,2)'], '(string, double) -> bigint'],
    ['collect_list', ['int'], '(int) -> array<int>'],
    ['array_agg', ['string'], '(string) -> array<string>'],
    ['collect_set', ['date'], '(date) -> array<date>'],
    ['collect_set', ['map<int,int>'], 'cannot resolve `collect_set(map<int,int>)`: argument 1 requires a type without maps (maps cannot be compared), got map<int,int>'],
    ['first', ['int'], '(int) -> int'],
    ['last_value', ['string'], '(string) -> string'],
    ['any_value', ['date'], '(date) -> date'],
    ['stddev', ['int'], '(double) -> double'],
    ['std', ['decimal(5,2)'], '(double) -> double'],
    ['stddev_samp', ['double'], '(double) -> double'],
    ['stddev_pop', ['float'], '(double) -> double'],
    ['variance', ['int'], '(double) -> double'],
    ['var_samp', ['int'], '(double) -> double'],
    ['var_pop', ['int'], '(double) -> double'],
    ['corr', ['int', 'double'], '(double, double) -> double'],
    ['covar_pop', ['int', 'int'], '(double, double) -> double'],
    ['bool_and', ['boolean'], '(boolean) -> boolean'],
    ['every', ['boolean'], '(boolean) -> boolean'],
    ['bool_or', ['boolean'], '(boolean) -> boolean'],
    ['some', ['boolean'], '(boolean) -> boolean'],
    ['any', ['int'], 'cannot resolve `bool_or(int)`: argument 1 requires boolean, got int'],
    ['percentile_approx', ['int', 'double'], '(int, double) -> int'],
    ['approx_percentile', ['decimal(15,2)', 'array<decimal(2,2)>', 'int'], '(decimal(15,2), array<double>, int) -> array<decimal(15,2)>'],
    ['percentile_approx', ['date', 'decimal(2,1)'], '(date, double) -> date'],
    ['percentile', ['int', 'double'], '(int, double) -> double'],
    ['median', ['int'], '(int) -> double'],
  ])('%s(%s): %s', (name, args, expected) => {
    expect(callText(name, args)).toBe(expected);
  });

  it('first and last take a literal boolean to skip NULLs', () => {
    expect(callText('first', ['int', 'boolean'], literals({ 1: true }))).toBe('(int, boolean) -> int');
    expect(callText('last', ['int', 'boolean'])).toBe('cannot resolve `last(int, boolean)`: argument 2 (ignore nulls) must be a constant boolean');
  });

  it.each<[string, string[], string, boolean]>([
    ['count', ['int'], 'never', true],
    ['sum', ['int'], 'always', true],
    ['collect_list', ['int'], 'never', false],
    ['first', ['int'], 'always', false],
    ['max_by', ['int', 'int'], 'always', false],
    ['approx_count_distinct', ['int'], 'never', true],
  ])('%s(%s) is nullable %s, deterministic %s', (name, args, nullable, deterministic) => {
    const r = resolveCall(name, args);
    expect(typeof r === 'string' ? r : [r.nullable, r.deterministic]).toEqual([nullable, deterministic]);
  });
});
