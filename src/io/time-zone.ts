// UTC offsets of a time zone at an instant, for printing timestamps in the session zone: the executor's zone rules
// (src/exec/kernels/time-zone.ts, cached per zone and minute), in milliseconds, with an unknown zone as a user error.
import { fail } from '../common/errors.js';
import { zoneRules } from '../exec/kernels/time-zone.js';

/**
 * The offset from UTC, in milliseconds, of `zone` at the instant `epochMillis`. `zone` is an IANA name
 * (`Europe/Berlin`), `UTC`/`Z`, or a fixed offset (`+01:00`, `-0530`, `GMT+2`, `UTC-03:30`), as Spark accepts.
 * Throws SqlError `CONFIG_INVALID_VALUE` for an unknown zone.
 *
 * @example offsetAtInstant('Europe/Berlin', Date.UTC(2024, 6, 1)) // 7_200_000
 */
export function offsetAtInstant(zone: string, epochMillis: number): number {
  const rules = zoneRules(zone);
  if (!rules)
    return fail('CONFIG_INVALID_VALUE', `unknown time zone '${zone}' (spark.sql.session.timeZone)`, undefined, "use a region name such as 'Europe/Berlin', or an offset such as '+01:00'");
  return rules.offsetAt(epochMillis * 1000) / 1000;
}
