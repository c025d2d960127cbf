// CAST between every pair of types Spark's Cast.canCast allows, non-ANSI: a value that does not fit or parse becomes
// NULL, integers narrow by wrapping as Java's casts do, decimals round HALF_UP, strings and datetimes convert in the
// session time zone. A dictionary-encoded string column is cast once per dictionary entry.
import type { DataType } from '../../types/data-type.js';
import { sameTypeIgnoringNullability } from '../../types/cast-rules.js';
import type { JsValue, Vector } from '../vector.js';
import { MAX_EXACT, valueAt, vectorFromValues } from '../vector.js';
import { MICROS_PER_DAY, floorDiv } from './calendar.js';
import { POW10_F64, decimalToDouble, doubleToDecimal, fitsPrecision, parseDecimal, pow10, rescale } from './decimal.js';
import { formatDate, formatDecimal, formatDouble, formatFloat } from '../../io/spark-format.js';
import { formatLocalMicros, formatTimestamp, formatValue } from './format-value.js';
import { parseInterval } from './interval.js';
import { parseBoolean, parseDate, parseDouble, parseInt32, parseIntegral, parseTimestamp, trimControl } from './parse-value.js';
import type { ZoneRules } from './time-zone.js';
import {
  NullMask,
  bigintsOf,
  boolOf,
  boolVector,
  f64Of,
  i32Of,
  f64Vector,
  i32Vector,
  int64FromBigints,
  nullVector,
  objOf,
  objVector,
  onDictionary,
  stringsOf,
  strVector,
  timestampsOf,
} from './vector-helpers.js';

type DecimalType = Extract<DataType, { kind: 'decimal' }>;

/**
 * `CAST(v AS to)`; `zone` is the session time zone (timestamps ↔ strings, dates and TIMESTAMP_NTZ).
 *
 * @example castVector(strings, T.int, zoneRules('UTC')!) // ' 12 ' → 12, 'x' → NULL
 */
export function castVector(v: Vector, to: DataType, zone: ZoneRules): Vector {
  const from = v.type;
  if (sameTypeIgnoringNullability(from, to)) return from === to ? v : { ...v, type: to };
  if (from.kind === 'null') return nullVector(to, v.length);
  if (from.kind === 'string') {
    const dict = onDictionary(v, (entries) => castVector(entries, to, zone));
    if (dict) return dict;
  }
  switch (to.kind) {
    case 'string':
      return castToString(v, zone);
    case 'boolean':
      return castToBoolean(v);
    case 'tinyint':
    case 'smallint':
    case 'int':
      return castToInt32(v, to);
    case 'bigint':
      return castToBigint(v, to);
    case 'float':
    case 'double':
      return castToFloating(v, to);
    case 'decimal':
      return castToDecimal(v, to);
    case 'date':
      return castToDate(v, to, zone);
    case 'timestamp':
    case 'timestamp_ntz':
      return castToTimestamp(v, to, zone);
    case 'binary':
      return castToBinary(v, to);
    case 'interval':
      return mapValues(v, to, (s) => parseInterval(s as string));
    case 'array':
    case 'map':
    case 'struct':
      return castNested(v, to, zone);
    case 'null':
      return nullVector(to, v.length);
  }
}

// A row-at-a-time cast through JsValues, for the rare pairs: `f` returns undefined for NULL.
function mapValues(v: Vector, to: DataType, f: (value: JsValue) => JsValue | undefined): Vector {
  const out = new Array<JsValue>(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = valueAt(v, i);
    out[i] = x === null ? null : (f(x) ?? null);
  }
  return vectorFromValues(to, out);
}

// ───────────────────────────── to string ─────────────────────────────

