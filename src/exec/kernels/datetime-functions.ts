// Date and time functions: field extraction over day numbers and microseconds in typed loops, date arithmetic,
// truncation, parsing and formatting with Spark's patterns in the session time zone, and the `window` bucket.
import { fail } from '../../common/errors.js';
import type { DataType } from '../../types/data-type.js';
import type { FunctionCompiler, FunctionEnv } from '../expr/evaluator.js';
import { constantOf, vectorized } from '../expr/evaluator.js';
import type { JsValue, Vector } from '../vector.js';
import { constantVector } from '../vector.js';
import {
  MICROS_PER_DAY,
  MICROS_PER_HOUR,
  MICROS_PER_MINUTE,
  addMonthsToDays,
  civilFromDays,
  dayOfYear,
  daysFromCivil,
  daysInMonth,
  floorDiv,
  floorMod,
  isoWeekOf,
  weekdayOf,
} from './calendar.js';
import { castVector } from './cast.js';
import { datetimeFormatter, datetimeParser } from './datetime-format.js';
import { parseInterval } from './interval.js';
import { parseDate, parseTimestamp } from './parse-value.js';
import { rowFunction } from './row-function.js';
import type { RowFn } from './row-function.js';
import type { ZoneRules } from './time-zone.js';
import { zoneRules } from './time-zone.js';
import { f64Vector, i32Of, i32Vector, nullsOf, timestampsOf } from './vector-helpers.js';

const scratch = new Int32Array(3);
const UTC = zoneRules('UTC')!;
const DEFAULT_FORMAT = 'yyyy-MM-dd HH:mm:ss';

// ───────────────────────────── fields ─────────────────────────────

/** Fields of a date (a day number). */
const DATE_FIELDS: Readonly<Record<string, (days: number) => number>> = {
  year: (d) => (civilFromDays(d, scratch), scratch[0]!),
  quarter: (d) => (civilFromDays(d, scratch), Math.floor((scratch[1]! - 1) / 3) + 1),
  month: (d) => (civilFromDays(d, scratch), scratch[1]!),
  day: (d) => (civilFromDays(d, scratch), scratch[2]!),
  // 1 = Sunday … 7 = Saturday.
  dayofweek: (d) => ((weekdayOf(d) + 1) % 7) + 1,
  // 1 = Monday … 7 = Sunday.
  dayofweek_iso: (d) => weekdayOf(d) + 1,
  // 0 = Monday … 6 = Sunday.
  weekday: weekdayOf,
  dayofyear: (d) => dayOfYear(d, scratch),
  weekofyear: (d) => (isoWeekOf(d, scratch), scratch[0]!),
  yearofweek: (d) => (isoWeekOf(d, scratch), scratch[1]!),
};

/** Fields of a wall-clock time in microseconds. */
const TIME_FIELDS: Readonly<Record<string, (local: number) => number>> = {
  hour: (t) => Math.floor(floorMod(t, MICROS_PER_DAY) / MICROS_PER_HOUR),
  minute: (t) => Math.floor(floorMod(t, MICROS_PER_HOUR) / MICROS_PER_MINUTE),
  second: (t) => Math.floor(floorMod(t, MICROS_PER_MINUTE) / 1_000_000),
};

// date_part's names for the fields, mapped to the ones above.
const DATE_PART_NAMES: Readonly<Record<string, string>> = {
  year: 'year', y: 'year', years: 'year', yr: 'year', yrs: 'year',
  yearofweek: 'yearofweek',
  quarter: 'quarter', qtr: 'quarter',
  month: 'month', mon: 'month', mons: 'month', months: 'month',
  week: 'weekofyear', w: 'weekofyear', weeks: 'weekofyear',
  day: 'day', d: 'day', days: 'day',
  dayofweek: 'dayofweek', dow: 'dayofweek',
  dayofweek_iso: 'dayofweek_iso', dow_iso: 'dayofweek_iso',
  doy: 'dayofyear',
  hour: 'hour', h: 'hour', hours: 'hour', hr: 'hour', hrs: 'hour',
  minute: 'minute', m: 'minute', min: 'minute', mins: 'minute', minutes: 'minute',
  second: 'second', s: 'second', sec: 'second', seconds: 'second', secs: 'second',
};

