// Renders a Diagnostic for a terminal: the message, the source line, and a caret under the span.
import type { Diagnostic } from './diagnostic.js';

/**
 * @example
 * renderDiagnostic(d, 'SELECT a FROM t WHERE')
 * // error[SYNTAX_UNEXPECTED_TOKEN]: line 1:22: unexpected end of input, expected an expression
 * //   |
 * // 1 | SELECT a FROM t WHERE
 * //   |                      ^
 */
export function renderDiagnostic(d: Diagnostic, source?: string, sourceName?: string): string {
  const where = d.span ? `${sourceName ? sourceName + ':' : 'line '}${d.span.start.line}:${d.span.start.column}: ` : sourceName ? `${sourceName}: ` : '';
  const lines = [`${d.severity}[${d.code}]: ${where}${d.message}`];
  if (d.span && source !== undefined) {
    const srcLines = source.split(/\r\n|\r|\n/);
    const lineNo = d.span.start.line;
    const text = srcLines[lineNo - 1] ?? '';
    const gutter = String(lineNo).length;
    const pad = ' '.repeat(gutter);
    // Underline to the end of the span if it stays on this line, else one caret.
    const startCol = Math.max(1, d.span.start.column);
    const width =
      d.span.end.line === lineNo ? Math.max(1, d.span.end.column - startCol) : Math.max(1, text.length - startCol + 1);
    const caret = ' '.repeat(startCol - 1) + '^'.repeat(Math.min(width, Math.max(1, text.length - startCol + 1)));
    lines.push(`${pad} |`, `${lineNo} | ${text.replace(/\t/g, ' ')}`, `${pad} | ${caret}`);
  }
  if (d.hint) lines.push(`  = hint: ${d.hint}`);
  return lines.join('\n');
}

export function renderDiagnostics(ds: readonly Diagnostic[], source?: string, sourceName?: string): string {
  return ds.map((d) => renderDiagnostic(d, source, sourceName)).join('\n\n');
}
