// UTC offsets of a time zone at an instant, for printing timestamps in the session zone; cached, since Intl is slow.
import { fail } from '../common/errors.js';

type OffsetFunction = (epochMillis: number) => number;

const zones = new Map<string, OffsetFunction>();

// Zone rules change offsets only at whole quarter hours of UTC (every transition is at :00, :15, :30 or :45), so an
// offset found for one instant holds for its whole quarter hour.
const BUCKET_MS = 15 * 60_000;
// Keeps a long export from growing the cache without bound; a few days of quarter hours per zone is plenty.
const MAX_CACHED_BUCKETS = 100_000;

/**
 * The offset from UTC, in milliseconds, of `zone` at the instant `epochMillis`. `zone` is an IANA name
 * (`Europe/Berlin`), `UTC`/`Z`, or a fixed offset (`+01:00`, `-0530`, `GMT+2`, `UTC-03:30`), as Spark accepts.
 * Throws SqlError `CONFIG_INVALID_VALUE` for an unknown zone.
 *
 * @example offsetAtInstant('Europe/Berlin', Date.UTC(2024, 6, 1)) // 7_200_000
 */
export function offsetAtInstant(zone: string, epochMillis: number): number {
  let offsetOf = zones.get(zone);
  if (offsetOf === undefined) {
    offsetOf = offsetFunction(zone);
    zones.set(zone, offsetOf);
  }
  return offsetOf(epochMillis);
}

function offsetFunction(zone: string): OffsetFunction {
  const fixed = fixedOffset(zone);
  if (fixed !== undefined) return () => fixed;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  } catch {
    return fail('CONFIG_INVALID_VALUE', `unknown time zone '${zone}' (spark.sql.session.timeZone)`, undefined, "use a region name such as 'Europe/Berlin', or an offset such as '+01:00'");
  }
  const cache = new Map<number, number>();
  return (epochMillis) => {
    const bucket = Math.floor(epochMillis / BUCKET_MS);
    let offset = cache.get(bucket);
    if (offset === undefined) {
      if (cache.size >= MAX_CACHED_BUCKETS) cache.clear();
      offset = intlOffset(format, bucket * BUCKET_MS);
      cache.set(bucket, offset);
    }
    return offset;
  };
}

/** Wall time in the zone minus UTC, read from Intl's parts (seconds precision, which offsets never go below). */
function intlOffset(format: Intl.DateTimeFormat, epochMillis: number): number {
  const parts: Record<string, string> = {};
  for (const p of format.formatToParts(new Date(epochMillis))) parts[p.type] = p.value;
  const year = parts.era === 'BC' ? 1 - Number(parts.year) : Number(parts.year);
  const wall = new Date(Date.UTC(2000, Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second)));
  wall.setUTCFullYear(year);
  return wall.getTime() - Math.floor(epochMillis / 1000) * 1000;
}

function fixedOffset(zone: string): number | undefined {
  if (/^(Z|UTC|GMT|UT)$/i.test(zone)) return 0;
  const m = /^(?:UTC|GMT|UT)?([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?$/i.exec(zone);
  if (!m) return undefined;
  const seconds = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  return (m[1] === '-' ? -1 : 1) * seconds * 1000;
}