function dateField(v: Vector, type: DataType, field: (days: number) => number): Vector {
  const d = i32Of(v);
  const out = new Int32Array(d.length);
  for (let i = 0; i < out.length; i++) out[i] = field(d[i]!);
  return i32Vector(type, out, v.nulls);
}

/** Wall-clock microseconds of timestamps: in the session zone for TIMESTAMP, as they are for TIMESTAMP_NTZ. */
function localTimes(v: Vector, zone: ZoneRules): Float64Array {
  const t = timestampsOf(v);
  if (v.type.kind !== 'timestamp') return t;
  const out = new Float64Array(t.length);
  for (let i = 0; i < out.length; i++) out[i] = t[i]! + zone.offsetAt(t[i]!);
  return out;
}

function timeField(v: Vector, type: DataType, field: (local: number) => number, zone: ZoneRules): Vector {
  const t = localTimes(v, zone);
  const out = new Int32Array(t.length);
  for (let i = 0; i < out.length; i++) out[i] = field(t[i]!);
  return i32Vector(type, out, v.nulls);
}

// EXTRACT(SECOND …) is decimal(8,6): the seconds with their microseconds.
function secondsWithFraction(v: Vector, type: DataType, zone: ZoneRules): Vector {
  const t = localTimes(v, zone);
  const out = new Float64Array(t.length);
  for (let i = 0; i < out.length; i++) out[i] = floorMod(t[i]!, MICROS_PER_MINUTE);
  return f64Vector(type, out, v.nulls);
}

const datePart: FunctionCompiler = (args, type, env) => {
  const name = DATE_PART_NAMES[String(constantOf(args, 0)).toLowerCase()];
  if (!name) return fail('EXEC_INVALID_ARGUMENT', `date_part: unknown field '${String(constantOf(args, 0))}'`);
  const source = args[1]!;
  if (name === 'second' && type.kind === 'decimal') return (batch) => secondsWithFraction(source.evaluate(batch), type, env.zone);
  const time = TIME_FIELDS[name];
  if (time) return (batch) => timeField(source.evaluate(batch), type, time, env.zone);
  const date = DATE_FIELDS[name]!;
  return (batch) => dateField(source.evaluate(batch), type, date);
};

// ───────────────────────────── date arithmetic ─────────────────────────────

function daysBinary(f: (a: number, b: number) => number): FunctionCompiler {
  return vectorized(([a, b], type) => {
    const x = i32Of(a!);
    const y = i32Of(b!);
    const out = new Int32Array(x.length);
    for (let i = 0; i < out.length; i++) out[i] = f(x[i]!, y[i]!);
    return i32Vector(type, out, nullsOf(out.length, a!, b!));
  });
}

/** Spark's months_between: whole months when the days of month match or both are month ends, else by 31-day months. */
function monthsBetween(t1: number, t2: number, roundOff: boolean, zone: ZoneRules): number {
  const l1 = t1 + zone.offsetAt(t1);
  const l2 = t2 + zone.offsetAt(t2);
  const d1 = floorDiv(l1, MICROS_PER_DAY);
  const d2 = floorDiv(l2, MICROS_PER_DAY);
  civilFromDays(d1, scratch);
  const [y1, m1, day1] = [scratch[0]!, scratch[1]!, scratch[2]!];
  civilFromDays(d2, scratch);
  const [y2, m2, day2] = [scratch[0]!, scratch[1]!, scratch[2]!];
  const monthDiff = y1 * 12 + m1 - (y2 * 12 + m2);
  if (day1 === day2 || (day1 === daysInMonth(y1, m1) && day2 === daysInMonth(y2, m2))) return monthDiff;
  const seconds1 = Math.floor((l1 - d1 * MICROS_PER_DAY) / 1_000_000);
  const seconds2 = Math.floor((l2 - d2 * MICROS_PER_DAY) / 1_000_000);
  const secondsDiff = (day1 - day2) * 86_400 + seconds1 - seconds2;
  const diff = monthDiff + secondsDiff / (31 * 86_400);
  return roundOff ? Math.round(diff * 1e8) / 1e8 : diff;
}

