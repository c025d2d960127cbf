// Properties of the parser: printed trees parse back to themselves, and no input makes it throw anything but SqlError.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sqlLexer } from '../../grammar/tokens.js';
import { parseExpression, parseQuery, parseScript, parseStatement } from '../../src/ast/parse.js';
import { printSql } from '../../src/ast/print-sql.js';
import { stripSpans } from '../../src/ast/strip-spans.js';
import { SqlError } from '../../src/common/errors.js';
import { exprArb, queryArb, statementArb } from '../helpers/ast-arbitraries.js';

describe('printSql then parse', () => {
  it('gives back the expression', () => {
    fc.assert(
      fc.property(exprArb(3), (expr) => {
        expect(stripSpans(parseExpression(printSql(expr)))).toEqual(expr);
      }),
      { numRuns: 400 },
    );
  });

  it('gives back the query', () => {
    fc.assert(
      fc.property(queryArb(2), (query) => {
        expect(stripSpans(parseQuery(printSql(query)))).toEqual(query);
      }),
      { numRuns: 300 },
    );
  });

  it('gives back the statement', () => {
    fc.assert(
      fc.property(statementArb(1), (statement) => {
        expect(stripSpans(parseStatement(printSql(statement)))).toEqual(statement);
      }),
      { numRuns: 300 },
    );
  });
});

/** Parsing may succeed or fail, but a failure is a SqlError that points somewhere. */
function expectOnlySqlErrors(text: string): void {
  for (const parse of [parseScript, parseStatement, parseQuery, parseExpression]) {
    try {
      parse(text);
    } catch (e) {
      if (!(e instanceof SqlError)) throw e;
      expect(e.diagnostics.length).toBeGreaterThan(0);
      expect(e.diagnostics.some((d) => d.span !== undefined)).toBe(true);
    }
  }
}

const VOCABULARY = [
  'SELECT', 'FROM', 'WHERE', 'GROUP', 'BY', 'ORDER', 'HAVING', 'LIMIT', 'JOIN', 'LEFT', 'ON', 'USING', 'AS', 'AND',
  'OR', 'NOT', 'IN', 'IS', 'NULL', 'EXISTS', 'BETWEEN', 'LIKE', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'CAST',
  'INTERVAL', 'DAY', 'TO', 'DATE', 'OVER', 'PARTITION', 'ROWS', 'UNBOUNDED', 'PRECEDING', 'CURRENT', 'ROW',
  'VALUES', 'WITH', 'UNION', 'ALL', 'DISTINCT', 'TABLE', 'ROLLUP', 'GROUPING', 'SETS', 'SET', 'CREATE', 'VIEW',
  'INSERT', 'INTO', 'EXPLAIN', 'a', 'b', 't', 'count', 'range', '1', '2.5', '1L', "'s'", '"d"', 'X\'0a\'', '`q`',
  '(', ')', ',', ';', '.', '*', '+', '-', '/', '=', '<', '>=', '<=>', '||', '::', '[', ']', ':', 'int',
  'array', '<', '>', '/*+', '*/', '--', '/*', "'", '`', '$', '@', '\\',
];

describe('bad input', () => {
  it('token soups only ever raise SqlError', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 25 }), (tokens) => {
        expectOnlySqlErrors(tokens.join(' '));
      }),
      { numRuns: 500 },
    );
  });

  it('mutated valid statements only ever raise SqlError', () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), token: fc.constantFrom(...VOCABULARY) }),
    );
    fc.assert(
      fc.property(statementArb(1), fc.array(mutation, { minLength: 1, maxLength: 3 }), (statement, mutations) => {
        const tokens = sqlLexer()
          .tokenize(printSql(statement))
          .tokens.map((t) => t.image);
        for (const m of mutations) {
          const at = m.at % (tokens.length + 1);
          if (m.kind === 'delete') tokens.splice(at, 1);
          else if (m.kind === 'duplicate' && at < tokens.length) tokens.splice(at, 0, tokens[at]!);
          else if (m.kind === 'insert') tokens.splice(at, 0, m.token);
          else if (m.kind === 'truncate') tokens.length = at;
          else if (m.kind === 'swap' && tokens.length > 0) {
            const other = m.with % tokens.length;
            const i = at % tokens.length;
            [tokens[i], tokens[other]] = [tokens[other]!, tokens[i]!];
          }
        }
        expectOnlySqlErrors(tokens.join(' '));
      }),
      { numRuns: 300 },
    );
  });
});
