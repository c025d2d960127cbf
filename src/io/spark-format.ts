// Scalar values as Spark writes them as text: Java's number formatting, BigDecimal.toString, ISO dates, zoned timestamps.
import { offsetAtInstant } from './time-zone.js';

/**
 * A double as Java's `Double.toString` writes it (Spark's cast to string, show(), CSV): the shortest digits that
 * read back as the same value, plain between 10^-3 and 10^7 (`100.0`, `0.001`), else `1.0E7`, `1.5E-4`.
 *
 * @example formatDouble(1e7) // '1.0E7'; formatDouble(0.5) // '0.5'; formatDouble(-0) // '-0.0'
 */
export function formatDouble(x: number): string {
  return javaFloatingText(x, x.toExponential());
}

/**
 * A 32-bit float as Java's `Float.toString` writes it: the shortest digits that read back as the same float
 * (so `0.1f` is `0.1`, not the double's `0.10000000149011612`).
 */
export function formatFloat(x: number): string {
  if (!Number.isFinite(x) || x === 0) return formatDouble(x);
  for (let digits = 1; digits < 9; digits++) {
    const text = x.toExponential(digits - 1);
    if (Math.fround(Number(text)) === x) return javaFloatingText(x, text);
  }
  return javaFloatingText(x, x.toExponential(8));
}

/** Java's layout of a finite number whose shortest digits are given as JS exponential text (`1.2345e+2`). */
function javaFloatingText(x: number, exponential: string): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa = '', exponentText = '0'] = exponential.split('e');
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace(/[-.]/g, '');
  const exponent = Number(exponentText);
  const sign = negative ? '-' : '';
  const abs = Math.abs(x);
  if (abs >= 1e-3 && abs < 1e7) {
    if (exponent >= 0) {
      const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
      const fraction = digits.slice(exponent + 1);
      return `${sign}${whole}.${fraction || '0'}`;
    }
    return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  }
  return `${sign}${digits[0]}.${digits.slice(1) || '0'}E${exponent}`;
}

/**
 * A decimal as Spark prints it (Java's `BigDecimal.toString`): plain digits with `scale` fraction digits
 * (`1.50`), or scientific notation when the value is tiny for its scale (`1E-8` for 0.00000001 at scale 8).
 *
 * @example formatDecimal(150n, 2) // '1.50'; formatDecimal(-5, 3) // '-0.005'
 */
export function formatDecimal(unscaled: number | bigint, scale: number): string {
  const negative = unscaled < 0;
  const digits = (negative ? -unscaled : unscaled).toString();
  const sign = negative ? '-' : '';
  const adjusted = digits.length - 1 - scale;
  if (scale <= 0) return sign + digits + '0'.repeat(-scale);
  if (adjusted >= -6) {
    const padded = digits.padStart(scale + 1, '0');
    return `${sign}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
  }
  return `${sign}${digits[0]}${digits.length > 1 ? '.' + digits.slice(1) : ''}E${adjusted}`;
}

/** `yyyy-MM-dd` of a day number (days since 1970-01-01, proleptic Gregorian). */
export function formatDate(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${formatYear(year)}-${pad2(month)}-${pad2(day)}`;
}

/** How a timestamp is laid out: Spark's cast to string (show) or its CSV/JSON writer's ISO form with an offset. */
export type TimestampLayout = 'show' | 'iso';

/**
 * A timestamp (microseconds since the epoch) as Spark writes it. An instant (`timeZone` given) is shown as the wall
 * time in that zone; a timestamp without zone (`timeZone` undefined) as its own wall time.
 * - `show`: `yyyy-MM-dd HH:mm:ss[.f…]`, the fraction without trailing zeros (Spark's cast to string);
 * - `iso`: `yyyy-MM-dd'T'HH:mm:ss.SSS` then the offset (`Z`, `+01:00`) for instants (Spark's CSV and JSON default),
 *   with six fraction digits instead of three when the value has sub-millisecond digits, which Spark would drop.
 *
 * @example formatTimestamp(0n, 'Europe/Berlin', 'show') // '1970-01-01 01:00:00'
 * @example formatTimestamp(1_500n, 'UTC', 'iso')       // '1970-01-01T00:00:00.001500Z'
 */
export function formatTimestamp(micros: number | bigint, timeZone: string | undefined, layout: TimestampLayout): string {
  const us = typeof micros === 'bigint' ? micros : BigInt(micros);
  const millis = Number(floorDiv(us, 1000n));
  const offsetMs = timeZone === undefined ? 0 : offsetAtInstant(timeZone, millis);
  const wallMillis = millis + offsetMs;
  const days = Math.floor(wallMillis / 86_400_000);
  const msOfDay = wallMillis - days * 86_400_000;
  const fractionMicros = Number(us - floorDiv(us, 1_000_000n) * 1_000_000n);
  const hh = Math.floor(msOfDay / 3_600_000);
  const mm = Math.floor((msOfDay % 3_600_000) / 60_000);
  const ss = Math.floor((msOfDay % 60_000) / 1000);
  const clock = `${pad2(hh)}:${pad2(mm)}:${pad2(ss)}`;
  const fraction6 = String(fractionMicros).padStart(6, '0');
  if (layout === 'show') {
    const trimmed = fraction6.replace(/0+$/, '');
    return `${formatDate(days)} ${clock}${trimmed ? '.' + trimmed : ''}`;
  }
  const fraction = fraction6.endsWith('000') ? fraction6.slice(0, 3) : fraction6;
  return `${formatDate(days)}T${clock}.${fraction}${timeZone === undefined ? '' : formatOffset(offsetMs)}`;
}

/** Binary as Spark's show() prints it: `[01 AB FF]`. */
export function formatBinaryHex(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i++) text += (i ? ' ' : '') + bytes[i]!.toString(16).toUpperCase().padStart(2, '0');
  return `[${text}]`;
}

/** Java's `XXX` offset pattern: `Z` for zero, else `+hh:mm` (with `:ss` when the offset has seconds). */
function formatOffset(offsetMs: number): string {
  if (offsetMs === 0) return 'Z';
  const sign = offsetMs < 0 ? '-' : '+';
  const total = Math.abs(offsetMs) / 1000;
  const seconds = total % 60;
  const text = `${sign}${pad2(Math.floor(total / 3600))}:${pad2(Math.floor((total % 3600) / 60))}`;
  return seconds ? `${text}:${pad2(seconds)}` : text;
}

// Java's formatter prints years beyond 9999 with a sign and years before 1 as negative (proleptic) numbers.
function formatYear(year: number): string {
  if (year > 9999) return `+${year}`;
  if (year < 0) return `-${String(-year).padStart(4, '0')}`;
  return String(year).padStart(4, '0');
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && (a < 0n) !== (b < 0n) ? q - 1n : q;
}

// Howard Hinnant's civil_from_days: exact for every day of the proleptic Gregorian calendar.
function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}