const WEEKDAY_NAMES: readonly (readonly string[])[] = [
  ['MO', 'MON', 'MONDAY'],
  ['TU', 'TUE', 'TUESDAY'],
  ['WE', 'WED', 'WEDNESDAY'],
  ['TH', 'THU', 'THURSDAY'],
  ['FR', 'FRI', 'FRIDAY'],
  ['SA', 'SAT', 'SATURDAY'],
  ['SU', 'SUN', 'SUNDAY'],
];

/** The first date after `days` that falls on the named weekday; NULL for an unknown name (ANSI off). */
function nextDay(days: number, name: string): number | null {
  const target = WEEKDAY_NAMES.findIndex((names) => names.includes(name.trim().toUpperCase()));
  if (target < 0) return null;
  const ahead = (target - weekdayOf(days) + 7) % 7;
  return days + (ahead === 0 ? 7 : ahead);
}

function makeDate(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return daysFromCivil(y, m, d);
}

// ───────────────────────────── truncation ─────────────────────────────

const TRUNC_LEVELS: Readonly<Record<string, string>> = {
  YEAR: 'year', YYYY: 'year', YY: 'year',
  QUARTER: 'quarter',
  MONTH: 'month', MM: 'month', MON: 'month',
  WEEK: 'week',
  DAY: 'day', DD: 'day',
  HOUR: 'hour',
  MINUTE: 'minute',
  SECOND: 'second',
  MILLISECOND: 'millisecond',
  MICROSECOND: 'microsecond',
};

/** The first day of the year, quarter, month or (Monday-based) week of a date; undefined for other levels. */
function truncDays(days: number, level: string): number | undefined {
  civilFromDays(days, scratch);
  const [y, m] = [scratch[0]!, scratch[1]!];
  switch (level) {
    case 'year':
      return daysFromCivil(y, 1, 1);
    case 'quarter':
      return daysFromCivil(y, m - ((m - 1) % 3), 1);
    case 'month':
      return daysFromCivil(y, m, 1);
    case 'week':
      return days - weekdayOf(days);
    default:
      return undefined;
  }
}

// Spark's truncTimestamp: levels up to the minute cut the instant; hours and longer cut the wall-clock time.
function truncTimestamp(t: number, level: string, zone: ZoneRules): number | null {
  switch (level) {
    case 'microsecond':
      return t;
    case 'millisecond':
      return t - floorMod(t, 1000);
    case 'second':
      return t - floorMod(t, 1_000_000);
    case 'minute':
      return t - floorMod(t, MICROS_PER_MINUTE);
  }
  const local = t + zone.offsetAt(t);
  const days = floorDiv(local, MICROS_PER_DAY);
  let truncated: number;
  if (level === 'hour') truncated = local - floorMod(local, MICROS_PER_HOUR);
  else if (level === 'day') truncated = days * MICROS_PER_DAY;
  else {
    const d = truncDays(days, level);
    if (d === undefined) return null;
    truncated = d * MICROS_PER_DAY;
  }
  return zone.toUtc(truncated);
}

// ───────────────────────────── parsing and formatting ─────────────────────────────

/** The instant of text in a pattern (or Spark's cast rules without one), read in `zone`; undefined if it does not parse. */
function parseInstant(text: string, pattern: string | undefined, zone: ZoneRules): number | undefined {
  if (pattern === undefined) return parseTimestamp(text, zone);
  const parsed = datetimeParser(pattern)(text);
  if (!parsed) return undefined;
  if (parsed.offset !== undefined) return parsed.local - parsed.offset;
  const named = parsed.zone === undefined ? zone : zoneRules(parsed.zone);
  return named?.toUtc(parsed.local);
}