function castToString(v: Vector, zone: ZoneRules): Vector {
  const n = v.length;
  const out = new Array<string>(n);
  const d = v.data;
  const type = v.type;
  const nulls = v.nulls;
  const each = (f: (i: number) => string): Vector => {
    for (let i = 0; i < n; i++) out[i] = nulls?.[i] === 1 ? '' : f(i);
    return strVector({ kind: 'string' }, out, nulls);
  };
  if (d.layout === 'i32' && type.kind === 'date') return each((i) => formatDate(d.values[i]!));
  if (d.layout === 'i32') return each((i) => String(d.values[i]!));
  if (d.layout === 'bool') return each((i) => (d.values[i] === 1 ? 'true' : 'false'));
  if (d.layout === 'f64') {
    const a = d.values;
    switch (type.kind) {
      case 'double':
        return each((i) => formatDouble(a[i]!));
      case 'float':
        return each((i) => formatFloat(a[i]!));
      case 'decimal':
        return each((i) => formatDecimal(a[i]!, type.scale));
      case 'timestamp':
        return each((i) => formatTimestamp(a[i]!, zone));
      case 'timestamp_ntz':
        return each((i) => formatLocalMicros(a[i]!));
      default:
        return each((i) => String(a[i]!));
    }
  }
  return mapValues(v, { kind: 'string' }, (x) => formatValue(type, x, zone));
}

// ───────────────────────────── to boolean ─────────────────────────────

function castToBoolean(v: Vector): Vector {
  const n = v.length;
  const out = new Uint8Array(n);
  const d = v.data;
  const type = v.type;
  const nulls = new NullMask(n, v.nulls);
  if (type.kind === 'string') {
    const s = stringsOf(v);
    for (let i = 0; i < n; i++) {
      if (nulls.isInputNull(i)) continue;
      const b = parseBoolean(s[i]!);
      if (b === undefined) nulls.set(i);
      else out[i] = b ? 1 : 0;
    }
  } else if (type.kind === 'date') {
    // Spark's Cast gives NULL for every date → boolean.
    return boolVector({ kind: 'boolean' }, out, new Uint8Array(n).fill(1));
  } else if (d.layout === 'i32' || d.layout === 'f64') {
    // NaN is true, as Java's `d != 0`.
    for (let i = 0; i < n; i++) out[i] = d.values[i] !== 0 ? 1 : 0;
  } else if (d.layout === 'big') {
    for (let i = 0; i < n; i++) out[i] = d.values[i] !== 0n ? 1 : 0;
  } else throw new TypeError(`cannot cast ${type.kind} to boolean`);
  return boolVector({ kind: 'boolean' }, out, nulls.result);
}

// ───────────────────────────── to integers ─────────────────────────────

const INT_RANGE = {
  tinyint: [-128, 127, 24],
  smallint: [-32768, 32767, 16],
  int: [-2147483648, 2147483647, 0],
} as const;

// Java's (int) of a double: NaN is 0, the rest truncates and saturates.
function doubleToInt(x: number): number {
  if (x !== x) return 0;
  if (x >= 2147483647) return 2147483647;
  if (x <= -2147483648) return -2147483648;
  return Math.trunc(x) | 0;
}

