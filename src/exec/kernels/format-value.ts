// Values as text, the way Spark's non-ANSI CAST(x AS STRING) prints them: Java's number notation (io/spark-format),
// `yyyy-MM-dd HH:mm:ss[.ffffff]` timestamps in the session time zone, `[1, null]` arrays, `{a -> 1}` maps, `{1, x}` structs.
import type { DataType } from '../../types/data-type.js';
import type { IntervalValue } from '../../logical/expr.js';
import type { JsValue } from '../vector.js';
import { formatDate, formatDecimal, formatDouble, formatFloat } from '../../io/spark-format.js';
import { MICROS_PER_DAY, floorDiv } from './calendar.js';
import { formatInterval } from './interval.js';
import type { ZoneRules } from './time-zone.js';

/** `yyyy-MM-dd HH:mm:ss` plus `.f…` up to microseconds without trailing zeros, of wall-clock microseconds. */
export function formatLocalMicros(local: number): string {
  const days = floorDiv(local, MICROS_PER_DAY);
  const ofDay = local - days * MICROS_PER_DAY;
  const seconds = Math.floor(ofDay / 1_000_000);
  const micros = ofDay - seconds * 1_000_000;
  const time = `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
  const fraction = micros === 0 ? '' : `.${String(micros).padStart(6, '0').replace(/0+$/, '')}`;
  return `${formatDate(days)} ${time}${fraction}`;
}

/** A timestamp (UTC microseconds) as wall-clock text in a zone. */
export function formatTimestamp(utcMicros: number, zone: ZoneRules): string {
  return formatLocalMicros(utcMicros + zone.offsetAt(utcMicros));
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

const utf8 = new TextDecoder();

/**
 * Any non-NULL JsValue of `type` as CAST(… AS STRING) prints it; `zone` reads timestamps. Nested NULLs print as
 * `null`.
 */
export function formatValue(type: DataType, v: JsValue, zone: ZoneRules): string {
  switch (type.kind) {
    case 'null':
      return 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bigint':
      return String(v);
    case 'float':
      return formatFloat(v as number);
    case 'double':
      return formatDouble(v as number);
    case 'decimal':
      // Non-ANSI CAST uses BigDecimal.toString, which turns to scientific notation for tiny values (1E-8).
      return formatDecimal(v as bigint, type.scale);
    case 'string':
      return v as string;
    case 'binary':
      return utf8.decode(v as Uint8Array);
    case 'date':
      return formatDate(v as number);
    case 'timestamp':
      return formatTimestamp(Number(v as bigint), zone);
    case 'timestamp_ntz':
      return formatLocalMicros(Number(v as bigint));
    case 'interval':
      return formatInterval(v as IntervalValue);
    case 'array':
      return `[${(v as readonly JsValue[]).map((x) => formatNested(type.element, x, zone)).join(', ')}]`;
    case 'map':
      return `{${[...(v as Map<JsValue, JsValue>)].map(([k, x]) => `${formatNested(type.key, k, zone)} -> ${formatNested(type.value, x, zone)}`).join(', ')}}`;
    case 'struct':
      return `{${type.fields.map((f) => formatNested(f.type, (v as Record<string, JsValue>)[f.name], zone)).join(', ')}}`;
  }
}

function formatNested(type: DataType, v: JsValue, zone: ZoneRules): string {
  return v === null || v === undefined ? 'null' : formatValue(type, v, zone);
}
