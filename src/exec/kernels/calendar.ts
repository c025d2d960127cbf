// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), as Spark 3 uses: plain integer
// formulas (Howard Hinnant's civil-date algorithms), so hot loops allocate nothing.

export const MICROS_PER_SECOND = 1_000_000;
export const MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
export const MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
export const MICROS_PER_DAY = 24 * MICROS_PER_HOUR;

/** Java's Math.floorDiv and floorMod for doubles holding integers. */
export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

export function floorMod(a: number, b: number): number {
  const m = a % b;
  return m !== 0 && m < 0 !== b < 0 ? m + b : m + 0;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1]!;
}

/** The day number of year-month-day (month 1..12; the day is not range-checked). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Writes the year, month (1..12) and day of month of a day number into `out[0..2]`: a caller-owned scratch array,
 * so that loops over millions of dates allocate nothing.
 */
export function civilFromDays(days: number, out: Int32Array): void {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  out[0] = yoe + era * 400 + (m <= 2 ? 1 : 0);
  out[1] = m;
  out[2] = doy - Math.floor((153 * mp + 2) / 5) + 1;
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(days: number): number {
  return floorMod(days + 3, 7);
}

/** The day number `months` months later, the day of month clamped to the new month's length (Java's plusMonths). */
export function addMonthsToDays(days: number, months: number, scratch: Int32Array): number {
  civilFromDays(days, scratch);
  const total = scratch[0]! * 12 + (scratch[1]! - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return daysFromCivil(y, m, Math.min(scratch[2]!, daysInMonth(y, m)));
}

/** The ISO-8601 week (1..53) of a day, and the week-based year it belongs to, written to `out[0..1]`. */
export function isoWeekOf(days: number, out: Int32Array): void {
  // The week belongs to the year of its Thursday.
  const thursday = days - weekdayOf(days) + 3;
  civilFromDays(thursday, out);
  const year = out[0]!;
  out[0] = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
  out[1] = year;
}

/** The day of the year, 1..366. */
export function dayOfYear(days: number, scratch: Int32Array): number {
  civilFromDays(days, scratch);
  return days - daysFromCivil(scratch[0]!, 1, 1) + 1;
}
