// Calendar dates as Arrow Date32 values: whole days since 1970-01-01 (UTC), the unit Parquet's DATE stores.

const MS_PER_DAY = 86_400_000;

/** Days since the epoch of an ISO date `yyyy-mm-dd`. */
export function dayNumber(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) throw new RangeError(`not a yyyy-mm-dd date: ${iso}`);
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const day = ms / MS_PER_DAY;
  if (isoDate(day) !== iso) throw new RangeError(`no such date: ${iso}`);
  return day;
}

/** The ISO date `yyyy-mm-dd` of a day number. */
export function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Microseconds since the epoch at the start (00:00 UTC) of a day number. */
export function dayStartMicros(day: number): number {
  return day * MS_PER_DAY * 1000;
}
