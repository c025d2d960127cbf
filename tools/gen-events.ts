// CLI: generate the events data set. Usage: gen-events --out <dir> [--days 30] [--rows-per-day 200000] [--start 2024-01-01]
import { parseArgs } from 'node:util';
import { DEFAULT_START, generateEvents, type EventsTableReport } from './events/generate.js';

const USAGE =
  'usage: gen-events --out <dir> [--days N (30)] [--rows-per-day N (200000)] [--start yyyy-mm-dd (2024-01-01)] [--users N] [--rows-per-group N]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      days: { type: 'string', default: '30' },
      'rows-per-day': { type: 'string', default: '200000' },
      start: { type: 'string', default: DEFAULT_START },
      users: { type: 'string' },
      'rows-per-group': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return console.log(USAGE);
  if (values.out === undefined) throw new UsageError('--out is required');

  const started = performance.now();
  console.log(`events: ${values.days} days × ${values['rows-per-day']} rows from ${values.start} → ${values.out}`);
  console.log(row('table', 'rows', 'files', 'bytes', 'seconds'));
  await generateEvents({
    out: values.out,
    days: positiveInt(values.days, '--days')!,
    rowsPerDay: positiveInt(values['rows-per-day'], '--rows-per-day')!,
    start: values.start,
    users: positiveInt(values.users, '--users'),
    rowGroupSize: positiveInt(values['rows-per-group'], '--rows-per-group'),
    onTable: (r: EventsTableReport) => console.log(row(r.table, r.rows, r.files, r.bytes, r.seconds.toFixed(2))),
  });
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(2)} s`);
}

class UsageError extends Error {}

function positiveInt(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a positive integer, got ${text}`);
  return n;
}

function row(...cells: (string | number)[]): string {
  const [name, ...rest] = cells.map(String);
  return [name!.padEnd(10), ...rest.map((c, i) => c.padStart(i === 0 ? 12 : 10))].join(' ');
}

main().catch((error: unknown) => {
  // Bad arguments (ours, or a RangeError from the generator's own checks) get a message, not a stack.
  const usage = error instanceof UsageError || error instanceof RangeError;
  console.error(usage ? `${error.message}\n${USAGE}` : error);
  process.exitCode = usage ? 2 : 1;
});
