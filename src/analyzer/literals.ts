// Types and values of literals as Spark reads them: numbers by form and suffix, DATE/TIMESTAMP strings, intervals.
import { fail } from '../common/errors.js';
import type { Span } from '../common/diagnostic.js';
import type { IntervalUnit, NumberSuffix } from '../ast/ast.js';
import { T, decimal, MAX_DECIMAL_PRECISION } from '../types/data-type.js';
import type { DataType } from '../types/data-type.js';
import type { IntervalValue, LiteralValue } from '../logical/expr.js';

export interface TypedValue {
  readonly value: LiteralValue;
  readonly type: DataType;
}

const INT_RANGE: Record<'tinyint' | 'smallint' | 'int' | 'bigint', readonly [bigint, bigint]> = {
  tinyint: [-128n, 127n],
  smallint: [-32768n, 32767n],
  int: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
};

/**
 * Types a number literal the way Spark does: integers are int, else bigint, else decimal(n,0); a decimal point
 * makes decimal(p,s); an exponent makes double; suffixes L S Y D F BD force the type. `negative` folds a leading minus.
 */
export function numberLiteral(text: string, suffix: NumberSuffix | undefined, negative: boolean, span?: Span): TypedValue {
  const sign = negative ? '-' : '';
  const isInteger = /^\d+$/.test(text);
  const outOfRange = (type: string): never =>
    fail('ANALYSIS_INVALID_LITERAL', `numeric literal ${sign}${text} is out of range for ${type}`, span);
  const integral = (type: keyof typeof INT_RANGE): TypedValue => {
    if (!isInteger) fail('ANALYSIS_INVALID_LITERAL', `${text}${suffix} is not a valid ${type} literal`, span);
    const v = BigInt(sign + text);
    const [lo, hi] = INT_RANGE[type];
    if (v < lo || v > hi) outOfRange(type);
    return { value: type === 'bigint' ? v.toString() : Number(v), type: T[type] };
  };
  switch (suffix) {
    case 'L':
      return integral('bigint');
    case 'S':
      return integral('smallint');
    case 'Y':
      return integral('tinyint');
    case 'D':
    case 'F': {
      const v = Number(sign + text);
      if (!Number.isFinite(v)) outOfRange(suffix === 'D' ? 'double' : 'float');
      return { value: suffix === 'F' ? Math.fround(v) : v, type: suffix === 'F' ? T.float : T.double };
    }
    case 'BD':
      return decimalLiteral(sign, text, span) ?? outOfRange('decimal');
    case undefined:
      break;
  }
  if (isInteger) {
    const v = BigInt(sign + text);
    if (v >= INT_RANGE.int[0] && v <= INT_RANGE.int[1]) return { value: Number(v), type: T.int };
    if (v >= INT_RANGE.bigint[0] && v <= INT_RANGE.bigint[1]) return { value: v.toString(), type: T.bigint };
  }
  if (!/[eE]/.test(text)) {
    const d = decimalLiteral(sign, text, span);
    if (d) return d;
  }
  const v = Number(sign + text);
  if (!Number.isFinite(v)) outOfRange('double');
  return { value: v, type: T.double };
}

/** decimal(p,s) for `123.45`-style text, or undefined when it needs more than 38 digits. */
function decimalLiteral(sign: string, text: string, span?: Span): TypedValue | undefined {
  const m = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return fail('ANALYSIS_INVALID_LITERAL', `${text} is not a valid decimal literal`, span);
  let intPart = m[1] ?? '';
  let frac = m[2] ?? '';
  const exp = Number(m[3] ?? 0);
  // Apply an exponent by moving the decimal point (1.5E2BD = 150).
  if (exp > 0) {
    frac = frac.padEnd(exp, '0');
    intPart += frac.slice(0, exp);
    frac = frac.slice(exp);
  } else if (exp < 0) {
    intPart = intPart.padStart(-exp, '0');
    frac = intPart.slice(intPart.length + exp) + frac;
    intPart = intPart.slice(0, intPart.length + exp);
  }
  const scale = frac.length;
  const unscaled = (intPart + frac).replace(/^0+/, '');
  const precision = Math.max(unscaled.length, scale, 1);
  if (precision > MAX_DECIMAL_PRECISION) return undefined;
  const whole = intPart.replace(/^0+/, '') || '0';
  const isZero = /^0*$/.test(intPart + frac);
  return { value: `${isZero ? '' : sign}${whole}${scale ? '.' + frac : ''}`, type: decimal(precision, scale) };
}

