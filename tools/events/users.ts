// The users dimension table, and the per-user facts the events refer to (home country, how active a user is).
import { DateDay, Field, Int64, Schema, type RecordBatch } from 'apache-arrow';
import {
  dateData,
  dictionaryData,
  dictionaryValues,
  int64Data,
  recordBatch,
  stringDictionaryType,
} from '../tpch/columns.js';
import { stream, uniform01, uniformInt } from '../tpch/random.js';
import { chunks } from '../tpch/table.js';
import { COUNTRIES, PLANS } from './distributions.js';
import { weightedSampler } from './weighted.js';

const COUNTRY_TYPE = stringDictionaryType();
const PLAN_TYPE = stringDictionaryType();

export const USERS_SCHEMA = new Schema([
  new Field('user_id', new Int64(), false),
  new Field('signup_date', new DateDay(), false),
  new Field('country', COUNTRY_TYPE, false),
  new Field('plan', PLAN_TYPE, false),
]);

const COUNTRY = stream('users.country');
const PLAN = stream('users.plan');
const SIGNUP = stream('users.signup_date');
const ACTIVITY_RANK = stream('users.activity_rank');

/** Users signed up within this many days before the first event day. */
const SIGNUP_WINDOW_DAYS = 730;

export const COUNTRY_SAMPLER = weightedSampler(COUNTRIES.map(([, , , weight]) => weight));
export const COUNTRY_VALUES = dictionaryValues(COUNTRIES.map(([code]) => code));
const PLAN_SAMPLER = weightedSampler(PLANS.map(([, weight]) => weight));
const PLAN_VALUES = dictionaryValues(PLANS.map(([plan]) => plan));

/** The home country (index into COUNTRIES) of user `userId` (1-based). */
export function homeCountry(userId: number): number {
  return COUNTRY_SAMPLER.pick(uniform01(COUNTRY, userId));
}

/**
 * The user id at each activity rank (index 0 = the most active user): a seeded shuffle of 1..users, so
 * the heavy users are scattered over the id range rather than being users 1, 2, 3.
 */
export function activityRanking(users: number): Int32Array {
  const ids = Int32Array.from({ length: users }, (_, i) => i + 1);
  for (let i = users - 1; i > 0; i--) {
    const j = uniformInt(ACTIVITY_RANK, i, 0, i);
    const t = ids[i]!;
    ids[i] = ids[j]!;
    ids[j] = t;
  }
  return ids;
}

/** The users table: ids 1..users, in batches of `batchRows`. `startDay` is the first event day. */
export function* userBatches(users: number, startDay: number, batchRows: number): Generator<RecordBatch> {
  for (const [start, n] of chunks(users, batchRows)) {
    const ids = new Float64Array(n);
    const signups = new Int32Array(n);
    const countries = new Int32Array(n);
    const plans = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const id = start + i + 1;
      ids[i] = id;
      signups[i] = startDay - uniformInt(SIGNUP, id, 1, SIGNUP_WINDOW_DAYS);
      countries[i] = homeCountry(id);
      plans[i] = PLAN_SAMPLER.pick(uniform01(PLAN, id));
    }
    yield recordBatch(USERS_SCHEMA, [
      int64Data(ids),
      dateData(signups),
      dictionaryData(COUNTRY_TYPE, countries, COUNTRY_VALUES),
      dictionaryData(PLAN_TYPE, plans, PLAN_VALUES),
    ]);
  }
}
