// The value lists of the events data set and how often each value occurs (relative weights).

/** Event types, from the everyday to the rare. */
export const EVENT_TYPES: readonly (readonly [type: string, weight: number])[] = [
  ['page_view', 40],
  ['click', 22],
  ['search', 12],
  ['add_to_cart', 8],
  ['login', 6],
  ['logout', 4],
  ['purchase', 3],
  ['share', 2],
  ['comment', 2],
  ['signup', 1],
];

/** The event type that carries a value (the purchase amount); other events have a null value. */
export const VALUED_EVENT_TYPE = 'purchase';

export const DEVICES: readonly (readonly [device: string, weight: number])[] = [
  ['web', 40],
  ['android', 32],
  ['ios', 25],
  ['other', 3],
];

export const PLANS: readonly (readonly [plan: string, weight: number])[] = [
  ['free', 70],
  ['pro', 22],
  ['team', 7],
  ['enterprise', 1],
];

/** Countries: ISO 3166 code, name, region, and the weight of users living there. */
export const COUNTRIES: readonly (readonly [code: string, name: string, region: string, weight: number])[] = [
  ['US', 'United States', 'Americas', 28],
  ['IN', 'India', 'Asia', 12],
  ['BR', 'Brazil', 'Americas', 8],
  ['DE', 'Germany', 'Europe', 7],
  ['GB', 'United Kingdom', 'Europe', 7],
  ['FR', 'France', 'Europe', 5],
  ['JP', 'Japan', 'Asia', 5],
  ['CA', 'Canada', 'Americas', 4],
  ['MX', 'Mexico', 'Americas', 3],
  ['ES', 'Spain', 'Europe', 3],
  ['IT', 'Italy', 'Europe', 3],
  ['NL', 'Netherlands', 'Europe', 2],
  ['AU', 'Australia', 'Oceania', 2],
  ['KR', 'South Korea', 'Asia', 2],
  ['ID', 'Indonesia', 'Asia', 2],
  ['PL', 'Poland', 'Europe', 1.5],
  ['SE', 'Sweden', 'Europe', 1.5],
  ['NG', 'Nigeria', 'Africa', 1.5],
  ['ZA', 'South Africa', 'Africa', 1],
  ['AR', 'Argentina', 'Americas', 1],
  ['EG', 'Egypt', 'Africa', 0.5],
  ['NZ', 'New Zealand', 'Oceania', 0.5],
];

/** Hourly activity (UTC), relative: a trough in the early morning and a peak in the evening. */
export const HOURLY_ACTIVITY: readonly number[] = [
  4, 3, 2, 2, 2, 3, 4, 6, 8, 9, 10, 10, 11, 11, 11, 11, 12, 13, 14, 15, 15, 13, 9, 6,
];