function formatInstant(t: number, pattern: string, zone: ZoneRules, zoneId: string): string {
  const offset = zone.offsetAt(t);
  return datetimeFormatter(pattern)(t + offset, offset, zoneId);
}

/** A row function that needs the session zone. */
function zoned(build: (env: FunctionEnv) => RowFn, options?: { readonly nullArguments?: boolean }): FunctionCompiler {
  return (args, type, env) => rowFunction(build(env), options)(args, type, env);
}

// to_date / to_timestamp / unix_timestamp accept a string (parsed), a date or a timestamp (converted).
function toInstant(value: JsValue, type: DataType, pattern: string | undefined, zone: ZoneRules): number | undefined {
  switch (type.kind) {
    case 'string':
      return parseInstant(value as string, pattern, zone);
    case 'date':
      return zone.toUtc((value as number) * MICROS_PER_DAY);
    case 'timestamp_ntz':
      return zone.toUtc(Number(value as bigint));
    default:
      return Number(value as bigint);
  }
}

function unixTimestamp(fallbackToNow: boolean): FunctionCompiler {
  return (args, type, env) => {
    if (args.length === 0 && fallbackToNow) return (batch) => constantVector(type, BigInt(floorDiv(env.nowMicros, 1_000_000)), batch.length);
    const sourceType = args[0]!.type;
    return zoned(({ zone }) => ([value, pattern]) => {
      const t = toInstant(value, sourceType, sourceType.kind === 'string' ? ((pattern as string | undefined) ?? DEFAULT_FORMAT) : undefined, zone);
      return t === undefined ? null : BigInt(floorDiv(t, 1_000_000));
    })(args, type, env);
  };
}

const toDate: FunctionCompiler = (args, type, env) => {
  const sourceType = args[0]!.type;
  if (sourceType.kind !== 'string') return vectorized(([v]) => castVector(v!, type, env.zone))(args, type, env);
  return zoned(({ zone }) => ([text, pattern]) => {
    if (pattern === undefined) return parseDate(text as string) ?? null;
    const t = parseInstant(text as string, pattern as string, zone);
    return t === undefined ? null : floorDiv(t + zone.offsetAt(t), MICROS_PER_DAY);
  })(args, type, env);
};

const toTimestamp: FunctionCompiler = (args, type, env) => {
  const sourceType = args[0]!.type;
  if (sourceType.kind !== 'string') return vectorized(([v]) => castVector(v!, type, env.zone))(args, type, env);
  return zoned(({ zone }) => ([text, pattern]) => {
    const t = parseInstant(text as string, pattern as string | undefined, zone);
    return t === undefined ? null : BigInt(t);
  })(args, type, env);
};

// ───────────────────────────── window ─────────────────────────────

// A window duration: days and smaller units only (months have no fixed length).
function durationMicros(text: JsValue): number {
  const iv = typeof text === 'string' ? parseInterval(text) : undefined;
  if (!iv || iv.months !== 0) fail('EXEC_INVALID_ARGUMENT', `window: '${String(text)}' is not a duration of days or less`);
  return iv!.days * MICROS_PER_DAY + Number(iv!.micros);
}

/**
 * window(ts, duration[, slide[, start]]): the tumbling window holding ts, as struct<start, end>. Windows start at
 * `start` plus whole durations from the epoch (Spark's alignment, correct for times before 1970 too). Sliding
 * windows (a slide shorter than the duration) put a row in several windows, which only the analyzer's expansion
 * into several rows can express.
 */
