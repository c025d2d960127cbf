// Command-line arguments → a typed command, or a usage error. No I/O here.
import { parseArgs } from 'node:util';
import { fail } from '../common/errors.js';
import { resultFormatOf } from '../io/result-format.js';

export interface CommonOptions {
  readonly tables: readonly { readonly name: string; readonly path: string }[];
  readonly dataDirs: readonly string[];
  readonly conf: readonly { readonly key: string; readonly value: string }[];
}

/** How query results are printed on standard output. */
export type ResultFormat = 'table' | 'csv' | 'json';

/** What `run` and `query` share: where the script comes from and what becomes of its results. */
export interface ExecuteOptions extends CommonOptions {
  readonly format: ResultFormat;
  /** Rows printed per result; undefined = all. */
  readonly maxRows: number | undefined;
  /** Write the script's one query result to this file (its extension names the format) instead of printing it. */
  readonly output?: string;
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
      /** Also the plan after each optimizer rule that changed it, and each rule's time. */
      readonly verbose: boolean;
      readonly format: 'text' | 'json';
    })
  /** `run file.sql` ('-' = standard input) and `query "<sql>"`: execute a script, print or write its results. */
  | (ExecuteOptions & { readonly kind: 'run'; readonly file: string })
  | (ExecuteOptions & { readonly kind: 'query'; readonly sql: string });

/** Rows printed per result in table format unless --max-rows says otherwise (Spark's show() default). */
export const DEFAULT_TABLE_ROWS = 20;

export const USAGE = `sqlopt — a query compiler and engine for Spark SQL over Parquet

Usage:
  sqlopt run [options] file.sql        run a script (- for standard input); print each query's result
  sqlopt query [options] "<sql>"       run SQL given inline (one query, or a script)
  sqlopt explain [options] "<sql>"     show the plans of a query
  sqlopt explain [options] -f file.sql

Options of run and query:
      --format table|csv|json   how results are printed (default table)
      --max-rows N         rows printed per result (default ${DEFAULT_TABLE_ROWS} for table, all for csv and json; 0 = all)
  -o, --output <path>      write the script's query result to a file instead: .parquet, .csv, .json or .jsonl
                           (atomic: the file appears only when complete)

Options of explain:
  -f, --file <path>        read SQL from a file (- for standard input); views and SET in it are applied
      --extended           also show the parsed query
      --format text|json   output format (default text)
      --types              show each column's type in plans
      --verbose            also show the plan after each optimizer rule that changed it, and each rule's time

Options of all commands:
      --table name=path    register a Parquet file or directory as a table (repeatable)
      --data-dir <dir>     register each sub-directory and *.parquet file of <dir> as a table (repeatable)
      --conf key=value     set a setting, e.g. spark.sql.session.timeZone=UTC (repeatable)
  -h, --help               show this help
  -v, --version            show the version`;

export function parseCommandLine(argv: readonly string[]): CliCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') return { kind: 'help' };
  if (command === '-v' || command === '--version') return { kind: 'version' };
  switch (command) {
    case 'explain':
      return parseExplain(rest);
    case 'run':
    case 'query':
      return parseExecute(command, rest);
    default:
      return fail('CLI_USAGE', `unknown command \`${command}\``, undefined, 'run `sqlopt --help` for the commands');
  }
}

function parseExplain(args: readonly string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: args as string[],
      allowPositionals: true,
      options: {
        file: { type: 'string', short: 'f' },
        extended: { type: 'boolean', default: false },
        types: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        format: { type: 'string', default: 'text' },
        table: { type: 'string', multiple: true, default: [] },
        'data-dir': { type: 'string', multiple: true, default: [] },
        conf: { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    return usageError(e);
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
    verbose: values.verbose!,
    format: values.format,
    ...commonOptions(values.table!, values['data-dir']!, values.conf!),
  };
}

function parseExecute(kind: 'run' | 'query', args: readonly string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: args as string[],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'table' },
        'max-rows': { type: 'string' },
        output: { type: 'string', short: 'o' },
        table: { type: 'string', multiple: true, default: [] },
        'data-dir': { type: 'string', multiple: true, default: [] },
        conf: { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    return usageError(e);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const format = values.format;
  if (format !== 'table' && format !== 'csv' && format !== 'json') return fail('CLI_USAGE', `--format must be table, csv or json, not \`${format}\``);
  if (positionals.length !== 1) {
    const [what, example] = kind === 'run' ? ['a script file', 'sqlopt run file.sql'] : ['the SQL', 'sqlopt query "SELECT …"'];
    fail('CLI_USAGE', positionals.length ? `give ${what} as one argument (quote it)` : `no ${kind === 'run' ? 'script file' : 'SQL'} given`, undefined, example);
  }
  const output = values.output;
  if (output !== undefined && resultFormatOf(output) === undefined)
    fail('CLI_USAGE', `cannot tell the output format of \`${output}\``, undefined, 'name the file *.parquet, *.csv, *.json or *.jsonl');
  const options: ExecuteOptions = {
    format,
    maxRows: maxRows(values['max-rows'], format),
    ...(output !== undefined ? { output } : {}),
    ...commonOptions(values.table!, values['data-dir']!, values.conf!),
  };
  return kind === 'run' ? { kind, file: positionals[0]!, ...options } : { kind, sql: positionals[0]!, ...options };
}

function maxRows(text: string | undefined, format: ResultFormat): number | undefined {
  if (text === undefined) return format === 'table' ? DEFAULT_TABLE_ROWS : undefined;
  if (!/^\d+$/.test(text)) fail('CLI_USAGE', `--max-rows expects a number of rows (0 for all), got \`${text}\``);
  const n = Number(text);
  return n === 0 ? undefined : n;
}

function usageError(e: unknown): never {
  return fail('CLI_USAGE', (e as Error).message, undefined, 'run `sqlopt --help` for the options');
}

function commonOptions(tables: readonly string[], dataDirs: readonly string[], conf: readonly string[]): CommonOptions {
  return {
    tables: tables.map((t) => splitPair(t, '--table', 'name=path')).map(([name, path]) => ({ name, path })),
    dataDirs,
    conf: conf.map((c) => splitPair(c, '--conf', 'key=value')).map(([key, value]) => ({ key, value })),
  };
}

function splitPair(text: string, option: string, shape: string): [string, string] {
  const i = text.indexOf('=');
  if (i <= 0) fail('CLI_USAGE', `${option} expects ${shape}, got \`${text}\``);
  return [text.slice(0, i), text.slice(i + 1)];
}
