// Generates the events data set: Hive-partitioned daily events plus the users and countries dimensions.
import { join } from 'node:path';
import { replaceDirectoryAtomic } from '../../src/io/atomic-write.js';
import { DEFAULT_ROW_GROUP_SIZE, writeParquetParts, type ParquetWriteResult } from '../../src/io/parquet-writer.js';
import { dayNumber, isoDate } from '../tpch/dates.js';
import { COUNTRIES_SCHEMA, countriesBatch } from './countries.js';
import { dayBatches } from './events.js';
import { USERS_SCHEMA, activityRanking, userBatches } from './users.js';
import { zipfSampler } from './weighted.js';

export interface EventsOptions {
  readonly out: string;
  readonly days: number;
  readonly rowsPerDay: number;
  /** The first event day, yyyy-mm-dd (default 2024-01-01). */
  readonly start?: string;
  /** Number of users (default: one per 100 events, at least 100). */
  readonly users?: number;
  /** Zipf exponent of user activity (default 1: the most active user has about 1/ln(users) of all events). */
  readonly skew?: number;
  readonly rowGroupSize?: number;
  /** Rows per generated batch (memory, not file layout). */
  readonly batchRows?: number;
  readonly onTable?: (report: EventsTableReport) => void;
}

export interface EventsTableReport {
  readonly table: 'events' | 'users' | 'countries';
  readonly rows: number;
  readonly files: number;
  readonly bytes: number;
  readonly seconds: number;
}

export const DEFAULT_START = '2024-01-01';

/** The Hive partition directory of a day's events (event_date is only in this name, not in the files). */
export function partitionDirectory(day: number): string {
  return `event_date=${isoDate(day)}`;
}

/**
 * Writes `<out>/events/event_date=<day>/part-00000.parquet` for each day, `<out>/users/` and
 * `<out>/countries/`, each table directory replaced atomically. Same options, same data.
 *
 * @example
 * await generateEvents({ out: 'data/events', days: 3, rowsPerDay: 1000 });
 */
export async function generateEvents(options: EventsOptions): Promise<EventsTableReport[]> {
  const { days, rowsPerDay } = options;
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a positive integer, got ${days}`);
  if (!Number.isInteger(rowsPerDay) || rowsPerDay < 1) throw new RangeError(`rowsPerDay must be a positive integer, got ${rowsPerDay}`);
  const startDay = dayNumber(options.start ?? DEFAULT_START);
  const users = options.users ?? Math.max(100, Math.ceil((days * rowsPerDay) / 100));
  const batchRows = options.batchRows ?? 1 << 17;
  const write = { rowGroupSize: options.rowGroupSize ?? DEFAULT_ROW_GROUP_SIZE, compression: 'snappy' as const };

  const reports: EventsTableReport[] = [];
  const timed = async (table: EventsTableReport['table'], dir: string, build: (tmp: string) => Promise<ParquetWriteResult[]>) => {
    const started = performance.now();
    const files = await replaceDirectoryAtomic(join(options.out, dir), build);
    const report: EventsTableReport = {
      table,
      rows: files.reduce((s, f) => s + f.rows, 0),
      files: files.length,
      bytes: files.reduce((s, f) => s + f.bytes, 0),
      seconds: (performance.now() - started) / 1000,
    };
    options.onTable?.(report);
    reports.push(report);
  };

  await timed('countries', 'countries', (tmp) => writeParquetParts(tmp, [countriesBatch()], { ...write, schema: COUNTRIES_SCHEMA }));
  await timed('users', 'users', (tmp) => writeParquetParts(tmp, userBatches(users, startDay, batchRows), { ...write, schema: USERS_SCHEMA }));

  const userRanks = zipfSampler(users, options.skew ?? 1);
  const userAtRank = activityRanking(users);
  await timed('events', 'events', async (tmp) => {
    const files: ParquetWriteResult[] = [];
    for (let dayIndex = 0; dayIndex < days; dayIndex++) {
      const day = startDay + dayIndex;
      const batches = dayBatches({ dayIndex, day, rowsPerDay, userRanks, userAtRank }, batchRows);
      files.push(...(await writeParquetParts(join(tmp, partitionDirectory(day)), batches, write)));
    }
    return files;
  });
  return reports;
}