function castToInt32(v: Vector, to: DataType & { kind: 'tinyint' | 'smallint' | 'int' }): Vector {
  const [min, max, shift] = INT_RANGE[to.kind];
  const n = v.length;
  const out = new Int32Array(n);
  const d = v.data;
  const from = v.type;
  const nulls = new NullMask(n, v.nulls);
  switch (from.kind) {
    case 'string': {
      const s = stringsOf(v);
      for (let i = 0; i < n; i++) {
        if (nulls.isInputNull(i)) continue;
        const x = parseInt32(s[i]!, min, max);
        if (x === undefined) nulls.set(i);
        else out[i] = x;
      }
      return i32Vector(to, out, nulls.result);
    }
    case 'date':
      return i32Vector(to, out, new Uint8Array(n).fill(1));
    case 'float':
    case 'double': {
      const a = f64Of(v);
      // Scala's Double.toByte is (byte)(int)d: saturate to int, then wrap.
      for (let i = 0; i < n; i++) out[i] = (doubleToInt(a[i]!) << shift) >> shift;
      return i32Vector(to, out, nulls.result);
    }
    case 'decimal':
    case 'timestamp': {
      const divisor = from.kind === 'decimal' ? pow10(from.scale) : 1_000_000n;
      if (d.layout === 'f64' && divisor <= BigInt(MAX_EXACT)) {
        const p = Number(divisor);
        const a = d.values;
        for (let i = 0; i < n; i++) {
          const x = a[i]!;
          // Decimals truncate toward zero; timestamps floor to whole seconds. Both then wrap like Java's (int) of a long.
          const whole = from.kind === 'decimal' ? (x - (x % p)) / p : Math.floor(x / p);
          // ToInt32 of an exact integer is Java's wrap of a long to an int.
          out[i] = ((whole | 0) << shift) >> shift;
        }
        return i32Vector(to, out, nulls.result);
      }
      const big = bigintsOf(v);
      for (let i = 0; i < n; i++) {
        const x = big[i]!;
        let whole = x / divisor;
        if (from.kind === 'timestamp' && x < 0n && whole * divisor !== x) whole -= 1n;
        out[i] = (Number(BigInt.asIntN(32, whole)) << shift) >> shift;
      }
      return i32Vector(to, out, nulls.result);
    }
    default:
      break;
  }
  if (d.layout === 'i32' || d.layout === 'bool') {
    for (let i = 0; i < n; i++) out[i] = (d.values[i]! << shift) >> shift;
  } else if (d.layout === 'f64') {
    // A bigint below 2^53 wraps to 32 bits exactly through ToInt32.
    for (let i = 0; i < n; i++) out[i] = (d.values[i]! | 0) << shift >> shift;
  } else if (d.layout === 'big') {
    for (let i = 0; i < n; i++) out[i] = (Number(BigInt.asIntN(32, d.values[i]!)) << shift) >> shift;
  } else throw new TypeError(`cannot cast ${from.kind} to ${to.kind}`);
  return i32Vector(to, out, nulls.result);
}

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

// Java's (long) of a double: NaN is 0, the rest truncates and saturates.
function doubleToLong(x: number): bigint {
  if (x !== x) return 0n;
  if (x >= 9223372036854775807) return LONG_MAX;
  if (x <= -9223372036854775808) return LONG_MIN;
  return BigInt(Math.trunc(x));
}

function castToBigint(v: Vector, to: DataType): Vector {
  const n = v.length;
  const from = v.type;
  const d = v.data;
  const nulls = new NullMask(n, v.nulls);
  switch (from.kind) {
    case 'string': {
      const s = stringsOf(v);
      const out = new Array<bigint>(n);
      for (let i = 0; i < n; i++) {
        out[i] = 0n;
        if (nulls.isInputNull(i)) continue;
        const x = parseIntegral(s[i]!, LONG_MIN, LONG_MAX);
        if (x === undefined) nulls.set(i);
        else out[i] = x;
      }
      return int64FromBigints(to, out, nulls.result);
    }
    case 'date':
      return f64Vector(to, new Float64Array(n), new Uint8Array(n).fill(1));
    case 'float':
    case 'double': {
      const a = f64Of(v);
      const out = new Float64Array(n);
      let exact = true;
      for (let i = 0; i < n; i++) {
        const x = Math.trunc(a[i]!) + 0;
        if (!(x < MAX_EXACT && x > -MAX_EXACT)) {
          exact = false;
          break;
        }
        out[i] = x;
      }
      if (exact) return f64Vector(to, out, nulls.result);
      return int64FromBigints(to, Array.from(a, doubleToLong), nulls.result);
    }
    case 'decimal':
    case 'timestamp': {
      const divisor = from.kind === 'decimal' ? pow10(from.scale) : 1_000_000n;
      const big = bigintsOf(v);
      const out = new Array<bigint>(n);
      for (let i = 0; i < n; i++) {
        const x = big[i]!;
        let whole = x / divisor;
        if (from.kind === 'timestamp' && x < 0n && whole * divisor !== x) whole -= 1n;
        out[i] = BigInt.asIntN(64, whole);
      }
      return int64FromBigints(to, out, nulls.result);
    }
    default:
      break;
  }
  if (d.layout === 'i32' || d.layout === 'bool') return f64Vector(to, Float64Array.from(d.values), nulls.result);
  throw new TypeError(`cannot cast ${from.kind} to bigint`);
}

// ───────────────────────────── to float and double ─────────────────────────────

