// Date and time functions: what each argument is cast to, and Spark's result types.
import { describe, expect, it } from 'vitest';
import { callText, literals, resolveCall } from './resolve-text.js';

describe('datetime functions', () => {
  it.each<[string, string[], string]>([
    ['year', ['date'], '(date) -> int'],
    ['year', ['timestamp'], '(date) -> int'],
    ['quarter', ['string'], '(date) -> int'],
    ['month', ['date'], '(date) -> int'],
    ['day', ['date'], '(date) -> int'],
    ['dayofmonth', ['timestamp_ntz'], '(date) -> int'],
    ['dayofweek', ['date'], '(date) -> int'],
    ['dayofyear', ['date'], '(date) -> int'],
    ['weekofyear', ['date'], '(date) -> int'],
    ['year', ['int'], 'cannot resolve `year(int)`: argument 1 requires date, got int'],
    ['hour', ['timestamp'], '(timestamp) -> int'],
    ['minute', ['timestamp_ntz'], '(timestamp_ntz) -> int'],
    ['second', ['date'], '(timestamp) -> int'],
    ['date_add', ['date', 'int'], '(date, int) -> date'],
    ['date_add', ['timestamp', 'smallint'], '(date, int) -> date'],
    ['date_sub', ['string', 'bigint'], '(date, int) -> date'],
    ['date_add', ['date', 'date'], 'cannot resolve `date_add(date, date)`: argument 2 requires int, got date'],
    ['datediff', ['date', 'timestamp'], '(date, date) -> int'],
    ['add_months', ['date', 'int'], '(date, int) -> date'],
    ['months_between', ['timestamp', 'date'], '(timestamp, timestamp) -> double'],
    ['months_between', ['timestamp', 'timestamp', 'boolean'], '(timestamp, timestamp, boolean) -> double'],
    ['date_trunc', ['string', 'date'], '(string, timestamp) -> timestamp'],
    ['trunc', ['date', 'string'], '(date, string) -> date'],
    ['to_date', ['string'], '(string) -> date'],
    ['to_date', ['string', 'string'], '(string, string) -> date'],
    ['to_date', ['timestamp'], '(timestamp) -> date'],
    ['to_timestamp', ['string', 'string'], '(string, string) -> timestamp'],
    ['date_format', ['date', 'string'], '(timestamp, string) -> string'],
    ['current_date', [], '() -> date'],
    ['curdate', [], '() -> date'],
    ['current_timestamp', [], '() -> timestamp'],
    ['now', [], '() -> timestamp'],
    ['now', ['int'], 'function `current_timestamp` expects 0 arguments, got 1'],
    ['unix_timestamp', [], '() -> bigint'],
    ['unix_timestamp', ['string', 'string'], '(string, string) -> bigint'],
    ['from_unixtime', ['int'], '(bigint) -> string'],
    ['from_unixtime', ['bigint', 'string'], '(bigint, string) -> string'],
    ['make_date', ['int', 'int', 'int'], '(int, int, int) -> date'],
    ['last_day', ['date'], '(date) -> date'],
  ])('%s(%s): %s', (name, args, expected) => {
    expect(callText(name, args)).toBe(expected);
  });

  it.each<[string[], Record<number, string>, string]>([
    [['string', 'date'], { 0: 'year' }, '(string, date) -> int'],
    [['string', 'timestamp'], { 0: 'YEAR' }, '(string, date) -> int'],
    [['string', 'date'], { 0: 'dow' }, '(string, date) -> int'],
    [['string', 'date'], { 0: 'hour' }, '(string, timestamp) -> int'],
    [['string', 'timestamp'], { 0: 'second' }, '(string, timestamp) -> decimal(8,6)'],
    [['string', 'date'], { 0: 'fortnight' }, "cannot resolve `date_part(string, date)`: unknown field 'fortnight'"],
    [['string', 'date'], {}, 'cannot resolve `date_part(string, date)`: argument 1 must be a constant string'],
  ])('date_part(%s) with %o: %s', (args, values, expected) => {
    expect(callText('date_part', args, literals(values))).toBe(expected);
  });

  it.each<[string[], Record<number, string>, string]>([
    [['timestamp', 'string'], { 1: '10 minutes' }, '(timestamp, string) -> struct<start:timestamp,end:timestamp>'],
    [['timestamp_ntz', 'string', 'string'], { 1: '1 hour', 2: '10 minutes' }, '(timestamp_ntz, string, string) -> struct<start:timestamp_ntz,end:timestamp_ntz>'],
    [['date', 'string'], { 1: '1 day' }, '(timestamp, string) -> struct<start:timestamp,end:timestamp>'],
    [['timestamp', 'string'], {}, "cannot resolve `window(timestamp, string)`: argument 2 must be a constant string such as '10 minutes'"],
    [['timestamp'], {}, 'function `window` expects 2 to 4 arguments, got 1'],
  ])('window(%s) with %o: %s', (args, values, expected) => {
    expect(callText('window', args, literals(values))).toBe(expected);
  });

  it('marks the current time non-deterministic, and unix_timestamp() only without arguments', () => {
    const flags = (name: string, args: string[]): unknown => {
      const r = resolveCall(name, args);
      return typeof r === 'string' ? r : r.deterministic;
    };
    expect([flags('current_timestamp', []), flags('current_date', []), flags('unix_timestamp', []), flags('unix_timestamp', ['string'])]).toEqual([
      false,
      false,
      false,
      true,
    ]);
  });
});
