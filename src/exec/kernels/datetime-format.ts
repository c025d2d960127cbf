// Spark's datetime patterns (DateTimeFormatter letters: yyyy MM dd HH mm ss SSS E a …), compiled once per pattern
// into a formatter of wall-clock times and a parser of text, as date_format, from_unixtime, to_timestamp and
// unix_timestamp use them.
import { fail } from '../../common/errors.js';
import { MICROS_PER_DAY, MICROS_PER_HOUR, MICROS_PER_MINUTE, civilFromDays, dayOfYear, daysFromCivil, daysInMonth, floorDiv, weekdayOf } from './calendar.js';
import { zoneRules } from './time-zone.js';

type Token = { readonly kind: 'literal'; readonly text: string } | { readonly kind: 'field'; readonly letter: string; readonly count: number };

const LETTERS = new Set([...'GyDMLdQqEahKkHmsSVzOXxZ']);
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function tokenize(pattern: string): readonly Token[] {
  const out: Token[] = [];
  const literal = (text: string): void => {
    const last = out[out.length - 1];
    if (last?.kind === 'literal') out[out.length - 1] = { kind: 'literal', text: last.text + text };
    else out.push({ kind: 'literal', text });
  };
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i]!;
    if (c === "'") {
      const close = pattern.indexOf("'", i + 1);
      if (close < 0) fail('EXEC_INVALID_DATETIME_PATTERN', `unterminated quote in the datetime pattern '${pattern}'`);
      literal(close === i + 1 ? "'" : pattern.slice(i + 1, close));
      i = close + 1;
    } else if (/[a-zA-Z]/.test(c)) {
      if (!LETTERS.has(c)) fail('EXEC_INVALID_DATETIME_PATTERN', `the datetime pattern '${pattern}' has the unsupported letter '${c}'`);
      let count = 1;
      while (pattern[i + count] === c) count++;
      out.push({ kind: 'field', letter: c === 'L' ? 'M' : c === 'q' ? 'Q' : c, count });
      i += count;
    } else {
      // Optional sections print their content; brackets themselves are not text.
      if (c !== '[' && c !== ']') literal(c);
      i++;
    }
  }
  return out;
}

// ───────────────────────────── formatting ─────────────────────────────

/** Formats wall-clock microseconds; `offset` (µs) and `zoneId` feed the zone letters. */
export type DatetimeFormatter = (localMicros: number, offset: number, zoneId: string) => string;

const scratch = new Int32Array(3);

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
}

function formatOffset(offsetMicros: number, style: 'X' | 'x' | 'Z' | 'O', count: number): string {
  const total = Math.round(offsetMicros / 1_000_000);
  if (total === 0 && (style === 'X' || (style === 'Z' && count === 5))) return 'Z';
  const sign = total < 0 ? '-' : '+';
  const abs = Math.abs(total);
  const hh = pad(Math.floor(abs / 3600), 2);
  const mm = pad(Math.floor(abs / 60) % 60, 2);
  if (style === 'O') return total === 0 ? 'GMT' : count === 1 && mm === '00' ? `GMT${sign}${Number(hh)}` : `GMT${sign}${hh}:${mm}`;
  if (style === 'Z') return count <= 3 ? `${sign}${hh}${mm}` : count === 4 ? `GMT${sign}${hh}:${mm}` : `${sign}${hh}:${mm}`;
  if (count === 1) return mm === '00' ? `${sign}${hh}` : `${sign}${hh}${mm}`;
  return count === 2 || count === 4 ? `${sign}${hh}${mm}` : `${sign}${hh}:${mm}`;
}

/**
 * A formatter for a Spark datetime pattern.
 *
 * @example datetimeFormatter('yyyy-MM-dd HH:mm')(0, 0, 'UTC') // '1970-01-01 00:00'
 */
export function datetimeFormatter(pattern: string): DatetimeFormatter {
  let f = formatters.get(pattern);
  if (!f) formatters.set(pattern, (f = buildFormatter(tokenize(pattern))));
  return f;
}

