// Arithmetic with intervals and datetimes (Spark's legacy CalendarInterval semantics): date/timestamp ± interval
// (months first, clamping the day, then days, then microseconds), interval ± interval, interval × ÷ double,
// timestamp − timestamp and date − date.
import type { IntervalValue } from '../../logical/expr.js';
import type { DataType } from '../../types/data-type.js';
import type { JsValue, Vector } from '../vector.js';
import { valueAt } from '../vector.js';
import { MICROS_PER_DAY, addMonthsToDays, civilFromDays, daysInMonth, floorDiv } from './calendar.js';
import { absInterval, addIntervals, interval, negateInterval, scaleInterval } from './interval.js';
import type { ZoneRules } from './time-zone.js';
import { zoneRules } from './time-zone.js';
import { NullMask, f64Vector, i32Of, i32Vector, nullsOf, objOf, objVector, timestampsOf } from './vector-helpers.js';

const UTC = zoneRules('UTC')!;

/**
 * `left op right` where an operand is an interval or both are datetimes, as the analyzer typed it (see
 * types/coercion.ts datetimeArithmetic). `zone` is the session time zone.
 */
export function datetimeArithmetic(op: '+' | '-' | '*' | '/', left: Vector, right: Vector, resultType: DataType, zone: ZoneRules): Vector {
  const lk = left.type.kind;
  const rk = right.type.kind;
  const sign = op === '-' ? -1 : 1;
  if (op === '*' || op === '/') {
    const [iv, factor] = lk === 'interval' ? [left, right] : [right, left];
    return mapIntervals(iv, factor, resultType, (a, f) => scaleInterval(a, f as number, op === '/'));
  }
  if (lk === 'interval' && rk === 'interval') return mapIntervals(left, right, resultType, (a, b) => addIntervals(a, b as IntervalValue, sign));
  if (rk === 'interval' || lk === 'interval') {
    const [base, iv] = rk === 'interval' ? [left, right] : [right, left];
    const baseZone = base.type.kind === 'timestamp' ? zone : UTC;
    return base.type.kind === 'date' ? addToDates(base, iv, sign, zone) : addToTimestamps(base, iv, sign, baseZone);
  }
  if (lk === 'date') return subtractDates(left, right, resultType);
  return subtractTimestamps(left, right, resultType);
}

// Interval rows: a constant interval is one shared object in every row (constantVector fills one value).
function intervalsOf(v: Vector): readonly IntervalValue[] {
  return objOf(v) as readonly IntervalValue[];
}

function mapIntervals(
  iv: Vector,
  other: Vector,
  resultType: DataType,
  f: (a: IntervalValue, other: JsValue) => IntervalValue | undefined,
): Vector {
  const n = iv.length;
  const nulls = new NullMask(n, nullsOf(n, iv, other));
  const a = intervalsOf(iv);
  const out = new Array<IntervalValue | undefined>(n);
  for (let i = 0; i < n; i++) {
    if (nulls.isInputNull(i)) continue;
    const r = f(a[i]!, valueAt(other, i));
    if (r === undefined) nulls.set(i);
    out[i] = r;
  }
  return objVector(resultType, out, nulls.result);
}

const scratch = new Int32Array(3);

/** Spark's timestampAddInterval: months and days move the wall-clock time in `zone`, microseconds the instant. */
function addIntervalToMicros(t: number, months: number, days: number, micros: number, zone: ZoneRules): number {
  if (months === 0 && days === 0) return t + micros;
  const offset = zone.offsetAt(t);
  const local = t + offset;
  const localDays = floorDiv(local, MICROS_PER_DAY);
  const timeOfDay = local - localDays * MICROS_PER_DAY;
  const shifted = addMonthsToDays(localDays, months, scratch) + days;
  return zone.toUtc(shifted * MICROS_PER_DAY + timeOfDay, offset) + micros;
}