function castToFloating(v: Vector, to: DataType): Vector {
  const n = v.length;
  const from = v.type;
  const d = v.data;
  const out = new Float64Array(n);
  const nulls = new NullMask(n, v.nulls);
  switch (from.kind) {
    case 'string': {
      const s = stringsOf(v);
      for (let i = 0; i < n; i++) {
        if (nulls.isInputNull(i)) continue;
        const x = parseDouble(s[i]!);
        if (x === undefined) nulls.set(i);
        else out[i] = x;
      }
      break;
    }
    case 'date':
      return f64Vector(to, out, new Uint8Array(n).fill(1));
    case 'decimal':
      if (d.layout === 'f64') for (let i = 0; i < n; i++) out[i] = decimalToDouble(d.values[i]!, from.scale);
      else if (d.layout === 'big') for (let i = 0; i < n; i++) out[i] = decimalToDouble(d.values[i]!, from.scale);
      break;
    case 'timestamp':
      if (d.layout === 'f64') for (let i = 0; i < n; i++) out[i] = d.values[i]! / 1_000_000;
      else if (d.layout === 'big') for (let i = 0; i < n; i++) out[i] = decimalToDouble(d.values[i]!, 6);
      break;
    default:
      if (d.layout === 'i32' || d.layout === 'f64' || d.layout === 'bool') out.set(d.values);
      else if (d.layout === 'big') for (let i = 0; i < n; i++) out[i] = Number(d.values[i]!);
      else throw new TypeError(`cannot cast ${from.kind} to ${to.kind}`);
  }
  if (to.kind === 'float') for (let i = 0; i < n; i++) out[i] = Math.fround(out[i]!);
  return f64Vector(to, out, nulls.result);
}

// ───────────────────────────── to decimal ─────────────────────────────

function castToDecimal(v: Vector, to: DecimalType): Vector {
  const n = v.length;
  const from = v.type;
  const d = v.data;
  if (from.kind === 'date') return f64Vector(to, new Float64Array(n), new Uint8Array(n).fill(1));
  const fast = decimalOnDoubles(v, to);
  if (fast) return fast;
  let unscaled: (i: number) => bigint | undefined;
  switch (from.kind) {
    case 'string': {
      const s = stringsOf(v);
      unscaled = (i) => parseDecimal(trimControl(s[i]!), to.scale);
      break;
    }
    case 'decimal': {
      const big = bigintsOf(v);
      unscaled = (i) => rescale(big[i]!, from.scale, to.scale);
      break;
    }
    case 'float':
    case 'double':
    case 'timestamp': {
      const a = d.layout === 'big' ? d.values : f64Of(v);
      // Spark goes through the double's shortest text, and through seconds as a double for timestamps.
      const scale = from.kind === 'timestamp' ? 1_000_000 : 1;
      unscaled = (i) => doubleToDecimal(Number(a[i]!) / scale, to.scale);
      break;
    }
    default: {
      const big = d.layout === 'bool' ? Array.from(d.values, BigInt) : bigintsOf(v);
      unscaled = (i) => big[i]! * pow10(to.scale);
    }
  }
  const out = new Array<bigint>(n);
  const nulls = new NullMask(n, v.nulls);
  for (let i = 0; i < n; i++) {
    out[i] = 0n;
    if (nulls.isInputNull(i)) continue;
    const x = unscaled(i);
    if (x === undefined || !fitsPrecision(x, to.precision)) nulls.set(i);
    else out[i] = x;
  }
  return int64FromBigints(to, out, nulls.result);
}

