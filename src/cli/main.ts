// The `sqlopt` command: parses arguments, calls the API, prints. Errors become rendered diagnostics, never stack traces.
// `run` and `query` load the executor (Arrow, the Parquet wasm) through a dynamic import; `explain` never loads it.
import { readFileSync } from 'node:fs';
import { SqlError } from '../common/errors.js';
import { renderDiagnostics } from '../common/render-diagnostic.js';
import { Session } from '../api/session.js';
import { parseCommandLine, USAGE } from './args.js';
import type { CliCommand, CommonOptions } from './args.js';
import type { Terminal } from './progress.js';

declare const SQLOPT_VERSION: string | undefined;

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile: (path: string) => string;
  /** stderr when it is a terminal: the progress line of long statements is drawn there. */
  readonly terminal?: Terminal;
}

const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
  stderr: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
  readFile: (path) => readFileSync(path === '-' ? 0 : path, 'utf8'),
  ...(process.stderr.isTTY
    ? {
        terminal: {
          write: (raw: string) => void process.stderr.write(raw),
          get columns() {
            return process.stderr.columns || 80;
          },
        },
      }
    : {}),
};

/** Runs the CLI; resolves to the exit code (0 ok, 1 bad input or a failed statement, 2 usage, 70 internal error). */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let source: string | undefined;
  let sourceName: string | undefined;
  let command: CliCommand | undefined;
  try {
    command = parseCommandLine(argv);
    switch (command.kind) {
      case 'help':
        io.stdout(USAGE);
        return 0;
      case 'version':
        io.stdout(typeof SQLOPT_VERSION === 'string' ? SQLOPT_VERSION : 'development');
        return 0;
      case 'explain': {
        const session = openSession(command);
        if (command.file !== undefined) {
          sourceName = command.file === '-' ? '<stdin>' : command.file;
          source = readSource(command.file, io);
        } else source = command.sql!;
        io.stdout(session.explain(source, { extended: command.extended, format: command.format, types: command.types, verbose: command.verbose }));
        return 0;
      }
      case 'run':
      case 'query': {
        const session = openSession(command);
        if (command.kind === 'run') {
          sourceName = command.file === '-' ? '<stdin>' : command.file;
          source = readSource(command.file, io);
        } else source = command.sql;
        const { runScript } = await import('./run-script.js');
        await runScript(session, source, command, io);
        return 0;
      }
    }
  } catch (e) {
    if (e instanceof SqlError) {
      io.stderr(renderDiagnostics(e.diagnostics, source, sourceName));
      return e.code === 'CLI_USAGE' ? 2 : 1;
    }
    const detail = process.env.SQLOPT_DEBUG ? `\n${(e as Error).stack}` : '\n(set SQLOPT_DEBUG=1 for details)';
    // InternalError's message already says what it is; other errors (a TypeError…) get the prefix here.
    const message = (e as Error).message ?? String(e);
    io.stderr(`${message.startsWith('internal error: ') ? message : `internal error: ${message}`}${detail}\nThis is a bug in sqlopt; please report it with the query.`);
    return 70;
  }
}

function openSession(options: CommonOptions): Session {
  const session = new Session();
  for (const { key, value } of options.conf) session.config.set(key, value);
  for (const dir of options.dataDirs) session.registerDataDir(dir);
  for (const { name, path } of options.tables) session.registerParquet(name, path);
  return session;
}

function readSource(file: string, io: CliIo): string {
  try {
    return io.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : ((e as Error).message ?? 'unreadable');
    throw new SqlError([{ code: 'CLI_FILE', message: `cannot read '${file}': ${why}`, severity: 'error' }]);
  }
}
