// Diagnostics: every user-facing error is a code, a message and (where known) the span of source it is about.

/** A position in source text; line and column are 1-based, offset is 0-based. */
export interface Position {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** A half-open range of source text: `start` inclusive, `end` exclusive. */
export interface Span {
  readonly start: Position;
  readonly end: Position;
}

export type Severity = 'error' | 'warning';

/**
 * One problem found in a user's input.
 *
 * Codes are stable and grouped by stage: `SYNTAX_*` (parser), `ANALYSIS_*` (binding and typing),
 * `CATALOG_*` (tables, files), `IO_*`, `EXEC_*`, `CLI_*`.
 */
export interface Diagnostic {
  readonly code: string;
  readonly message: string;
  readonly severity: Severity;
  readonly span?: Span;
  /** A short suggestion shown after the message, e.g. "did you mean `l_orderkey`?". */
  readonly hint?: string;
}

export function diagnostic(code: string, message: string, span?: Span, hint?: string): Diagnostic {
  return { code, message, severity: 'error', ...(span ? { span } : {}), ...(hint ? { hint } : {}) };
}

/** The span from the start of `a` to the end of `b`. */
export function joinSpans(a: Span | undefined, b: Span | undefined): Span | undefined {
  if (!a) return b;
  if (!b) return a;
  return { start: a.start, end: b.end };
}