// Integers and decimals whose rescaled values stay below 2^53: exact double arithmetic, no bigints.
function decimalOnDoubles(v: Vector, to: DecimalType): Vector | undefined {
  const d = v.data;
  const from = v.type;
  if (d.layout !== 'i32' && !(d.layout === 'f64' && (from.kind === 'decimal' || from.kind === 'bigint'))) return undefined;
  const fromScale = from.kind === 'decimal' ? from.scale : 0;
  const k = to.scale - fromScale;
  if (Math.abs(k) > 22) return undefined;
  const unit = POW10_F64[Math.abs(k)]!;
  const limit = to.precision <= 15 ? POW10_F64[to.precision]! : MAX_EXACT;
  const a = d.values;
  const n = a.length;
  const out = new Float64Array(n);
  const nulls = new NullMask(n, v.nulls);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    let r: number;
    if (k >= 0) {
      r = x * unit;
      if (r >= MAX_EXACT || r <= -MAX_EXACT) return undefined;
    } else {
      const rem = x % unit;
      r = (x - rem) / unit;
      if (2 * Math.abs(rem) >= unit) r += x < 0 ? -1 : 1;
    }
    if (r >= limit || r <= -limit) nulls.set(i);
    else out[i] = r + 0;
  }
  return f64Vector(to, out, nulls.result);
}

// ───────────────────────────── to date and timestamps ─────────────────────────────

function castToDate(v: Vector, to: DataType, zone: ZoneRules): Vector {
  const n = v.length;
  const out = new Int32Array(n);
  const from = v.type;
  const nulls = new NullMask(n, v.nulls);
  if (from.kind === 'string') {
    const s = stringsOf(v);
    for (let i = 0; i < n; i++) {
      if (nulls.isInputNull(i)) continue;
      const days = parseDate(s[i]!);
      if (days === undefined) nulls.set(i);
      else out[i] = days;
    }
    return i32Vector(to, out, nulls.result);
  }
  const micros = timestampsOf(v);
  for (let i = 0; i < n; i++) {
    const t = micros[i]!;
    out[i] = floorDiv(from.kind === 'timestamp' ? t + zone.offsetAt(t) : t, MICROS_PER_DAY);
  }
  return i32Vector(to, out, nulls.result);
}

function castToTimestamp(v: Vector, to: DataType, zone: ZoneRules): Vector {
  const n = v.length;
  const from = v.type;
  const d = v.data;
  const withZone = to.kind === 'timestamp';
  const nulls = new NullMask(n, v.nulls);
  const out = new Float64Array(n);
  switch (from.kind) {
    case 'string': {
      const s = stringsOf(v);
      for (let i = 0; i < n; i++) {
        if (nulls.isInputNull(i)) continue;
        const t = parseTimestamp(s[i]!, withZone ? zone : undefined);
        if (t === undefined) nulls.set(i);
        else out[i] = t;
      }
      return f64Vector(to, out, nulls.result);
    }
    case 'date': {
      const a = i32Of(v);
      for (let i = 0; i < n; i++) out[i] = withZone ? zone.toUtc(a[i]! * MICROS_PER_DAY) : a[i]! * MICROS_PER_DAY;
      return f64Vector(to, out, nulls.result);
    }
    case 'timestamp':
    case 'timestamp_ntz': {
      const a = timestampsOf(v);
      // timestamp → ntz keeps the wall time in the session zone; ntz → timestamp reads it there.
      for (let i = 0; i < n; i++) out[i] = withZone ? zone.toUtc(a[i]!) : a[i]! + zone.offsetAt(a[i]!);
      return f64Vector(to, out, nulls.result);
    }
    case 'boolean': {
      // Spark's Cast makes true one microsecond.
      const a = boolOf(v);
      for (let i = 0; i < n; i++) out[i] = a[i]!;
      return f64Vector(to, out, nulls.result);
    }
    case 'float':
    case 'double': {
      const a = f64Of(v);
      const big = new Array<bigint>(n);
      for (let i = 0; i < n; i++) {
        big[i] = 0n;
        if (nulls.isInputNull(i)) continue;
        if (Number.isFinite(a[i]!)) big[i] = doubleToLong(a[i]! * 1_000_000);
        else nulls.set(i);
      }
      return int64FromBigints(to, big, nulls.result);
    }
    case 'decimal': {
      const scale = from.scale;
      const big = bigintsOf(v).map((x) => BigInt.asIntN(64, rescale(x, scale, 6, 'down')));
      return int64FromBigints(to, big, nulls.result);
    }
    default: {
      // Whole seconds: TimeUnit.SECONDS.toMicros saturates at the long range.
      const big = d.layout === 'i32' ? Array.from(d.values, BigInt) : bigintsOf(v);
      const clamp = (x: bigint): bigint => (x > LONG_MAX ? LONG_MAX : x < LONG_MIN ? LONG_MIN : x);
      return int64FromBigints(to, big.map((x) => clamp(x * 1_000_000n)), nulls.result);
    }
  }
}