const MS_PER_DAY = 86_400_000;

/** Days since the epoch for `yyyy`, `yyyy-m`, `yyyy-m-d` (optionally followed by a time part, as Spark allows). */
export function parseDate(text: string): number | undefined {
  const m = /^\s*([+-]?\d{4,6})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[ T].*)?\s*$/.exec(text);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2] ?? 1);
  const d = Number(m[3] ?? 1);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return Math.round(utcMillis(y, mo, d) / MS_PER_DAY);
}

function daysInMonth(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function utcMillis(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  const date = new Date(Date.UTC(2000, mo - 1, d, h, mi, s));
  date.setUTCFullYear(y);
  return date.getTime();
}

/**
 * Microseconds since the epoch (as a digits string) for `yyyy-mm-dd[ T]hh:mm[:ss[.ffffff]][zone]`.
 * Without a zone the wall time is read in `timeZone`, unless `ntz` (then it is taken as is).
 */
export function parseTimestamp(text: string, timeZone: string, ntz: boolean): string | undefined {
  const m =
    /^\s*([+-]?\d{4,6})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2})(?::(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,9}))?)?)?)?\s*(Z|UTC|[+-]\d{1,2}(?::?\d{2})?|[A-Za-z_]+\/[A-Za-z_/]+)?\s*$/.exec(
      text,
    );
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return undefined;
  const fracMicros = BigInt((m[7] ?? '').padEnd(6, '0').slice(0, 6) || '0');
  const wallMicros = BigInt(utcMillis(y, mo, d, h, mi, s)) * 1000n + fracMicros;
  if (ntz) return wallMicros.toString();
  const zone = m[8] ?? timeZone;
  const offsetMs = zoneOffsetMillis(zone, Number(wallMicros / 1000n));
  if (offsetMs === undefined) return undefined;
  return (wallMicros - BigInt(offsetMs) * 1000n).toString();
}

