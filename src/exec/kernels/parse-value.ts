// Text as values, the way Spark's non-ANSI CAST(string AS …) reads it: undefined (the cast's NULL) for anything
// that does not parse, out-of-range numbers included.
import { MICROS_PER_DAY, MICROS_PER_HOUR, MICROS_PER_MINUTE, daysFromCivil, daysInMonth } from './calendar.js';
import type { ZoneRules } from './time-zone.js';
import { zoneRules } from './time-zone.js';

/** Spark's UTF8String.trimAll: whitespace and control characters (≤ U+0020) at both ends. */
export function trimControl(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 0x20) start++;
  while (end > start && s.charCodeAt(end - 1) <= 0x20) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

const INTEGRAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * An integer in [min, max] from text like ` -12 ` or `12.9` (Spark's UTF8String.toLong: a fraction is dropped),
 * as a number for 32-bit targets and a bigint for bigint.
 */
export function parseIntegral(s: string, min: bigint, max: bigint): bigint | undefined {
  const m = INTEGRAL.exec(trimControl(s));
  if (!m || (m[2] === '' && !m[3])) return undefined;
  const v = BigInt(m[1] === '-' ? `-${m[2] || '0'}` : m[2] || '0');
  return v >= min && v <= max ? v : undefined;
}

/** 32-bit-or-narrower integers without bigints: the common case of CAST(string AS INT). */
export function parseInt32(s: string, min: number, max: number): number | undefined {
  const m = INTEGRAL.exec(trimControl(s));
  if (!m || (m[2] === '' && !m[3])) return undefined;
  // Beyond 15 digits a double may round; such text is out of every 32-bit range anyway.
  if ((m[2] ?? '').replace(/^0+/, '').length > 15) return undefined;
  const v = Number(m[2] || '0') * (m[1] === '-' ? -1 : 1);
  return v >= min && v <= max ? v + 0 : undefined;
}

const FLOATING = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[dDfF]?$/;

/** Java's Double.parseDouble of trimmed text, plus Spark's `inf`, `infinity` and `nan` in any case. */
export function parseDouble(s: string): number | undefined {
  const t = trimControl(s);
  if (FLOATING.test(t)) return Number(t.replace(/[dDfF]$/, ''));
  switch (t.toLowerCase()) {
    case 'inf':
    case '+inf':
    case 'infinity':
    case '+infinity':
      return Infinity;
    case '-inf':
    case '-infinity':
      return -Infinity;
    case 'nan':
      return NaN;
    default:
      return undefined;
  }
}

const TRUE_TEXT = new Set(['t', 'true', 'y', 'yes', '1']);
const FALSE_TEXT = new Set(['f', 'false', 'n', 'no', '0']);

/** Spark's StringUtils.isTrueString / isFalseString, case-insensitive after trimming. */
export function parseBoolean(s: string): boolean | undefined {
  const t = trimControl(s).toLowerCase();
  if (TRUE_TEXT.has(t)) return true;
  if (FALSE_TEXT.has(t)) return false;
  return undefined;
}

const DATE_TEXT = /^([+-]?\d{1,7})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[ T].*)?$/s;

/** Spark's stringToDate: `yyyy`, `yyyy-[m]m`, `yyyy-[m]m-[d]d`, optionally followed by ` …` or `T…`. */
export function parseDate(s: string): number | undefined {
  const m = DATE_TEXT.exec(trimControl(s));
  if (!m) return undefined;
  return civilDays(Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1));
}

function civilDays(y: number, m: number, d: number): number | undefined {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return daysFromCivil(y, m, d);
}

const TIMESTAMP_TEXT =
  /^([+-]?\d{1,7})(?:-(\d{1,2})(?:-(\d{1,2})(?:[ T](\d{1,2})(?::(\d{1,2})(?::(\d{1,2})(?:\.(\d{0,9}))?)?)?)?)?)?\s*(.*)$/s;

/**
 * Spark's stringToTimestamp: `yyyy[-[m]m[-[d]d[( |T)[h]h[:[m]m[:[s]s[.fraction]]]]]][zone]`, the zone being `Z`,
 * an offset (`+08:00`, `-0530`, `UTC+8`) or a region id; without one the wall time is read in `zone` (undefined
 * for TIMESTAMP_NTZ, which keeps the wall time). Returns microseconds.
 */
export function parseTimestamp(s: string, zone: ZoneRules | undefined): number | undefined {
  const m = TIMESTAMP_TEXT.exec(trimControl(s));
  if (!m) return undefined;
  const days = civilDays(Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1));
  const h = Number(m[4] ?? 0);
  const mi = Number(m[5] ?? 0);
  const sec = Number(m[6] ?? 0);
  if (days === undefined || h > 23 || mi > 59 || sec > 59) return undefined;
  const fraction = Number((m[7] ?? '').padEnd(6, '0').slice(0, 6));
  const local = days * MICROS_PER_DAY + h * MICROS_PER_HOUR + mi * MICROS_PER_MINUTE + sec * 1_000_000 + fraction;
  const zoneText = m[8] ?? '';
  if (zoneText === '') return zone ? zone.toUtc(local) : local;
  const explicit = zoneRules(zoneText);
  if (!explicit) return undefined;
  // An explicit zone fixes the instant; a TIMESTAMP_NTZ keeps the wall time and ignores it, as Spark does.
  return zone ? explicit.toUtc(local) : local;
}