function addToTimestamps(base: Vector, iv: Vector, sign: 1 | -1, zone: ZoneRules): Vector {
  const n = base.length;
  const t = timestampsOf(base);
  const a = intervalsOf(iv);
  const nulls = nullsOf(n, base, iv);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (nulls?.[i] === 1) continue;
    const x = a[i]!;
    out[i] = addIntervalToMicros(t[i]!, sign * x.months, sign * x.days, sign * Number(x.micros), zone);
  }
  return f64Vector(base.type, out, nulls);
}

/**
 * Spark's DateAddInterval: months then days on the date; an interval with a time part goes through the timestamp at
 * the date's midnight in the session zone (non-ANSI), and back to that timestamp's date.
 */
function addToDates(base: Vector, iv: Vector, sign: 1 | -1, zone: ZoneRules): Vector {
  const n = base.length;
  const d = i32Of(base);
  const a = intervalsOf(iv);
  const nulls = nullsOf(n, base, iv);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (nulls?.[i] === 1) continue;
    const x = a[i]!;
    const micros = Number(x.micros);
    if (micros === 0) {
      const moved = x.months === 0 ? d[i]! : addMonthsToDays(d[i]!, sign * x.months, scratch);
      out[i] = moved + sign * x.days;
    } else {
      const t = addIntervalToMicros(zone.toUtc(d[i]! * MICROS_PER_DAY), sign * x.months, sign * x.days, sign * micros, zone);
      out[i] = floorDiv(t + zone.offsetAt(t), MICROS_PER_DAY);
    }
  }
  return i32Vector(base.type, out, nulls);
}

const end = new Int32Array(3);

/** `end - start` of dates as Java's Period.between: whole months, then the remaining days. */
function subtractDates(left: Vector, right: Vector, resultType: DataType): Vector {
  const n = left.length;
  const e = i32Of(left);
  const s = i32Of(right);
  const nulls = nullsOf(n, left, right);
  const out = new Array<IntervalValue | undefined>(n);
  for (let i = 0; i < n; i++) {
    if (nulls?.[i] === 1) continue;
    civilFromDays(s[i]!, scratch);
    civilFromDays(e[i]!, end);
    let months = end[0]! * 12 + end[1]! - (scratch[0]! * 12 + scratch[1]!);
    let days = end[2]! - scratch[2]!;
    if (months > 0 && days < 0) {
      months--;
      days = e[i]! - addMonthsToDays(s[i]!, months, scratch);
    } else if (months < 0 && days > 0) {
      months++;
      days -= daysInMonth(end[0]!, end[1]!);
    }
    out[i] = interval(months, days, 0n);
  }
  return objVector(resultType, out, nulls);
}

/** Spark's legacy SubtractTimestamps: the difference as microseconds only. */
function subtractTimestamps(left: Vector, right: Vector, resultType: DataType): Vector {
  const n = left.length;
  const nulls = nullsOf(n, left, right);
  const out = new Array<IntervalValue | undefined>(n);
  for (let i = 0; i < n; i++) {
    if (nulls?.[i] === 1) continue;
    out[i] = interval(0, 0, (valueAt(left, i) as bigint) - (valueAt(right, i) as bigint));
  }
  return objVector(resultType, out, nulls);
}

/** -interval, field by field. */
export function negateIntervals(v: Vector): Vector {
  return mapEachInterval(v, negateInterval);
}

/** abs of each field of an interval (the catalogue's abs accepts intervals). */
export function absIntervals(v: Vector): Vector {
  return mapEachInterval(v, absInterval);
}

function mapEachInterval(v: Vector, f: (a: IntervalValue) => IntervalValue): Vector {
  const a = intervalsOf(v);
  const out = new Array<IntervalValue | undefined>(v.length);
  for (let i = 0; i < out.length; i++) if (v.nulls?.[i] !== 1) out[i] = f(a[i]!);
  return objVector(v.type, out, v.nulls);
}
