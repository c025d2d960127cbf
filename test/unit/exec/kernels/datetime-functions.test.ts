// Date and time functions and date/interval arithmetic, written as SQL: fields, arithmetic with month clamping,
// truncation, patterns, time zones (DST gaps and overlaps), and the window bucket.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { JsValue } from '../../../../src/exec/vector.js';
import { addMonthsToDays, civilFromDays, daysFromCivil, isoWeekOf } from '../../../../src/exec/kernels/calendar.js';
import { zoneRules } from '../../../../src/exec/kernels/time-zone.js';
import { SqlError } from '../../../../src/common/errors.js';
import { testContext } from '../../../helpers/exec.js';
import { evalColumns, evalValue } from '../expr/sql-expr.js';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const micros = (iso: string) => BigInt(Date.parse(iso)) * 1000n;

describe('datetime functions', () => {
  it.each<[string, JsValue]>([
    ["year(DATE '2024-03-05')", 2024],
    ["quarter(DATE '2024-08-05')", 3],
    ["month(DATE '2024-03-05')", 3],
    ["day(DATE '2024-03-05')", 5],
    ["dayofmonth(DATE '2024-03-05')", 5],
    ["dayofweek(DATE '2024-03-03')", 1],
    ["weekday(DATE '2024-03-03')", 6],
    ["dayofyear(DATE '2024-12-31')", 366],
    ["weekofyear(DATE '2021-01-03')", 53],
    ["weekofyear(DATE '2024-12-30')", 1],
    ["year('2024-03-05 10:00:00')", 2024],
    ["hour(TIMESTAMP '2024-03-05 13:14:15')", 13],
    ["minute(TIMESTAMP '2024-03-05 13:14:15')", 14],
    ["second(TIMESTAMP '2024-03-05 13:14:15.9')", 15],
    ["hour(TIMESTAMP '1969-12-31 23:59:59')", 23],
    ["extract(YEAR FROM DATE '0001-01-01')", 1],
    ["extract(DOW FROM DATE '2024-03-03')", 1],
    ["extract(DAYOFWEEK_ISO FROM DATE '2024-03-03')", 7],
    ["extract(WEEK FROM DATE '2024-12-30')", 1],
    ["extract(YEAROFWEEK FROM DATE '2024-12-30')", 2025],
    ["extract(SECOND FROM TIMESTAMP '2024-03-05 13:14:15.25')", 15_250_000n],
    ["date_add(DATE '2024-02-28', 2)", day('2024-03-01')],
    ["DATE '2024-02-28' + 2", day('2024-03-01')],
    ["date_sub(DATE '2024-03-01', 1)", day('2024-02-29')],
    ["datediff(DATE '2024-03-01', DATE '2024-02-01')", 29],
    ["add_months(DATE '2024-01-31', 1)", day('2024-02-29')],
    ["add_months(DATE '2024-03-31', -1)", day('2024-02-29')],
    ["DATE '2024-01-31' + INTERVAL '1' MONTH", day('2024-02-29')],
    ["DATE '1998-12-01' - INTERVAL '90' DAY", day('1998-09-02')],
    ["DATE '2024-01-01' + INTERVAL '1 year 2 months 3 days'", day('2025-03-04')],
    ["DATE '2024-01-01' + INTERVAL '25 hours'", day('2024-01-02')],
    ["TIMESTAMP '2024-01-31 10:00:00' + INTERVAL '1 month 1 hour'", micros('2024-02-29T11:00:00Z')],
    ["TIMESTAMP '2024-01-01 00:00:00' - INTERVAL '1.5 seconds'", micros('2023-12-31T23:59:58.500Z')],
    ["INTERVAL '1 day' + INTERVAL '2 hours'", { months: 0, days: 1, micros: '7200000000' }],
    ["-INTERVAL '1 month'", { months: -1, days: 0, micros: '0' }],
    ["INTERVAL '3 days' / 2", { months: 0, days: 1, micros: '43200000000' }],
    ["INTERVAL '1 day' / 0", null],
    ["last_day(DATE '2024-02-10')", day('2024-02-29')],
    ["next_day(DATE '2024-03-03', 'sunday')", day('2024-03-10')],
    ["next_day(DATE '2024-03-03', 'xx')", null],
    ['make_date(2024, 2, 29)', day('2024-02-29')],
    ['make_date(2023, 2, 29)', null],
    ["months_between(TIMESTAMP '2024-03-31 00:00:00', TIMESTAMP '2024-02-29 00:00:00')", 1],
    ["months_between(TIMESTAMP '1997-02-28 10:30:00', TIMESTAMP '1996-10-30', false)", 3.9495967741935485],
    ["date_trunc('YEAR', TIMESTAMP '2024-03-05 13:14:15')", micros('2024-01-01T00:00:00Z')],
    ["date_trunc('QUARTER', TIMESTAMP '2024-08-05 13:14:15')", micros('2024-07-01T00:00:00Z')],
    ["date_trunc('WEEK', TIMESTAMP '2024-03-06 13:14:15')", micros('2024-03-04T00:00:00Z')],
    ["date_trunc('HOUR', TIMESTAMP '2024-03-05 13:14:15')", micros('2024-03-05T13:00:00Z')],
    ["date_trunc('MILLISECOND', TIMESTAMP '2024-03-05 13:14:15.123456')", micros('2024-03-05T13:14:15.123Z')],
    ["date_trunc('nope', TIMESTAMP '2024-03-05 13:14:15')", null],
    ["trunc(DATE '2024-08-05', 'MM')", day('2024-08-01')],
    ["trunc(DATE '2024-08-05', 'DD')", null],
    ["to_date('2024-03-05 10:00')", day('2024-03-05')],
    ["to_date('05/03/2024', 'dd/MM/yyyy')", day('2024-03-05')],
    ["to_date('5/3/2024', 'd/M/yyyy')", day('2024-03-05')],
    ["to_date('05/03/24', 'dd/MM/yy')", day('2024-03-05')],
    ["to_date('2024-03-05x', 'yyyy-MM-dd')", null],
    ["to_date(TIMESTAMP '2024-03-05 23:00:00')", day('2024-03-05')],
    ["to_timestamp('2024-03-05 10:11:12.345', 'yyyy-MM-dd HH:mm:ss.SSS')", micros('2024-03-05T10:11:12.345Z')],
    ["to_timestamp('Mar 5 2024 3:04 PM', 'MMM d yyyy h:mm a')", micros('2024-03-05T15:04:00Z')],
    ["to_timestamp('2024-03-05 10:00 +0200', 'yyyy-MM-dd HH:mm Z')", micros('2024-03-05T08:00:00Z')],
    ["to_timestamp('garbage')", null],
    ["unix_timestamp('1970-01-02 00:00:00')", 86400n],
    ["unix_timestamp(DATE '1970-01-02')", 86400n],
    ["to_unix_timestamp(TIMESTAMP '1969-12-31 23:59:59.5')", -1n],
    ['from_unixtime(86400)', '1970-01-02 00:00:00'],
    ["from_unixtime(0, 'yyyy-MM-dd''T''HH:mm:ssXXX')", '1970-01-01T00:00:00Z'],
    ["date_format(TIMESTAMP '2024-03-05 13:04:05.678', 'EEEE, MMMM d, yyyy h:mm:ss.SS a Q D')", 'Tuesday, March 5, 2024 1:04:05.67 PM 1 65'],
    ["date_format(DATE '2024-03-05', 'yy-MM-dd E')", '24-03-05 Tue'],
    ["window(TIMESTAMP '2024-01-05 10:17:12', '10 minutes')", { start: micros('2024-01-05T10:10:00Z'), end: micros('2024-01-05T10:20:00Z') }],
    ["window(TIMESTAMP '1969-12-31 23:59:59', '1 hour')", { start: micros('1969-12-31T23:00:00Z'), end: micros('1970-01-01T00:00:00Z') }],
    ["window(TIMESTAMP '2024-01-05 10:17:12', '10 minutes', '10 minutes', '5 minutes')", { start: micros('2024-01-05T10:15:00Z'), end: micros('2024-01-05T10:25:00Z') }],
    ["window(TIMESTAMP '2024-01-05 10:17:12', '1 day')", { start: micros('2024-01-05T00:00:00Z'), end: micros('2024-01-06T00:00:00Z') }],
  ])('%s', async (expr, expected) => {
    expect(await evalValue(expr)).toEqual(expected);
  });

  it('fixes current_date and current_timestamp once per query', async () => {
    const ctx = testContext();
    const [[ts1]] = (await evalColumns('current_timestamp()', {}, [], ctx)) as [[bigint]];
    await new Promise((r) => setTimeout(r, 5));
    const [[ts2]] = (await evalColumns('current_timestamp()', {}, [], ctx)) as [[bigint]];
    expect(ts1).toBe(ts2);
    expect(Number(ts1) / 1000).toBeLessThanOrEqual(Date.now());
    expect(await evalValue('current_date()', ctx)).toBe(Math.floor(Number(ts1) / 86_400_000_000));
  });

  it('rejects sliding windows and bad patterns', async () => {
    await expect(evalValue("window(TIMESTAMP '2024-01-05 10:17:12', '10 minutes', '5 minutes')")).rejects.toThrow(/tumbling/);
    await expect(evalValue("date_format(TIMESTAMP '2024-01-05 10:17:12', 'yyyy-MM-dd bb')")).rejects.toThrow(SqlError);
  });

  it('works in the session time zone, across DST changes', async () => {
    const ny = testContext({ timeZone: 'America/New_York' });
    expect(await evalValue("hour(TIMESTAMP '2024-03-10 12:00:00')", ny)).toBe(12);
    // 2024-03-10 02:30 does not exist in New York: Java moves it forward to 03:30 EDT.
    expect(await evalValue("CAST('2024-03-10 02:30:00' AS TIMESTAMP)", ny)).toBe(micros('2024-03-10T07:30:00Z'));
    // 2024-11-03 01:30 happens twice: the earlier instant (EDT).
    expect(await evalValue("CAST('2024-11-03 01:30:00' AS TIMESTAMP)", ny)).toBe(micros('2024-11-03T05:30:00Z'));
    // Adding a day keeps the wall-clock time across the change.
    expect(await evalValue("TIMESTAMP '2024-03-09 12:00:00' + INTERVAL '1 day'", ny)).toBe(micros('2024-03-10T16:00:00Z'));
    expect(await evalValue("TIMESTAMP '2024-03-09 12:00:00' + INTERVAL '24 hours'", ny)).toBe(micros('2024-03-10T17:00:00Z'));
    expect(await evalValue("date_format(TIMESTAMP '2024-07-01 12:00:00', 'HH:mm XXX VV')", ny)).toBe('12:00 -04:00 America/New_York');
    expect(await evalValue("date_trunc('DAY', TIMESTAMP '2024-07-01 12:00:00')", ny)).toBe(micros('2024-07-01T04:00:00Z'));
    expect(await evalValue('current_date() = CAST(current_timestamp() AS DATE)', ny)).toBe(true);
  });

  it('gives NULL for NULL inputs and handles columns', async () => {
    expect(await evalColumns('year(d), d + 1, hour(t)', { d: 'date?', t: 'timestamp?' }, [[day('2024-01-01'), null], [null, micros('2024-01-01T05:00:00Z')]])).toEqual([
      [2024, null],
      [day('2024-01-02'), null],
      [null, 5],
    ]);
  });
});

