// One day of user events: time-ordered rows, users drawn by Zipf's law, a skewed mix of event types.
import { Field, Float64, Int64, Schema, TimestampMicrosecond, type RecordBatch } from 'apache-arrow';
import {
  dictionaryData,
  dictionaryValues,
  float64Data,
  int64Data,
  recordBatch,
  stringDictionaryType,
  timestampData,
} from '../tpch/columns.js';
import { dayStartMicros } from '../tpch/dates.js';
import { stream, uniform01 } from '../tpch/random.js';
import { DEVICES, EVENT_TYPES, HOURLY_ACTIVITY, VALUED_EVENT_TYPE } from './distributions.js';
import { COUNTRY_SAMPLER, COUNTRY_VALUES, homeCountry } from './users.js';
import { weightedSampler, type Sampler } from './weighted.js';

const TYPE_TYPE = stringDictionaryType();
const COUNTRY_TYPE = stringDictionaryType();
const DEVICE_TYPE = stringDictionaryType();
const TIMESTAMP_TYPE = new TimestampMicrosecond('UTC');

/** The columns of an events file; event_date is not among them: it lives in the partition directory name. */
export const EVENTS_SCHEMA = new Schema([
  new Field('event_id', new Int64(), false),
  new Field('user_id', new Int64(), false),
  new Field('event_type', TYPE_TYPE, false),
  new Field('ts', TIMESTAMP_TYPE, false),
  new Field('value', new Float64(), true),
  new Field('country', COUNTRY_TYPE, false),
  new Field('device', DEVICE_TYPE, false),
]);

const HOUR = stream('events.hour');
const WITHIN_HOUR = stream('events.within_hour');
const USER = stream('events.user');
const TYPE = stream('events.event_type');
const AMOUNT_1 = stream('events.value.1');
const AMOUNT_2 = stream('events.value.2');
const ABROAD = stream('events.abroad');
const COUNTRY = stream('events.country');
const DEVICE = stream('events.device');

const MICROS_PER_HOUR = 3_600_000_000;
/** The share of events sent from outside the user's home country. */
const ABROAD_SHARE = 0.03;
/** Purchase amounts are log-normal: median e^3.4 ≈ 30, a long tail of large baskets. */
const AMOUNT_LOG_MEAN = 3.4;
const AMOUNT_LOG_SD = 0.9;

const HOUR_SAMPLER = weightedSampler(HOURLY_ACTIVITY);
const TYPE_SAMPLER = weightedSampler(EVENT_TYPES.map(([, weight]) => weight));
const TYPE_VALUES = dictionaryValues(EVENT_TYPES.map(([type]) => type));
const VALUED_TYPE = EVENT_TYPES.findIndex(([type]) => type === VALUED_EVENT_TYPE);
const DEVICE_SAMPLER = weightedSampler(DEVICES.map(([, weight]) => weight));
const DEVICE_VALUES = dictionaryValues(DEVICES.map(([device]) => device));

export interface DayOfEvents {
  /** 0 for the first day generated: with `rowsPerDay` it numbers the events, so ids are unique across days. */
  readonly dayIndex: number;
  /** The calendar day, days since 1970-01-01. */
  readonly day: number;
  readonly rowsPerDay: number;
  /** Zipf sampler over activity ranks, and the user id at each rank. */
  readonly userRanks: Sampler;
  readonly userAtRank: Int32Array;
}

/** The day's events sorted by time, as batches of at most `batchRows` rows. */
export function* dayBatches(d: DayOfEvents, batchRows: number): Generator<RecordBatch> {
  const first = d.dayIndex * d.rowsPerDay; // the counter of the day's first event
  const times = eventTimes(d.day, first, d.rowsPerDay);
  for (let start = 0; start < d.rowsPerDay; start += batchRows) {
    const n = Math.min(batchRows, d.rowsPerDay - start);
    const ids = new Float64Array(n);
    const users = new Float64Array(n);
    const types = new Int32Array(n);
    const values = new Float64Array(n);
    const valid = new Uint8Array(Math.ceil(n / 8));
    const countries = new Int32Array(n);
    const devices = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const c = first + start + i;
      ids[i] = c + 1;
      const user = d.userAtRank[d.userRanks.pick(uniform01(USER, c))]!;
      users[i] = user;
      const type = TYPE_SAMPLER.pick(uniform01(TYPE, c));
      types[i] = type;
      if (type === VALUED_TYPE) {
        values[i] = purchaseAmount(c);
        valid[i >> 3]! |= 1 << (i & 7);
      }
      countries[i] = uniform01(ABROAD, c) < ABROAD_SHARE ? COUNTRY_SAMPLER.pick(uniform01(COUNTRY, c)) : homeCountry(user);
      devices[i] = DEVICE_SAMPLER.pick(uniform01(DEVICE, c));
    }
    yield recordBatch(EVENTS_SCHEMA, [
      int64Data(ids),
      int64Data(users),
      dictionaryData(TYPE_TYPE, types, TYPE_VALUES),
      timestampData(TIMESTAMP_TYPE, times.subarray(start, start + n)),
      float64Data(values, valid),
      dictionaryData(COUNTRY_TYPE, countries, COUNTRY_VALUES),
      dictionaryData(DEVICE_TYPE, devices, DEVICE_VALUES),
    ]);
  }
}

/**
 * Event times within the day, in microseconds, sorted: an hour by the daily activity curve, then a
 * uniform instant in it. Sorting makes event ids follow time and gives row groups narrow ts ranges.
 */
function eventTimes(day: number, first: number, n: number): Float64Array {
  const dayStart = dayStartMicros(day);
  const times = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = first + i;
    const hour = HOUR_SAMPLER.pick(uniform01(HOUR, c));
    times[i] = dayStart + hour * MICROS_PER_HOUR + Math.floor(uniform01(WITHIN_HOUR, c) * MICROS_PER_HOUR);
  }
  return times.sort();
}

/** A log-normal amount in cents precision (Box-Muller from two uniform draws). */
function purchaseAmount(c: number): number {
  const u1 = 1 - uniform01(AMOUNT_1, c); // in (0, 1], so the log is finite
  const u2 = uniform01(AMOUNT_2, c);
  const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return Math.round(Math.exp(AMOUNT_LOG_MEAN + AMOUNT_LOG_SD * z) * 100) / 100;
}
