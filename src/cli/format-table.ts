// A result as an aligned text table, laid out as Spark's `show(n, truncate = false)` lays it out.

export interface TextTable {
  readonly columns: readonly string[];
  /** Cell texts; null is a SQL NULL. */
  readonly rows: readonly (readonly (string | null)[])[];
  /** Whether the result had more rows than `rows` holds. */
  readonly truncated: boolean;
}

// Spark's minimum column width.
const MIN_WIDTH = 3;

/**
 * The table as Spark's show() prints it without truncating cells: a `+---+` rule, the header, a rule, the rows, a rule,
 * cells padded on the right, NULL as `NULL`, line breaks and tabs in cells escaped; then
 * `only showing top N rows` when the result was cut.
 *
 * @example
 * formatTable({ columns: ['a', 'b'], rows: [['1', null]], truncated: false })
 * // +---+----+
 * // |a  |b   |
 * // +---+----+
 * // |1  |NULL|
 * // +---+----+
 */
export function formatTable(table: TextTable): string {
  const header = table.columns.map(escapeCell);
  const body = table.rows.map((row) => row.map((cell) => (cell === null ? 'NULL' : escapeCell(cell))));
  const widths = header.map((name, c) => Math.max(MIN_WIDTH, displayWidth(name), ...body.map((row) => displayWidth(row[c]!))));
  const rule = `+${widths.map((w) => '-'.repeat(w)).join('+')}+`;
  const line = (cells: readonly string[]) => `|${cells.map((cell, c) => cell + ' '.repeat(widths[c]! - displayWidth(cell))).join('|')}|`;
  const lines = [rule, line(header), rule, ...body.map(line), rule];
  if (table.truncated) lines.push(`only showing top ${table.rows.length} ${table.rows.length === 1 ? 'row' : 'rows'}`);
  return lines.join('\n') + '\n';
}

const META_CHARACTERS: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\v': '\\v', '\x07': '\\a' };

// Spark (3.4+) escapes control characters in show() so that a cell stays on its line.
function escapeCell(text: string): string {
  return text.replace(/[\n\r\t\b\f\v\x07]/g, (c) => META_CHARACTERS[c]!);
}

// East Asian wide and full-width characters take two terminal columns (Spark's stringHalfWidth counts them so).
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u;

function displayWidth(text: string): number {
  if (!/[^\u0000-\u10ff]/.test(text)) return text.length;
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}