describe('calendar arithmetic agrees with Date', () => {
  const scratch = new Int32Array(3);
  it('converts day numbers and civil dates both ways', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (days) => {
        civilFromDays(days, scratch);
        const d = new Date(days * 86_400_000);
        expect([scratch[0], scratch[1], scratch[2]]).toEqual([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]);
        expect(daysFromCivil(scratch[0]!, scratch[1]!, scratch[2]!)).toBe(days);
      }),
    );
  });

  it('adds months with the day clamped', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), fc.integer({ min: -500, max: 500 }), (days, months) => {
        const d = new Date(days * 86_400_000);
        const target = new Date(Date.UTC(2000, d.getUTCMonth() + months, 1));
        target.setUTCFullYear(d.getUTCFullYear() + Math.floor((d.getUTCMonth() + months) / 12));
        target.setUTCMonth(((d.getUTCMonth() + months) % 12 + 12) % 12);
        const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
        target.setUTCDate(Math.min(d.getUTCDate(), last));
        expect(addMonthsToDays(days, months, scratch)).toBe(Math.round(target.getTime() / 86_400_000));
      }),
    );
  });

  it('numbers ISO weeks', () => {
    isoWeekOf(day('2026-01-01'), scratch);
    expect([scratch[0], scratch[1]]).toEqual([1, 2026]);
    isoWeekOf(day('2027-01-01'), scratch);
    expect([scratch[0], scratch[1]]).toEqual([53, 2026]);
  });
});

describe('time zones', () => {
  it('reads fixed offsets and region ids, and rejects unknown ids', () => {
    expect(zoneRules('+05:30')!.offsetAt(0)).toBe(5.5 * 3_600_000_000);
    expect(zoneRules('GMT-8')!.offsetAt(0)).toBe(-8 * 3_600_000_000);
    expect(zoneRules('Asia/Kolkata')!.offsetAt(0)).toBe(5.5 * 3_600_000_000);
    expect(zoneRules('Mars/Olympus')).toBeUndefined();
  });

  it('agrees with Intl on offsets at random instants', () => {
    const berlin = zoneRules('Europe/Berlin')!;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), (seconds) => {
        const hour = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', hour: 'numeric', hourCycle: 'h23' }).format(new Date(seconds * 1000));
        const local = seconds * 1_000_000 + berlin.offsetAt(seconds * 1_000_000);
        expect(Math.floor(((local / 3_600_000_000) % 24 + 24) % 24)).toBe(Number(hour));
        expect(berlin.toUtc(local)).toBe(seconds * 1_000_000);
      }),
      { numRuns: 200 },
    );
  });
});