const formatters = new Map<string, DatetimeFormatter>();

function buildFormatter(tokens: readonly Token[]): DatetimeFormatter {
  return (local, offset, zoneId) => {
    const days = floorDiv(local, MICROS_PER_DAY);
    const ofDay = local - days * MICROS_PER_DAY;
    civilFromDays(days, scratch);
    const [year, month, day] = [scratch[0]!, scratch[1]!, scratch[2]!];
    const hour = Math.floor(ofDay / MICROS_PER_HOUR);
    let out = '';
    for (const t of tokens) {
      if (t.kind === 'literal') {
        out += t.text;
        continue;
      }
      const n = t.count;
      switch (t.letter) {
        case 'G':
          out += n === 4 ? (year > 0 ? 'Anno Domini' : 'Before Christ') : year > 0 ? 'AD' : 'BC';
          break;
        case 'y': {
          const y = year > 0 ? year : 1 - year;
          out += n === 2 ? pad(y % 100, 2) : pad(y, n);
          break;
        }
        case 'D':
          out += pad(dayOfYear(days, scratch), n);
          break;
        case 'M':
          out += n >= 4 ? MONTHS[month - 1]! : n === 3 ? MONTHS[month - 1]!.slice(0, 3) : pad(month, n);
          break;
        case 'd':
          out += pad(day, n);
          break;
        case 'Q': {
          const q = Math.floor((month - 1) / 3) + 1;
          out += n >= 4 ? `${q}${['st', 'nd', 'rd', 'th'][q - 1]} quarter` : n === 3 ? `Q${q}` : pad(q, n);
          break;
        }
        case 'E': {
          const name = WEEKDAYS[weekdayOf(days)]!;
          out += n >= 4 ? name : name.slice(0, 3);
          break;
        }
        case 'a':
          out += hour < 12 ? 'AM' : 'PM';
          break;
        case 'h':
          out += pad(hour % 12 === 0 ? 12 : hour % 12, n);
          break;
        case 'K':
          out += pad(hour % 12, n);
          break;
        case 'k':
          out += pad(hour === 0 ? 24 : hour, n);
          break;
        case 'H':
          out += pad(hour, n);
          break;
        case 'm':
          out += pad(Math.floor(ofDay / MICROS_PER_MINUTE) % 60, n);
          break;
        case 's':
          out += pad(Math.floor(ofDay / 1_000_000) % 60, n);
          break;
        case 'S':
          out += String(ofDay % 1_000_000).padStart(6, '0').padEnd(9, '0').slice(0, n);
          break;
        case 'V':
        case 'z':
          out += zoneId;
          break;
        default:
          out += formatOffset(offset, t.letter as 'X' | 'x' | 'Z' | 'O', n);
      }
    }
    return out;
  };
}

// ───────────────────────────── parsing ─────────────────────────────

export interface ParsedDatetime {
  /** The wall-clock time read, in microseconds. */
  readonly local: number;
  /** The offset (µs) when the text named a zone or an offset. */
  readonly offset?: number;
  /** A zone id the text named (resolve `local` in it). */
  readonly zone?: string;
}

export type DatetimeParser = (text: string) => ParsedDatetime | undefined;

/**
 * A parser for a Spark datetime pattern (case-insensitive, the whole text must match). Missing fields take
 * 1970-01-01 00:00:00; text that does not match gives undefined (NULL).
 */
export function datetimeParser(pattern: string): DatetimeParser {
  let p = parsers.get(pattern);
  if (!p) parsers.set(pattern, (p = buildParser(tokenize(pattern))));
  return p;
}

const parsers = new Map<string, DatetimeParser>();