/** The zone's offset from UTC in ms at (approximately) the given wall-clock instant. */
export function zoneOffsetMillis(zone: string, wallMillis: number): number | undefined {
  if (zone === 'Z' || zone.toUpperCase() === 'UTC') return 0;
  const fixed = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone);
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3] ?? 0)) * 60_000;
  try {
    const fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    // Offset = (wall time in zone − UTC) at the instant; evaluate at wall − offset guess for DST edges.
    const offsetAt = (instant: number): number => {
      const parts = Object.fromEntries(fmt.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
      const asUtc = utcMillis(Number(parts.year), Number(parts.month), Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
      return asUtc - Math.floor(instant / 1000) * 1000;
    };
    const guess = offsetAt(wallMillis);
    return offsetAt(wallMillis - guess);
  } catch {
    return undefined;
  }
}

const MICROS: Partial<Record<IntervalUnit, bigint>> = {
  hour: 3_600_000_000n,
  minute: 60_000_000n,
  second: 1_000_000n,
  millisecond: 1_000n,
  microsecond: 1n,
};

const UNIT_NAMES: Record<string, IntervalUnit> = {
  year: 'year', years: 'year', month: 'month', months: 'month', week: 'week', weeks: 'week', day: 'day', days: 'day',
  hour: 'hour', hours: 'hour', minute: 'minute', minutes: 'minute', second: 'second', seconds: 'second',
  millisecond: 'millisecond', milliseconds: 'millisecond', microsecond: 'microsecond', microseconds: 'microsecond',
};

/** Adds `value` of `unit` to an interval; seconds may have a fraction. Returns undefined on a malformed value. */
function addUnit(acc: { months: number; days: number; micros: bigint }, value: string, unit: IntervalUnit): boolean {
  const v = value.trim();
  if (unit === 'second' || unit === 'millisecond') {
    const m = /^([+-]?)(\d+)(?:\.(\d{0,6}))?$/.exec(v);
    if (!m) return false;
    const sign = m[1] === '-' ? -1n : 1n;
    const scale = unit === 'second' ? 1_000_000n : 1_000n;
    const fracDigits = unit === 'second' ? 6 : 3;
    acc.micros += sign * (BigInt(m[2]!) * scale + BigInt((m[3] ?? '').padEnd(fracDigits, '0').slice(0, fracDigits) || '0'));
    return true;
  }
  if (!/^[+-]?\d+$/.test(v)) return false;
  const n = BigInt(v);
  switch (unit) {
    case 'year':
      acc.months += Number(n) * 12;
      return true;
    case 'month':
      acc.months += Number(n);
      return true;
    case 'week':
      acc.days += Number(n) * 7;
      return true;
    case 'day':
      acc.days += Number(n);
      return true;
    default:
      acc.micros += n * MICROS[unit]!;
      return true;
  }
}

/** Builds an interval from the AST's parts; `to` selects the `'1-2' YEAR TO MONTH` / `'1 2:03:04' DAY TO SECOND` forms. */
export function intervalLiteral(
  parts: readonly { readonly value: string; readonly unit?: IntervalUnit }[],
  to: IntervalUnit | undefined,
  span?: Span,
): IntervalValue {
  const acc = { months: 0, days: 0, micros: 0n };
  const bad = (what: string): never => fail('ANALYSIS_INVALID_LITERAL', `invalid interval: ${what}`, span);
  if (to) {
    const p = parts[0];
    if (!p?.unit || parts.length !== 1) bad('expected one value for a `TO` interval');
    parseRangeInterval(p!.value, p!.unit!, to, acc) || bad(`'${p!.value}' does not match ${p!.unit!.toUpperCase()} TO ${to.toUpperCase()}`);
  } else {
    for (const p of parts) {
      if (p.unit) {
        addUnit(acc, p.value, p.unit) || bad(`'${p.value}' is not a number of ${p.unit}s`);
      } else {
        // `INTERVAL '1 day 2 hours'`: value/unit pairs inside the string.
        const tokens = p.value.trim().replace(/^interval\s+/i, '').split(/\s+/);
        if (tokens.length % 2 !== 0 || tokens[0] === '') bad(`'${p.value}'`);
        for (let i = 0; i < tokens.length; i += 2) {
          const unit = UNIT_NAMES[tokens[i + 1]!.toLowerCase()];
          if (!unit || !addUnit(acc, tokens[i]!, unit)) bad(`'${p.value}'`);
        }
      }
    }
  }
  return { months: acc.months, days: acc.days, micros: acc.micros.toString() };
}

function parseRangeInterval(
  value: string,
  from: IntervalUnit,
  to: IntervalUnit,
  acc: { months: number; days: number; micros: bigint },
): boolean {
  const v = value.trim();
  const negative = v.startsWith('-');
  const body = v.replace(/^[+-]/, '');
  const sign = negative ? '-' : '';
  if (from === 'year' && to === 'month') {
    const m = /^(\d+)-(\d+)$/.exec(body);
    return !!m && addUnit(acc, sign + m[1], 'year') && addUnit(acc, sign + m[2], 'month');
  }
  // Day-time forms: [d ][h[:m[:s]]] trimmed to the fields between `from` and `to`.
  const order: IntervalUnit[] = ['day', 'hour', 'minute', 'second'];
  const fields = order.slice(order.indexOf(from), order.indexOf(to) + 1);
  if (fields.length === 0) return false;
  const values = body.split(/[ :]/);
  if (values.length !== fields.length) return false;
  return fields.every((unit, i) => addUnit(acc, sign + values[i]!, unit));
}
