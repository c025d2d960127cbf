// `sqlopt run` and `sqlopt query`: executes a script's statements in order, printing each result or writing it to a file.
// Loaded by main.ts only on these paths, so `explain` never loads Arrow or the Parquet wasm.
import type { RecordBatch } from 'apache-arrow';
import type { QueryStatement, Statement } from '../ast/ast.js';
import { parseScript } from '../ast/parse.js';
import type { Session } from '../api/session.js';
import type { Diagnostic, Position, Span } from '../common/diagnostic.js';
import { SqlError, fail } from '../common/errors.js';
import { arrowSchemaOf } from '../exec/arrow/arrow-types.js';
import { writeResultFile } from '../io/write-results.js';
import { outputOf } from '../logical/output.js';
import type { ExecuteOptions } from './args.js';
import type { CliIo } from './main.js';
import { printBatches } from './print-result.js';
import type { PrintSink } from './print-result.js';
import { startProgress } from './progress.js';
import type { ProgressCounts } from './progress.js';

const TIME_ZONE = 'spark.sql.session.timeZone';

/** Rows and bytes of result data received so far, for the progress line. */
type MutableCounts = { -readonly [K in keyof ProgressCounts]: ProgressCounts[K] };

/**
 * Runs every statement of `source` in `session`: queries print their rows (or go to `--output`), EXPLAIN prints
 * plans, commands that return rows (SHOW TABLES, DESCRIBE, SET) print them, and the others (views, tables, SET k=v,
 * INSERT) run silently. The first failing statement stops the script with its SqlError, positioned in `source`.
 */
export async function runScript(session: Session, source: string, options: ExecuteOptions, io: CliIo): Promise<void> {
  const statements = parseScript(source).statements;
  if (statements.length === 0) fail('CLI_NOTHING_TO_RUN', 'the input has no statement to run');
  const queries = statements.filter((s) => s.kind === 'queryStatement').length;
  if (options.output !== undefined && queries !== 1) {
    fail('CLI_USAGE', `--output takes the result of exactly one query, and the input has ${queries}`, undefined, 'run the other queries separately');
  }
  let printedResults = 0;
  for (const statement of statements) {
    const counts: MutableCounts = { rows: 0, bytes: 0 };
    const progress = startProgress(io.terminal, () => counts);
    let printing = false;
    // The progress line is erased before anything is printed: on a terminal it would mix with the output.
    const sink: PrintSink = {
      out: (text) => {
        progress.stop();
        if (!printing) {
          if (printedResults++ > 0 && options.format !== 'json') io.stdout(''); // a blank line between results
          printing = true;
        }
        // io.stdout writes a line: the printers' text already ends with its line feed.
        io.stdout(text.endsWith('\n') ? text.slice(0, -1) : text);
      },
      note: (text) => {
        progress.stop();
        io.stderr(text);
      },
    };
    try {
      await runStatement(session, source, statement, options, sink, counts);
    } finally {
      progress.stop();
    }
  }
}

async function runStatement(session: Session, source: string, statement: Statement, options: ExecuteOptions, sink: PrintSink, counts: MutableCounts): Promise<void> {
  const span = statement.span;
  const text = span ? source.slice(span.start.offset, span.end.offset) : source;
  switch (statement.kind) {
    case 'queryStatement':
      return runQuery(session, text, statement, options, sink, counts);
    case 'explain':
      sink.out(session.explainStatement(statement));
      return;
    default: {
      // Everything else (views, tables, INSERT, SET, SHOW, DESCRIBE) goes through the session's own dispatch; the few
      // that return rows are printed whole.
      const rows = await positioned(() => session.sql(text), span?.start);
      if (rows.numCols) {
        const timeZone = session.config.get(TIME_ZONE);
        await printBatches(toAsync(rows.batches), rows.schema.fields.map((f) => f.name), { format: options.format, maxRows: undefined, timeZone }, sink);
      }
    }
  }
}

async function runQuery(session: Session, text: string, statement: QueryStatement, options: ExecuteOptions, sink: PrintSink, counts: MutableCounts): Promise<void> {
  // Analyzing the statement's own AST first reports analysis errors at their place in the whole script, and gives
  // the result's columns even when it has no rows.
  const columns = outputOf(session.analyze(statement.query).plan);
  const timeZone = session.config.get(TIME_ZONE);
  const batches = tracked(() => session.sqlStream(text), counts, statement.span?.start);
  if (options.output !== undefined) {
    await writeResultFile(options.output, batches, { timeZone, schema: arrowSchemaOf(columns) });
    return;
  }
  await printBatches(batches, columns.map((c) => c.name), { format: options.format, maxRows: options.maxRows, timeZone }, sink);
}

/**
 * The query's batches, counted for the progress line. The query ran from its own text, so the spans of its errors
 * are moved to where that text starts in the script.
 */
async function* tracked(run: () => AsyncIterable<RecordBatch>, counts: MutableCounts, start: Position | undefined): AsyncGenerator<RecordBatch> {
  try {
    for await (const batch of run()) {
      counts.rows += batch.numRows;
      counts.bytes += batch.data.byteLength;
      yield batch;
    }
  } catch (error) {
    throw moved(error, start);
  }
}

/** Runs a statement from its own text; its errors' spans are moved to where that text starts in the script. */
async function positioned<T>(run: () => Promise<T>, start: Position | undefined): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw moved(error, start);
  }
}

function moved(error: unknown, start: Position | undefined): unknown {
  return start && error instanceof SqlError ? new SqlError(error.diagnostics.map((d) => shiftDiagnostic(d, start))) : error;
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

function shiftDiagnostic(d: Diagnostic, start: Position): Diagnostic {
  return d.span ? { ...d, span: shiftSpan(d.span, start) } : d;
}

function shiftSpan(span: Span, start: Position): Span {
  const shift = (p: Position): Position => ({
    offset: p.offset + start.offset,
    line: p.line + start.line - 1,
    column: p.line === 1 ? p.column + start.column - 1 : p.column,
  });
  return { start: shift(span.start), end: shift(span.end) };
}
