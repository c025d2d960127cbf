// The one error class that crosses the public API: it carries Diagnostics, never a bare message.
import type { Diagnostic, Span } from './diagnostic.js';
import { diagnostic } from './diagnostic.js';

/**
 * Thrown by every stage for bad user input (syntax, unknown names, bad files, …).
 * `diagnostics` has at least one entry; `message` is the first one's message.
 *
 * @example
 * try { parse('SELEC 1') } catch (e) { if (e instanceof SqlError) console.log(renderDiagnostics(e.diagnostics, 'SELEC 1')) }
 */
export class SqlError extends Error {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics[0]?.message ?? 'unknown error');
    this.name = 'SqlError';
    this.diagnostics = diagnostics;
  }

  get code(): string {
    return this.diagnostics[0]?.code ?? 'UNKNOWN';
  }
}

/** Throws a SqlError with one diagnostic. */
export function fail(code: string, message: string, span?: Span, hint?: string): never {
  throw new SqlError([diagnostic(code, message, span, hint)]);
}

/** An internal invariant broke: a bug in sqlopt, not in the user's input. */
export class InternalError extends Error {
  constructor(message: string) {
    super(`internal error: ${message}`);
    this.name = 'InternalError';
  }
}