function buildParser(tokens: readonly Token[]): DatetimeParser {
  return (text) => {
    let at = 0;
    let year = 1970;
    let month = 1;
    let day = 1;
    let hour = 0;
    let hour12: number | undefined;
    let pm: boolean | undefined;
    let minute = 0;
    let second = 0;
    let fraction = 0;
    let offset: number | undefined;
    let zone: string | undefined;
    let dayOfYearValue: number | undefined;
    const digits = (min: number, max: number): number | undefined => {
      let end = at;
      while (end < text.length && end - at < max && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
      if (end - at < min) return undefined;
      const v = Number(text.slice(at, end));
      at = end;
      return v;
    };
    const word = (names: readonly string[], length?: number): number | undefined => {
      const rest = text.slice(at).toLowerCase();
      for (let i = 0; i < names.length; i++) {
        const name = (length ? names[i]!.slice(0, length) : names[i]!).toLowerCase();
        if (rest.startsWith(name)) {
          at += name.length;
          return i;
        }
      }
      return undefined;
    };
    for (const t of tokens) {
      if (t.kind === 'literal') {
        if (text.slice(at, at + t.text.length).toLowerCase() !== t.text.toLowerCase()) return undefined;
        at += t.text.length;
        continue;
      }
      const n = t.count;
      // One letter reads one or two digits (a year any number); more letters read exactly that many.
      const number = (oneLetterMax = 2): number | undefined => (n === 1 ? digits(1, oneLetterMax) : digits(n, n));
      let v: number | undefined;
      switch (t.letter) {
        case 'y':
          v = n === 2 ? digits(2, 2) : digits(n === 1 ? 1 : n, 9);
          if (v !== undefined) year = n === 2 ? 2000 + v : v;
          break;
        case 'M':
          v = n >= 3 ? word(MONTHS, n === 3 ? 3 : undefined) : number();
          if (v !== undefined) month = n >= 3 ? v + 1 : v;
          break;
        case 'd':
          v = day = number() ?? -1;
          break;
        case 'D':
          v = dayOfYearValue = (n === 1 ? digits(1, 3) : digits(n, 3)) ?? -1;
          break;
        case 'H':
        case 'k':
          v = hour = number() ?? -1;
          if (t.letter === 'k' && hour === 24) hour = 0;
          break;
        case 'h':
        case 'K':
          v = hour12 = number() ?? -1;
          if (t.letter === 'h' && hour12 === 12) hour12 = 0;
          break;
        case 'a':
          v = word(['AM', 'PM']);
          pm = v === 1;
          break;
        case 'm':
          v = minute = number() ?? -1;
          break;
        case 's':
          v = second = number() ?? -1;
          break;
        case 'S': {
          const start = at;
          v = digits(1, n);
          if (v !== undefined) fraction = Number(text.slice(start, at).padEnd(6, '0').slice(0, 6));
          break;
        }
        case 'E':
          v = word(WEEKDAYS, n >= 4 ? undefined : 3);
          break;
        case 'G':
          v = word(['AD', 'BC']);
          break;
        case 'Q':
          v = number();
          break;
        default: {
          const m = /^(Z|GMT|UTC|[+-]\d{2}(?::?\d{2})?|[A-Za-z_]+\/[A-Za-z_/+-]+)/i.exec(text.slice(at));
          const rules = m ? zoneRules(m[1]!) : undefined;
          if (!m || !rules) return undefined;
          at += m[1]!.length;
          if (t.letter === 'V' || t.letter === 'z') zone = m[1];
          else offset = rules.offsetAt(0);
          v = 0;
        }
      }
      if (v === undefined || v < 0) return undefined;
    }
    if (at !== text.length) return undefined;
    if (hour12 !== undefined) hour = hour12 + (pm ? 12 : 0);
    let days: number;
    if (dayOfYearValue !== undefined) days = daysFromCivil(year, 1, 1) + dayOfYearValue - 1;
    else {
      if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
      days = daysFromCivil(year, month, day);
    }
    if (hour > 23 || minute > 59 || second > 59) return undefined;
    const local = days * MICROS_PER_DAY + hour * MICROS_PER_HOUR + minute * MICROS_PER_MINUTE + second * 1_000_000 + fraction;
    return { local, ...(offset !== undefined ? { offset } : {}), ...(zone !== undefined ? { zone } : {}) };
  };
}
