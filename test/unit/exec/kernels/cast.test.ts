// CAST between every kind of pair canCast allows, non-ANSI: NULL for bad input, Java narrowing, HALF_UP decimals,
// strings and datetimes in the session time zone.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { T, arrayOf, decimal, mapOf, structOf } from '../../../../src/types/data-type.js';
import type { DataType } from '../../../../src/types/data-type.js';
import { castVector } from '../../../../src/exec/kernels/cast.js';
import { zoneRules } from '../../../../src/exec/kernels/time-zone.js';
import type { JsValue } from '../../../../src/exec/vector.js';
import { vectorValues } from '../../../../src/exec/vector.js';
import { column, int32, vec } from './vectors.js';
import type { LayoutChoice } from './vectors.js';

const UTC = zoneRules('UTC')!;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const micros = (iso: string) => BigInt(Date.parse(iso)) * 1000n;

const cast = (from: DataType, to: DataType, values: JsValue[], zone = 'UTC', layout: LayoutChoice = 'default') =>
  vectorValues(castVector(vec(from, values, layout), to, zoneRules(zone)!));

describe('CAST', () => {
  it.each<[string, DataType, DataType, JsValue[], JsValue[]]>([
    ['string → int', T.string, T.int, [' 12 ', '-7', '1.9', 'x', '', '2147483648', null], [12, -7, 1, null, null, null, null]],
    ['string → tinyint', T.string, T.tinyint, ['127', '128'], [127, null]],
    ['string → bigint', T.string, T.bigint, ['9223372036854775807', '9223372036854775808', '-3.5'], [9223372036854775807n, null, -3n]],
    ['string → double', T.string, T.double, ['1.5', '1e3', ' -inf ', 'NaN', '1d', '0x10', 'abc'], [1.5, 1000, -Infinity, NaN, 1, null, null]],
    ['string → decimal', T.string, decimal(5, 2), ['1.005', '-1.005', '123.4', '1234.5', 'x'], [101n, -101n, 12340n, null, null]],
    ['string → boolean', T.string, T.boolean, ['TRUE', ' y ', '0', 'no', 'maybe'], [true, true, false, false, null]],
    ['string → date', T.string, T.date, ['2024-01-05', '2024-1-5', '2024-02-30', '2024', '2024-03-01T10:00', 'x'], [day('2024-01-05'), day('2024-01-05'), null, day('2024-01-01'), day('2024-03-01'), null]],
    ['string → timestamp', T.string, T.timestamp, ['2024-01-05 10:11:12.123456', '2024-01-05T10:11:12Z', '2024-01-05 10:00:00+02:00', '2024-13-01'], [micros('2024-01-05T10:11:12.123Z') + 456n, micros('2024-01-05T10:11:12Z'), micros('2024-01-05T08:00:00Z'), null]],
    ['string → binary', T.string, T.binary, ['é'], [new Uint8Array([0xc3, 0xa9])]],
    ['string → interval', T.string, T.interval, ['1 day 2 hours', 'interval -1 month', 'x'], [{ months: 0, days: 1, micros: '7200000000' }, { months: -1, days: 0, micros: '0' }, null]],
    ['int → tinyint wraps', T.int, T.tinyint, [300, -129], [44, 127]],
    ['bigint → int wraps', T.bigint, T.int, [2147483648n, 2n ** 60n + 5n], [-2147483648, 5]],
    ['double → int saturates', T.double, T.int, [1e10, -1e10, NaN, -1.9], [2147483647, -2147483648, 0, -1]],
    ['double → smallint', T.double, T.smallint, [1e10], [-1]],
    ['double → bigint', T.double, T.bigint, [1e20, -2.5, NaN], [9223372036854775807n, -2n, 0n]],
    ['decimal → int truncates', decimal(10, 2), T.int, [-199n, 199n], [-1, 1]],
    ['decimal → double', decimal(10, 2), T.double, [10n, -12345n], [0.1, -123.45]],
    ['decimal → decimal HALF_UP', decimal(10, 3), decimal(5, 1), [1250n, -1250n, 1249n, 99999999n], [13n, -13n, 12n, null]],
    ['int → decimal', T.int, decimal(5, 2), [123, 1234], [12300n, null]],
    ['double → decimal', T.double, decimal(10, 2), [0.125, 1.005, NaN, 1e20], [13n, 101n, null, null]],
    ['boolean → int', T.boolean, T.int, [true, false], [1, 0]],
    ['int → boolean', T.int, T.boolean, [2, 0], [true, false]],
    ['date → int is NULL', T.date, T.int, [1], [null]],
    ['timestamp → bigint floors seconds', T.timestamp, T.bigint, [-1n, 1_500_000n], [-1n, 1n]],
    ['timestamp → double', T.timestamp, T.double, [1_500_000n], [1.5]],
    ['bigint → timestamp', T.bigint, T.timestamp, [2n, 9223372036854775807n], [2_000_000n, 9223372036854775807n]],
    ['double → timestamp', T.double, T.timestamp, [1.5, NaN], [1_500_000n, null]],
    ['boolean → timestamp is 1 µs', T.boolean, T.timestamp, [true], [1n]],
    ['int → binary', T.int, T.binary, [258], [new Uint8Array([0, 0, 1, 2])]],
    ['int → string', T.int, T.string, [-5], ['-5']],
    ['double → string', T.double, T.string, [1e7, 0.001, 1e-4, 100, -0], ['1.0E7', '0.001', '1.0E-4', '100.0', '-0.0']],
    ['float → string', T.float, T.string, [Math.fround(0.1)], ['0.1']],
    ['decimal → string', decimal(10, 3), T.string, [1500n, -5n], ['1.500', '-0.005']],
    ['date → string', T.date, T.string, [day('2024-02-29')], ['2024-02-29']],
    ['timestamp → string', T.timestamp, T.string, [micros('2024-01-05T10:11:12.5Z'), micros('2024-01-05T10:11:12Z')], ['2024-01-05 10:11:12.5', '2024-01-05 10:11:12']],
    ['boolean → string', T.boolean, T.string, [true], ['true']],
    ['binary → string', T.binary, T.string, [new Uint8Array([0x61])], ['a']],
    ['array → string', arrayOf(T.int), T.string, [[1, null, 3]], ['[1, null, 3]']],
    ['map → string', mapOf(T.string, T.int), T.string, [new Map([['a', 1]])], ['{a -> 1}']],
    ['struct → string', structOf([{ name: 'a', type: T.int, nullable: true }, { name: 'b', type: T.string, nullable: true }]), T.string, [{ a: 1, b: null }], ['{1, null}']],
    ['array<string> → array<int>', arrayOf(T.string), arrayOf(T.int), [['1', 'x'], null, []], [[1, null], null, []]],
    ['timestamp → date', T.timestamp, T.date, [micros('2024-01-05T23:30:00Z')], [day('2024-01-05')]],
    ['date → timestamp', T.date, T.timestamp, [day('2024-01-05')], [micros('2024-01-05T00:00:00Z')]],
    ['null → int', T.null, T.int, [null], [null]],
  ])('%s', (_, from, to, values, expected) => {
    expect(cast(from, to, values)).toEqual(expected);
  });

  it('casts structs by position and maps entry by entry', () => {
    const from = structOf([{ name: 'x', type: T.string, nullable: true }]);
    const to = structOf([{ name: 'y', type: T.int, nullable: true }]);
    expect(cast(from, to, [{ x: '7' }, null])).toEqual([{ y: 7 }, null]);
    expect(cast(mapOf(T.int, T.string), mapOf(T.string, T.int), [new Map([[1, '2']])])).toEqual([new Map([['1', 2]])]);
  });

  it('reads and prints timestamps in the session time zone', () => {
    expect(cast(T.string, T.timestamp, ['2024-07-01 12:00:00'], 'Europe/Berlin')).toEqual([micros('2024-07-01T10:00:00Z')]);
    expect(cast(T.timestamp, T.string, [micros('2024-01-01T00:00:00Z')], 'America/New_York')).toEqual(['2023-12-31 19:00:00']);
    expect(cast(T.timestamp, T.date, [micros('2024-01-01T03:00:00Z')], 'America/New_York')).toEqual([day('2023-12-31')]);
    expect(cast(T.string, T.timestamp_ntz, ['2024-07-01 12:00:00+05:00'], 'Europe/Berlin')).toEqual([micros('2024-07-01T12:00:00Z')]);
    expect(cast(T.timestamp_ntz, T.timestamp, [micros('2024-07-01T12:00:00Z')], 'Europe/Berlin')).toEqual([micros('2024-07-01T10:00:00Z')]);
  });

  it('casts a dictionary column once per entry and keeps NULLs', () => {
    expect(cast(T.string, T.int, ['1', null, 'x', '1'], 'UTC', 'dict')).toEqual([1, null, null, 1]);
    expect(cast(T.string, T.int, [], 'UTC', 'dict')).toEqual([]);
  });

  it('round-trips ints through strings and decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }).chain((n) => column(int32, n)), (values) => {
        const text = castVector(vec(T.int, values), T.string, UTC);
        expect(vectorValues(castVector(text, T.int, UTC))).toEqual(values);
        const d = castVector(vec(T.int, values), decimal(12, 2), UTC);
        expect(vectorValues(d)).toEqual(values.map((x) => (x === null ? null : BigInt(x as number) * 100n)));
        expect(vectorValues(castVector(d, T.int, UTC))).toEqual(values);
      }),
    );
  });
});
