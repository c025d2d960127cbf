// Command-line arguments → a typed command, or a usage error. No I/O here.
import { parseArgs } from 'node:util';
import { fail } from '../common/errors.js';

export interface CommonOptions {
  readonly tables: readonly { readonly name: string; readonly path: string }[];
  readonly dataDirs: readonly string[];
  readonly conf: readonly { readonly key: string; readonly value: string }[];
}

export type CliCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | (CommonOptions & {
      readonly kind: 'explain';
      /** SQL given inline, or read from `file` ('-' = standard input). */
      readonly sql?: string;
      readonly file?: string;
      readonly extended: boolean;
      readonly types: boolean;
      readonly format: 'text' | 'json';
    });

export const USAGE = `sqlopt — a query compiler and engine for Spark SQL over Parquet

Usage:
  sqlopt explain [options] "<sql>"
  sqlopt explain [options] -f file.sql

Options:
  -f, --file <path>        read SQL from a file (- for standard input); views and SET in it are applied
      --extended           also show the parsed query
      --format text|json   output format (default text)
      --types              show each column's type in plans
      --table name=path    register a Parquet file or directory as a table (repeatable)
      --data-dir <dir>     register each sub-directory and *.parquet file of <dir> as a table (repeatable)
      --conf key=value     set a setting, e.g. spark.sql.session.timeZone=UTC (repeatable)
  -h, --help               show this help
  -v, --version            show the version`;

export function parseCommandLine(argv: readonly string[]): CliCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') return { kind: 'help' };
  if (command === '-v' || command === '--version') return { kind: 'version' };
  if (command !== 'explain') fail('CLI_USAGE', `unknown command \`${command}\``, undefined, 'run `sqlopt --help` for the commands');

  let parsed;
  try {
    parsed = parseArgs({
      args: rest as string[],
      allowPositionals: true,
      options: {
        file: { type: 'string', short: 'f' },
        extended: { type: 'boolean', default: false },
        types: { type: 'boolean', default: false },
        format: { type: 'string', default: 'text' },
        table: { type: 'string', multiple: true, default: [] },
        'data-dir': { type: 'string', multiple: true, default: [] },
        conf: { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    return fail('CLI_USAGE', (e as Error).message, undefined, 'run `sqlopt --help` for the options');
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.format !== 'text' && values.format !== 'json') fail('CLI_USAGE', `--format must be text or json, not \`${values.format}\``);
  if (values.file !== undefined && positionals.length) fail('CLI_USAGE', 'give the SQL either inline or with --file, not both');
  if (values.file === undefined && positionals.length !== 1)
    fail('CLI_USAGE', positionals.length ? 'give the SQL as one argument (quote it)' : 'no SQL given', undefined, 'sqlopt explain "SELECT …" or sqlopt explain -f file.sql');
  return {
    kind: 'explain',
    ...(values.file !== undefined ? { file: values.file } : { sql: positionals[0]! }),
    extended: values.extended!,
    types: values.types!,
    format: values.format,
    tables: values.table!.map((t) => splitPair(t, '--table', 'name=path')).map(([name, path]) => ({ name, path })),
    dataDirs: values['data-dir']!,
    conf: values.conf!.map((c) => splitPair(c, '--conf', 'key=value')).map(([key, value]) => ({ key, value })),
  };
}

function splitPair(text: string, option: string, shape: string): [string, string] {
  const i = text.indexOf('=');
  if (i <= 0) fail('CLI_USAGE', `${option} expects ${shape}, got \`${text}\``);
  return [text.slice(0, i), text.slice(i + 1)];
}
