// Spans: every statement, relation, select item and expression points at its source text (end exclusive).
import { describe, expect, it } from 'vitest';
import type { Span } from '../../../src/common/diagnostic.js';
import { parseExpression, parseStatement } from '../../../src/ast/parse.js';
import { stripSpans } from '../../../src/ast/strip-spans.js';

const textOf = (sql: string, span: Span | undefined) => (span ? sql.slice(span.start.offset, span.end.offset) : undefined);

describe('spans', () => {
  const sql = 'SELECT a + 1 AS x, t.*\nFROM t AS u JOIN v ON u.k = v.k\nWHERE f(a) > 2';
  const statement = parseStatement(sql);
  if (statement.kind !== 'queryStatement' || statement.query.body.kind !== 'select') throw new Error('a select');
  const select = statement.query.body;

  it('cover statements, queries, items and relations', () => {
    expect(textOf(sql, statement.span)).toBe(sql);
    expect(textOf(sql, statement.query.span)).toBe(sql);
    expect(select.items.map((i) => textOf(sql, i.span))).toEqual(['a + 1 AS x', 't.*']);
    const join = select.from[0]!;
    expect(textOf(sql, join.span)).toBe('t AS u JOIN v ON u.k = v.k');
    if (join.kind !== 'join') throw new Error('a join');
    expect(textOf(sql, join.left.span)).toBe('t AS u');
    expect(textOf(sql, join.right.span)).toBe('v');
  });

  it('cover expressions from their first token to their last', () => {
    const item = select.items[0]!;
    if (item.kind !== 'exprItem') throw new Error('an expression item');
    expect(textOf(sql, item.expr.span)).toBe('a + 1');
    expect(textOf(sql, select.where?.span)).toBe('f(a) > 2');
  });

  it('carry 1-based lines and columns, end exclusive', () => {
    expect(select.where?.span).toEqual({
      start: { offset: 61, line: 3, column: 7 },
      end: { offset: 69, line: 3, column: 15 },
    });
    expect(parseExpression('  ab  ').span).toEqual({ start: { offset: 2, line: 1, column: 3 }, end: { offset: 4, line: 1, column: 5 } });
  });

  it('stripSpans removes every span and nothing else', () => {
    const e = parseExpression('CAST(a AS int) + b');
    expect(JSON.stringify(stripSpans(e))).not.toContain('span');
    expect(stripSpans(e)).toEqual({
      kind: 'binary',
      op: '+',
      left: { kind: 'cast', safe: false, operand: { kind: 'column', parts: ['a'] }, type: { kind: 'int' } },
      right: { kind: 'column', parts: ['b'] },
    });
    expect(e.span).toBeDefined();
  });
});
