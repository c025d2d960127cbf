// Golden tests of syntax errors as users see them: code, message, and the caret under the offending text.
import { describe, expect, it } from 'vitest';
import { parseExpression, parseQuery, parseScript, parseStatement } from '../../../src/ast/parse.js';
import { SqlError } from '../../../src/common/errors.js';
import { renderDiagnostics } from '../../../src/common/render-diagnostic.js';

/** The rendered diagnostics of a parse that must fail. */
function errorsOf(sql: string, parse: (sql: string) => unknown = parseScript): string {
  try {
    parse(sql);
  } catch (e) {
    if (e instanceof SqlError) return renderDiagnostics(e.diagnostics, sql);
    throw e;
  }
  throw new Error(`parsed without error: ${sql}`);
}

describe('syntax errors', () => {
  it('a missing expression', () => {
    expect(errorsOf('SELECT a FROM t WHERE')).toMatchInlineSnapshot(`
      "error[SYNTAX_UNEXPECTED_EOF]: line 1:22: unexpected end of input, expected an expression
        |
      1 | SELECT a FROM t WHERE
        |                      ^"
    `);
    expect(errorsOf('SELECT FROM t')).toMatchInlineSnapshot(`
      "error[SYNTAX_UNEXPECTED_TOKEN]: line 1:8: unexpected \`FROM\`, expected an expression
        |
      1 | SELECT FROM t
        |        ^^^^"
    `);
    expect(errorsOf('SELECT a + FROM t')).toMatchInlineSnapshot(`
      "error[SYNTAX_UNEXPECTED_TOKEN]: line 1:12: unexpected \`FROM\`, expected an expression
        |
      1 | SELECT a + FROM t
        |            ^^^^"
    `);
  });

  it('a missing keyword or parenthesis', () => {
    expect(errorsOf('SELECT a FROM t GROUP a')).toMatchInlineSnapshot(`
      "error[SYNTAX_UNEXPECTED_TOKEN]: line 1:23: unexpected \`a\`, expected \`BY\`
        |
      1 | SELECT a FROM t GROUP a
        |                       ^"
    `);
    expect(errorsOf('SELECT (a + 1 FROM t')).toMatchInlineSnapshot(`
      "error[SYNTAX_UNEXPECTED_TOKEN]: line 1:15: unexpected \`FROM\`, expected \`)\`
        |
      1 | SELECT (a + 1 FROM t
        |               ^^^^"
    `);
    expect(errorsOf('SELECT count(a')).toMatchInlineSnapshot(`
      "error[SYNTAX_UNEXPECTED_EOF]: line 1:15: unexpected end of input, expected \`)\`
        |
      1 | SELECT count(a
        |               ^"
    `);
    expect(errorsOf('SELECT CAST(a AS) FROM t')).toMatchInlineSnapshot(`
      "error[SYNTAX_UNEXPECTED_TOKEN]: line 1:17: unexpected \`)\`, expected a type
        |
      1 | SELECT CAST(a AS) FROM t
        |                 ^"
    `);
  });

  it('leftover input', () => {
    expect(errorsOf('SELECT a b c FROM t')).toMatchInlineSnapshot(`
      "error[SYNTAX_UNEXPECTED_TOKEN]: line 1:12: unexpected \`c\`, expected \`;\` or end of input
        |
      1 | SELECT a b c FROM t
        |            ^"
    `);
    expect(errorsOf('a b', parseExpression)).toMatchInlineSnapshot(`
      "error[SYNTAX_UNEXPECTED_TOKEN]: line 1:3: unexpected \`b\`, expected end of input
        |
      1 | a b
        |   ^"
    `);
  });

  it('every error in a script, on several lines', () => {
    expect(errorsOf('SELECT a, FROM t;\nSELECT * FROM t WHERE (a = 1;\nSELECT 1')).toMatchInlineSnapshot(`
      "error[SYNTAX_UNEXPECTED_TOKEN]: line 1:11: unexpected \`FROM\`, expected an expression
        |
      1 | SELECT a, FROM t;
        |           ^^^^

      error[SYNTAX_UNEXPECTED_TOKEN]: line 2:29: unexpected \`;\`, expected \`)\`
        |
      2 | SELECT * FROM t WHERE (a = 1;
        |                             ^"
    `);
  });

  it('lexical errors', () => {
    expect(errorsOf("SELECT 'abc")).toMatchInlineSnapshot(`
      "error[SYNTAX_UNTERMINATED_STRING]: line 1:8: unterminated string: the opening \`'\` is never closed
        |
      1 | SELECT 'abc
        |        ^"
    `);
    expect(errorsOf('SELECT `abc')).toMatchInlineSnapshot(`
      "error[SYNTAX_UNTERMINATED_IDENTIFIER]: line 1:8: unterminated quoted identifier: the opening backquote is never closed
        |
      1 | SELECT \`abc
        |        ^"
    `);
    expect(errorsOf('SELECT 1 /* never closed')).toMatchInlineSnapshot(`
      "error[SYNTAX_UNTERMINATED_COMMENT]: line 1:10: unterminated comment: the opening \`/*\` is never closed
        |
      1 | SELECT 1 /* never closed
        |          ^^"
    `);
    expect(errorsOf('SELECT a $ b, c ? d FROM t')).toMatchInlineSnapshot(`
      "error[SYNTAX_BAD_CHARACTER]: line 1:10: unexpected character \`$\`
        |
      1 | SELECT a $ b, c ? d FROM t
        |          ^

      error[SYNTAX_BAD_CHARACTER]: line 1:17: unexpected character \`?\`
        |
      1 | SELECT a $ b, c ? d FROM t
        |                 ^"
    `);
  });

  it('errors found after parsing', () => {
    expect(errorsOf('SELECT CAST(a AS text), CAST(b AS decimal(40, 2)), 1.5L')).toMatchInlineSnapshot(`
      "error[SYNTAX_UNKNOWN_TYPE]: line 1:18: unknown type \`text\`
        |
      1 | SELECT CAST(a AS text), CAST(b AS decimal(40, 2)), 1.5L
        |                  ^^^^

      error[SYNTAX_INVALID_TYPE]: line 1:35: \`decimal(40, 2)\`: a decimal needs 1 ≤ precision ≤ 38 and 0 ≤ scale ≤ precision
        |
      1 | SELECT CAST(a AS text), CAST(b AS decimal(40, 2)), 1.5L
        |                                   ^^^^^^^^^^^^^^

      error[SYNTAX_INVALID_LITERAL]: line 1:52: \`1.5L\`: the L suffix needs an integer
        |
      1 | SELECT CAST(a AS text), CAST(b AS decimal(40, 2)), 1.5L
        |                                                    ^^^^"
    `);
    expect(errorsOf("SELECT a FROM t JOIN u NATURAL JOIN v USING (x)")).toMatchInlineSnapshot(`
      "error[SYNTAX_INVALID_JOIN]: line 1:39: a NATURAL join cannot have ON or USING
        |
      1 | SELECT a FROM t JOIN u NATURAL JOIN v USING (x)
        |                                       ^^^^^^^^^"
    `);
    expect(errorsOf('SELECT 1; SELECT 2', parseStatement)).toMatchInlineSnapshot(`
      "error[SYNTAX_MULTIPLE_STATEMENTS]: line 1:11: expected one statement, found 2
        |
      1 | SELECT 1; SELECT 2
        |           ^^^^^^^^"
    `);
    expect(errorsOf('SELECT 1;', parseQuery)).toMatchInlineSnapshot(`
      "error[SYNTAX_UNEXPECTED_TOKEN]: line 1:9: unexpected \`;\`, expected end of input
        |
      1 | SELECT 1;
        |         ^"
    `);
  });

  it('nesting beyond what the stack can take', () => {
    expect(errorsOf(`SELECT ${'('.repeat(65)}1${')'.repeat(65)}`).split('\n')[0]).toMatchInlineSnapshot(`"error[SYNTAX_TOO_DEEP]: line 1:72: the SQL nests more than 64 levels of parentheses and CASE"`);
    expect(() => parseScript(`SELECT ${'('.repeat(64)}1${')'.repeat(64)}`)).not.toThrow();
  });

  it('codes', () => {
    const codes = (sql: string) => {
      try {
        parseScript(sql);
      } catch (e) {
        return (e as SqlError).diagnostics.map((d) => d.code);
      }
      return [];
    };
    expect(codes('SELECT a FROM')).toEqual(['SYNTAX_UNEXPECTED_EOF']);
    expect(codes('SELECT a FROM FROM')).toEqual(['SYNTAX_UNEXPECTED_TOKEN']);
    expect(codes("SELECT 'a")).toEqual(['SYNTAX_UNTERMINATED_STRING']);
    expect(codes('SELECT #')).toEqual(['SYNTAX_BAD_CHARACTER', 'SYNTAX_UNEXPECTED_EOF']);
    expect(codes(`${'('.repeat(65)}1${')'.repeat(65)}`)).toEqual(['SYNTAX_TOO_DEEP']);
    expect(codes(`SELECT ${'NOT ('.repeat(60)}1${')'.repeat(60)}`)).toEqual([]);
    expect(codes(`${'NOT '.repeat(129)}1`)).toEqual(['SYNTAX_TOO_DEEP']);
  });
});
