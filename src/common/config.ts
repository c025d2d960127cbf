// Session settings: Spark's names where Spark has the setting, `sqlopt.*` for our own. Values are strings, as SET gives them.
import { availableParallelism } from 'node:os';
import { fail } from './errors.js';

export interface ConfigEntry {
  readonly key: string;
  readonly defaultValue: string;
  readonly doc: string;
  /** Checks a value given by SET; returns an error message or undefined. */
  readonly check?: (value: string) => string | undefined;
}

const positiveInt = (v: string) => (/^\d+$/.test(v) && Number(v) > 0 ? undefined : 'expected a positive integer');
const bytes = (v: string) => (parseBytes(v) === undefined ? 'expected a size such as 10485760, 10m or 64MB (-1 disables)' : undefined);
const bool = (v: string) => (/^(true|false)$/i.test(v) ? undefined : 'expected true or false');

export const CONFIG_ENTRIES: readonly ConfigEntry[] = [
  { key: 'spark.sql.session.timeZone', defaultValue: 'UTC', doc: 'Time zone for TIMESTAMP literals and display.' },
  { key: 'spark.sql.shuffle.partitions', defaultValue: '200', doc: 'Partitions of a shuffle when nothing else decides.', check: positiveInt },
  {
    key: 'spark.sql.autoBroadcastJoinThreshold',
    defaultValue: '10485760',
    doc: 'Largest estimated size in bytes of a join side to broadcast; -1 disables broadcast joins.',
    check: bytes,
  },
  { key: 'spark.sql.adaptive.enabled', defaultValue: 'true', doc: 'Re-plan between query stages from measured statistics.', check: bool },
  {
    key: 'spark.sql.adaptive.advisoryPartitionSizeInBytes',
    defaultValue: '67108864',
    doc: 'Target size of shuffle partitions when adaptive execution coalesces them.',
    check: bytes,
  },
  { key: 'sqlopt.optimizer.disabled', defaultValue: '', doc: 'Comma-separated optimizer rule names to switch off.' },
  {
    key: 'sqlopt.exec.threads',
    defaultValue: String(Math.min(availableParallelism(), 8)),
    doc: 'Worker threads that scan pipelines of tables with several row groups run on (1: all on the calling thread).',
    check: positiveInt,
  },
];

const ENTRIES = new Map(CONFIG_ENTRIES.map((e) => [e.key.toLowerCase(), e]));

/** `10485760`, `10m`, `64MB`, `1g`, `-1` → bytes (−1 stays −1); undefined when malformed. */
export function parseBytes(v: string): number | undefined {
  const m = /^\s*(-1|\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*$/i.exec(v);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g' | 't'];
  return n === -1 ? -1 : Math.round(n * unit);
}

/** A session's settings: known keys are checked; unknown keys are kept as given (as Spark does). */
export class Config {
  private readonly values = new Map<string, { key: string; value: string }>();

  constructor(initial: Readonly<Record<string, string>> = {}) {
    for (const [k, v] of Object.entries(initial)) this.set(k, v);
  }

  get(key: string): string {
    const set = this.values.get(key.toLowerCase());
    if (set) return set.value;
    const entry = ENTRIES.get(key.toLowerCase());
    if (!entry) fail('CONFIG_UNKNOWN_KEY', `no setting \`${key}\``);
    return entry!.defaultValue;
  }

  set(key: string, value: string): void {
    const v = unquote(value.trim());
    const problem = ENTRIES.get(key.toLowerCase())?.check?.(v);
    if (problem) fail('CONFIG_INVALID_VALUE', `invalid value '${v}' for ${key}: ${problem}`);
    this.values.set(key.toLowerCase(), { key, value: v });
  }

  reset(key?: string): void {
    if (key === undefined) this.values.clear();
    else this.values.delete(key.toLowerCase());
  }

  /** Every known setting with its current value, then the unknown ones that were set; sorted by key. */
  entries(): { key: string; value: string; doc: string }[] {
    const known = CONFIG_ENTRIES.map((e) => ({ key: e.key, value: this.get(e.key), doc: e.doc }));
    const extra = [...this.values.values()].filter((v) => !ENTRIES.has(v.key.toLowerCase())).map((v) => ({ ...v, doc: '' }));
    return [...known, ...extra].sort((a, b) => a.key.localeCompare(b.key));
  }

  has(key: string): boolean {
    return this.values.has(key.toLowerCase()) || ENTRIES.has(key.toLowerCase());
  }
}

function unquote(v: string): string {
  return /^(['"`]).*\1$/s.test(v) ? v.slice(1, -1) : v;
}
