// Finds or generates the data sets that the demo and the benchmarks use, under data/ (git-ignored).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generateTpch } from './tpch/generate.js';
import { generateEvents } from './events/generate.js';

export const REPO_ROOT = new URL('..', import.meta.url).pathname;
export const TPCH_QUERIES_DIR = join(REPO_ROOT, '..', 'shared', 'tpch', 'queries');

/** The directory of TPC-H tables at scale factor `sf`, generated first if missing. */
export async function ensureTpch(sf: number): Promise<string> {
  const dir = join(REPO_ROOT, 'data', 'tpch', `sf${sf}`);
  if (!existsSync(join(dir, 'lineitem'))) {
    process.stderr.write(`generating TPC-H SF ${sf} into ${dir} …\n`);
    await generateTpch({ sf, out: dir });
  }
  return dir;
}

/** The demo's small events data set (a week of events, Hive-partitioned by day, with users and countries). */
export async function ensureDemoEvents(): Promise<string> {
  const dir = join(REPO_ROOT, 'data', 'demo');
  if (!existsSync(join(dir, 'events'))) {
    process.stderr.write(`generating the demo events into ${dir} …\n`);
    await generateEvents({ out: dir, days: 7, rowsPerDay: 20_000 });
  }
  return dir;
}
