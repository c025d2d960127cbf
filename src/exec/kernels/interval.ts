// Spark's CalendarInterval values (months, days, microseconds): parsing '1 day 2 hours', printing, and the
// interval-only arithmetic (sum, difference, negation, scaling by a double).
import type { IntervalValue } from '../../logical/expr.js';

const UNIT_MICROS: Readonly<Record<string, bigint>> = {
  hour: 3_600_000_000n,
  minute: 60_000_000n,
  second: 1_000_000n,
  millisecond: 1_000n,
  microsecond: 1n,
};

export function interval(months: number, days: number, micros: bigint): IntervalValue {
  // `+ 0` turns the -0 of negations and truncations into 0, which is all an int field can hold.
  return { months: months + 0, days: days + 0, micros: micros.toString() };
}

/**
 * An interval from text such as `1 day 2 hours`, `interval -3 months 1.5 seconds` (Spark's stringToInterval),
 * or undefined when the text is not one. Only seconds may have a fraction (digits beyond microseconds are cut).
 */
export function parseInterval(text: string): IntervalValue | undefined {
  const tokens = text.trim().toLowerCase().split(/\s+/);
  if (tokens[0] === 'interval') tokens.shift();
  if (tokens.length === 0 || tokens.length % 2 !== 0 || tokens[0] === '') return undefined;
  let months = 0;
  let days = 0;
  let micros = 0n;
  for (let i = 0; i < tokens.length; i += 2) {
    const m = /^([+-]?)(\d*)(?:\.(\d{0,9}))?$/.exec(tokens[i]!);
    const unit = tokens[i + 1]!.replace(/s$/, '');
    if (!m || (m[2] === '' && !m[3])) return undefined;
    const sign = m[1] === '-' ? -1 : 1;
    const whole = BigInt(m[2] || '0');
    if (m[3] !== undefined && unit !== 'second') return undefined;
    if (unit === 'year' || unit === 'month') months += sign * Number(whole) * (unit === 'year' ? 12 : 1);
    else if (unit === 'day' || unit === 'week') days += sign * Number(whole) * (unit === 'week' ? 7 : 1);
    else {
      const per = UNIT_MICROS[unit];
      if (per === undefined) return undefined;
      const fractionMicros = BigInt((m[3] ?? '').padEnd(6, '0').slice(0, 6));
      micros += BigInt(sign) * (whole * per + fractionMicros);
    }
  }
  return interval(months, days, micros);
}

/** Spark's CalendarInterval.toString: `1 years 2 months 3 days 4 hours 5 minutes 6.007 seconds`, or `0 seconds`. */
export function formatInterval(v: IntervalValue): string {
  const micros = BigInt(v.micros);
  if (v.months === 0 && v.days === 0 && micros === 0n) return '0 seconds';
  const parts: string[] = [];
  const unit = (value: number | bigint, name: string): void => {
    if (value !== 0 && value !== 0n) parts.push(`${value} ${name}`);
  };
  // Java's integer division and remainder truncate toward zero, as JS's do.
  unit(Math.trunc(v.months / 12), 'years');
  unit(v.months % 12, 'months');
  unit(v.days, 'days');
  unit(micros / 3_600_000_000n, 'hours');
  unit((micros % 3_600_000_000n) / 60_000_000n, 'minutes');
  const rest = micros % 60_000_000n;
  if (rest !== 0n) {
    const negative = rest < 0n;
    const digits = (negative ? -rest : rest).toString().padStart(7, '0');
    const seconds = `${digits.slice(0, -6)}.${digits.slice(-6)}`.replace(/\.?0+$/, '');
    parts.push(`${negative ? '-' : ''}${seconds} seconds`);
  }
  return parts.join(' ');
}

export function addIntervals(a: IntervalValue, b: IntervalValue, sign: 1 | -1): IntervalValue {
  return interval(a.months + sign * b.months, a.days + sign * b.days, BigInt(a.micros) + BigInt(sign) * BigInt(b.micros));
}

export function negateInterval(a: IntervalValue): IntervalValue {
  return interval(-a.months, -a.days, -BigInt(a.micros));
}

/** abs of each field. */
export function absInterval(a: IntervalValue): IntervalValue {
  const micros = BigInt(a.micros);
  return interval(Math.abs(a.months), Math.abs(a.days), micros < 0n ? -micros : micros);
}

/**
 * An interval times (or divided by) a double, as Spark's IntervalUtils.multiply and divide (non-ANSI, legacy
 * CalendarInterval arithmetic): each field scaled and truncated, the fraction of the days carried into
 * microseconds; undefined (NULL) for a zero divisor or a field that is not finite.
 */
export function scaleInterval(a: IntervalValue, operand: number, divide: boolean): IntervalValue | undefined {
  if (divide && operand === 0) return undefined;
  const scale = (x: number): number => (divide ? x / operand : x * operand);
  const monthsWithFraction = scale(a.months);
  const daysWithFraction = scale(a.days);
  const microsWithFraction = scale(Number(a.micros));
  if (![monthsWithFraction, daysWithFraction, microsWithFraction].every(Number.isFinite)) return undefined;
  const days = Math.trunc(daysWithFraction);
  const micros = Math.round(microsWithFraction + 86_400_000_000 * (daysWithFraction - days));
  return interval(Math.trunc(monthsWithFraction), days, BigInt(micros));
}
