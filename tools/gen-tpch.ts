// CLI: generate TPC-H data as Parquet. Usage: gen-tpch --sf <number> --out <dir> [--rows-per-group N] [--rows-per-file N] [--tables a,b]
import { parseArgs } from 'node:util';
import type { TpchTableName } from './tpch/table.js';
import { TPCH_TABLES } from './tpch/tables.js';
import { generateTpch, type TableReport } from './tpch/generate.js';
import { cardinalities } from './tpch/spec.js';

const USAGE = 'usage: gen-tpch --sf <number> --out <dir> [--rows-per-group N] [--rows-per-file N] [--tables region,nation,...]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sf: { type: 'string' },
      out: { type: 'string' },
      'rows-per-group': { type: 'string' },
      'rows-per-file': { type: 'string' },
      tables: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return console.log(USAGE);
  if (values.sf === undefined || values.out === undefined) throw new UsageError('--sf and --out are required');
  const sf = Number(values.sf);
  if (!(sf > 0)) throw new UsageError(`--sf must be a positive number, got ${values.sf}`);
  cardinalities(sf); // rejects unusable scale factors before anything is printed or written

  const started = performance.now();
  console.log(`TPC-H SF ${sf} → ${values.out}`);
  console.log(row('table', 'rows', 'files', 'bytes', 'seconds'));
  const reports = await generateTpch({
    sf,
    out: values.out,
    rowGroupSize: positiveInt(values['rows-per-group'], '--rows-per-group'),
    rowsPerFile: positiveInt(values['rows-per-file'], '--rows-per-file'),
    tables: tableList(values.tables),
    onTable: (r: TableReport) => console.log(row(r.table, r.rows, r.files, r.bytes, r.seconds.toFixed(2))),
  });
  const total = (key: 'rows' | 'files' | 'bytes') => reports.reduce((s, r) => s + r[key], 0);
  console.log(row('total', total('rows'), total('files'), total('bytes'), ((performance.now() - started) / 1000).toFixed(2)));
}

class UsageError extends Error {}

function positiveInt(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a positive integer, got ${text}`);
  return n;
}

function tableList(text: string | undefined): TpchTableName[] | undefined {
  if (text === undefined) return undefined;
  const known = new Set<string>(TPCH_TABLES.map((t) => t.name));
  return text.split(',').map((name) => {
    if (!known.has(name)) throw new UsageError(`unknown table ${name}; tables: ${[...known].join(', ')}`);
    return name as TpchTableName;
  });
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