// ───────────────────────────── to binary ─────────────────────────────

const utf8 = new TextEncoder();

function castToBinary(v: Vector, to: DataType): Vector {
  const from = v.type;
  if (from.kind === 'string') {
    const s = stringsOf(v);
    const out = new Array<Uint8Array>(v.length);
    for (let i = 0; i < out.length; i++) out[i] = utf8.encode(s[i]!);
    return objVector(to, out, v.nulls);
  }
  // Integers become their big-endian two's complement bytes, as wide as the type.
  const width = from.kind === 'tinyint' ? 1 : from.kind === 'smallint' ? 2 : from.kind === 'int' ? 4 : 8;
  const big = v.data.layout === 'i32' ? Array.from(v.data.values, BigInt) : bigintsOf(v);
  const out = big.map((x) => {
    const bytes = new Uint8Array(width);
    let rest = BigInt.asUintN(width * 8, x);
    for (let b = width - 1; b >= 0; b--) {
      bytes[b] = Number(rest & 0xffn);
      rest >>= 8n;
    }
    return bytes;
  });
  return objVector(to, out, v.nulls);
}

// ───────────────────────────── arrays, maps, structs ─────────────────────────────

// The elements of all rows are cast as one vector by the kernels above, then regrouped.
function castNested(v: Vector, to: DataType, zone: ZoneRules): Vector {
  const from = v.type;
  const rows = objOf(v);
  const isNull = (i: number): boolean => v.nulls?.[i] === 1 || rows[i] === null || rows[i] === undefined;
  const castFlat = (fromType: DataType, toType: DataType, values: JsValue[]): JsValue[] => {
    const cast = castVector(vectorFromValues(fromType, values), toType, zone);
    return Array.from({ length: cast.length }, (_, i) => valueAt(cast, i));
  };
  const out = new Array<JsValue>(v.length);
  if (from.kind === 'array' && to.kind === 'array') {
    const flat: JsValue[] = [];
    for (let i = 0; i < rows.length; i++) if (!isNull(i)) flat.push(...(rows[i] as JsValue[]));
    const cast = castFlat(from.element, to.element, flat);
    let at = 0;
    for (let i = 0; i < rows.length; i++) {
      if (isNull(i)) continue;
      const len = (rows[i] as JsValue[]).length;
      out[i] = cast.slice(at, at + len);
      at += len;
    }
  } else if (from.kind === 'map' && to.kind === 'map') {
    const entries: [JsValue, JsValue][] = [];
    for (let i = 0; i < rows.length; i++) if (!isNull(i)) entries.push(...(rows[i] as Map<JsValue, JsValue>));
    const keys = castFlat(from.key, to.key, entries.map((e) => e[0]));
    const values = castFlat(from.value, to.value, entries.map((e) => e[1]));
    let at = 0;
    for (let i = 0; i < rows.length; i++) {
      if (isNull(i)) continue;
      const m = new Map<JsValue, JsValue>();
      for (let k = 0; k < (rows[i] as Map<JsValue, JsValue>).size; k++, at++) m.set(keys[at], values[at]);
      out[i] = m;
    }
  } else if (from.kind === 'struct' && to.kind === 'struct') {
    // Fields match by position; the target's names are taken.
    const live = rows.filter((_, i) => !isNull(i)) as Record<string, JsValue>[];
    const columns = to.fields.map((f, k) => castFlat(from.fields[k]!.type, f.type, live.map((r) => r[from.fields[k]!.name] ?? null)));
    let at = 0;
    for (let i = 0; i < rows.length; i++) {
      if (isNull(i)) continue;
      out[i] = Object.fromEntries(to.fields.map((f, k) => [f.name, columns[k]![at]]));
      at++;
    }
  } else throw new TypeError(`cannot cast ${from.kind} to ${to.kind}`);
  return vectorFromValues(to, out.map((x) => x ?? null));
}
