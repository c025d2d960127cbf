// Offsets of time zones, the bridge between timestamps (UTC microseconds) and wall-clock time: fixed offsets
// directly, region ids (Europe/Berlin) through Intl, cached per UTC minute so per-row lookups stay cheap.
import { MICROS_PER_HOUR, MICROS_PER_MINUTE, MICROS_PER_SECOND } from './calendar.js';

export interface ZoneRules {
  /** The zone's offset from UTC (wall clock − UTC) at an instant, in microseconds. */
  offsetAt(utcMicros: number): number;
  /**
   * The instant of a wall-clock time, as Java's ZonedDateTime resolves it: a time skipped by a DST gap moves
   * forward by the gap; a time that occurs twice takes `preferredOffset` when that is one of its offsets (Java's
   * plusMonths keeps the offset it had), else the earlier instant.
   */
  toUtc(localMicros: number, preferredOffset?: number): number;
}

const FIXED_OFFSET = /^(?:UTC|GMT|UT)?([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?$/i;

const cache = new Map<string, ZoneRules | null>();

/** The rules of a zone id (`UTC`, `Z`, `+08:00`, `GMT-5`, `America/New_York`), or undefined for an unknown id. */
export function zoneRules(zone: string): ZoneRules | undefined {
  let rules = cache.get(zone);
  if (rules === undefined) {
    rules = buildRules(zone.trim()) ?? null;
    cache.set(zone, rules);
  }
  return rules ?? undefined;
}

function buildRules(zone: string): ZoneRules | undefined {
  if (/^(Z|UTC|GMT|UT)$/i.test(zone)) return fixedRules(0);
  const m = FIXED_OFFSET.exec(zone);
  if (m) {
    const hours = Number(m[2]);
    const minutes = Number(m[3] ?? 0);
    const seconds = Number(m[4] ?? 0);
    if (hours > 18 || minutes > 59 || seconds > 59) return undefined;
    const sign = m[1] === '-' ? -1 : 1;
    return fixedRules(sign * (hours * MICROS_PER_HOUR + minutes * MICROS_PER_MINUTE + seconds * MICROS_PER_SECOND));
  }
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return undefined;
  }
  return regionRules(format);
}

function fixedRules(offset: number): ZoneRules {
  return { offsetAt: () => offset, toUtc: (local) => local - offset };
}

// Date's range is ±8.64e15 ms; instants beyond it take the offset at its edge.
const DATE_LIMIT_MS = 8.64e15;
const CACHE_LIMIT = 1 << 16;

function regionRules(format: Intl.DateTimeFormat): ZoneRules {
  const offsets = new Map<number, number>();
  const offsetAt = (utcMicros: number): number => {
    const minute = Math.floor(utcMicros / MICROS_PER_MINUTE);
    let offset = offsets.get(minute);
    if (offset === undefined) {
      if (offsets.size >= CACHE_LIMIT) offsets.clear();
      offset = intlOffset(format, Math.max(-DATE_LIMIT_MS, Math.min(DATE_LIMIT_MS, minute * 60_000)));
      offsets.set(minute, offset);
    }
    return offset;
  };
  const toUtc = (local: number, preferredOffset?: number): number => {
    if (preferredOffset !== undefined && offsetAt(local - preferredOffset) === preferredOffset) return local - preferredOffset;
    // Luxon's fixed-point step finds an offset valid at its instant, or brackets a gap …
    const o1 = offsetAt(local);
    let t = local - o1;
    const o2 = offsetAt(t);
    let offset = o1;
    if (o2 !== o1) {
      t = local - o2;
      const o3 = offsetAt(t);
      offset = o2;
      if (o3 !== o2) {
        // … a gap: Java moves the time forward by the gap, i.e. reads it with the offset from before it.
        return local - Math.min(o2, o3);
      }
    }
    // … and in an overlap Java keeps the earlier instant, the one read with the offset from before the change.
    const before = offsetAt(t - 6 * MICROS_PER_HOUR);
    if (before > offset && offsetAt(local - before) === before) return local - before;
    return t;
  };
  return { offsetAt, toUtc };
}

function intlOffset(format: Intl.DateTimeFormat, utcMillis: number): number {
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const p of format.formatToParts(new Date(utcMillis))) {
    switch (p.type) {
      case 'year':
        year = Number(p.value);
        break;
      case 'month':
        month = Number(p.value);
        break;
      case 'day':
        day = Number(p.value);
        break;
      case 'hour':
        hour = Number(p.value);
        break;
      case 'minute':
        minute = Number(p.value);
        break;
      case 'second':
        second = Number(p.value);
        break;
      case 'era':
        bc = p.value.startsWith('B');
        break;
    }
  }
  const wall = new Date(0);
  wall.setUTCFullYear(bc ? 1 - year : year, month - 1, day);
  wall.setUTCHours(hour, minute, second, 0);
  const instantSeconds = Math.floor(utcMillis / 1000) * 1000;
  return (wall.getTime() - instantSeconds) * 1000;
}