const timeWindow: FunctionCompiler = (args, type) => {
  const duration = durationMicros(constantOf(args, 1));
  const slide = args.length > 2 ? durationMicros(constantOf(args, 2)) : duration;
  const start = args.length > 3 ? durationMicros(constantOf(args, 3)) : 0;
  if (duration <= 0 || slide !== duration)
    fail('EXEC_UNSUPPORTED_FUNCTION', 'window: only tumbling windows (no slide, or a slide equal to the duration) are supported');
  return rowFunction(([ts]) => {
    const t = Number(ts as bigint);
    const windowStart = t - floorMod(t - start, slide);
    return { start: BigInt(windowStart), end: BigInt(windowStart + duration) };
  })(args.slice(0, 1), type, { zone: UTC, zoneId: 'UTC', nowMicros: 0 });
};

// ───────────────────────────── the catalogue ─────────────────────────────

export const DATETIME_KERNELS: Readonly<Record<string, FunctionCompiler>> = {
  ...Object.fromEntries(
    ['year', 'quarter', 'month', 'dayofweek', 'dayofyear', 'weekofyear', 'weekday'].map((name) => [
      name,
      vectorized(([v], type) => dateField(v!, type, DATE_FIELDS[name]!)),
    ]),
  ),
  dayofmonth: vectorized(([v], type) => dateField(v!, type, DATE_FIELDS.day!)),
  ...Object.fromEntries(
    ['hour', 'minute', 'second'].map((name) => [name, vectorized(([v], type, env) => timeField(v!, type, TIME_FIELDS[name]!, env.zone))]),
  ),
  date_part: datePart,
  date_add: daysBinary((d, n) => (d + n) | 0),
  date_sub: daysBinary((d, n) => (d - n) | 0),
  datediff: daysBinary((end, start) => end - start),
  add_months: daysBinary((d, n) => addMonthsToDays(d, n, scratch)),
  months_between: zoned(({ zone }) => ([t1, t2, roundOff]) =>
    monthsBetween(Number(t1 as bigint), Number(t2 as bigint), (roundOff as boolean | undefined) ?? true, zone),
  ),
  last_day: vectorized(([v], type) =>
    dateField(v!, type, (d) => {
      civilFromDays(d, scratch);
      return daysFromCivil(scratch[0]!, scratch[1]!, daysInMonth(scratch[0]!, scratch[1]!));
    }),
  ),
  next_day: rowFunction(([d, name]) => nextDay(d as number, name as string)),
  make_date: rowFunction(([y, m, d]) => makeDate(y as number, m as number, d as number)),
  date_trunc: zoned(({ zone }) => ([format, ts]) => {
    const level = TRUNC_LEVELS[(format as string).toUpperCase()];
    const t = level === undefined ? null : truncTimestamp(Number(ts as bigint), level, zone);
    return t === null ? null : BigInt(t);
  }),
  trunc: rowFunction(([d, format]) => {
    const level = TRUNC_LEVELS[(format as string).toUpperCase()];
    return level === undefined ? null : (truncDays(d as number, level) ?? null);
  }),
  to_date: toDate,
  to_timestamp: toTimestamp,
  to_unix_timestamp: unixTimestamp(false),
  unix_timestamp: unixTimestamp(true),
  from_unixtime: (args, type, env) =>
    zoned(({ zone }) => ([seconds, pattern]) =>
      formatInstant(Number(seconds as bigint) * 1_000_000, (pattern as string | undefined) ?? DEFAULT_FORMAT, zone, env.zoneId),
    )(args, type, env),
  date_format: (args, type, env) =>
    zoned(({ zone }) => ([ts, pattern]) => formatInstant(Number(ts as bigint), pattern as string, zone, env.zoneId))(args, type, env),
  current_date: (_args, type, env) => {
    const today = floorDiv(env.nowMicros + env.zone.offsetAt(env.nowMicros), MICROS_PER_DAY);
    return (batch) => constantVector(type, today, batch.length);
  },
  current_timestamp: (_args, type, env) => (batch) => constantVector(type, BigInt(env.nowMicros), batch.length),
  window: timeWindow,
};
