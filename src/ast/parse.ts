// The parser's public entry points: SQL text to AST, or a SqlError whose diagnostics locate every syntax error found.
import { EOF, tokenMatcher, type CstNode, type ILexingResult, type IRecognitionException, type IToken } from 'chevrotain';
import type * as C from '../../grammar/cst.js';
import { discardSqlParser, sqlParser, type SqlParser } from '../../grammar/parser.js';
import * as tok from '../../grammar/tokens.js';
import { diagnostic, type Diagnostic, type Position, type Span } from '../common/diagnostic.js';
import { SqlError } from '../common/errors.js';
import type { Expr, Query, Script, Statement } from './ast.js';
import { buildExpression, buildQuery, buildScript, tokenSpan } from './build-ast.js';

/**
 * Parses statements separated by `;` (empty statements are allowed).
 *
 * @example
 * parseScript('SET spark.sql.shuffle.partitions = 8; SELECT 1').statements.length // 2
 */
export function parseScript(text: string): Script {
  return parse(text, (parser) => parser.script(), (cst) => buildScript(cst as C.ScriptCstNode, text));
}

/**
 * Parses exactly one statement; a trailing `;` is allowed.
 *
 * @example
 * parseStatement('DROP TABLE IF EXISTS t;') // { kind: 'drop', objectType: 'table', ifExists: true, name: ['t'], … }
 */
export function parseStatement(text: string): Statement {
  const { statements } = parseScript(text);
  if (statements.length === 1) return statements[0]!;
  if (statements.length === 0) {
    const end = endOfInput(tok.sqlLexer().tokenize(text));
    throw new SqlError([diagnostic('SYNTAX_UNEXPECTED_EOF', 'unexpected end of input, expected a statement', end)]);
  }
  throw new SqlError([
    diagnostic('SYNTAX_MULTIPLE_STATEMENTS', `expected one statement, found ${statements.length}`, statements[1]!.span),
  ]);
}

/**
 * Parses one query (WITH, SELECT, VALUES, TABLE, set operations, ORDER BY, LIMIT, …).
 *
 * @example
 * parseQuery('SELECT a FROM t ORDER BY a').orderBy.length // 1
 */
export function parseQuery(text: string): Query {
  return parse(text, (parser) => parser.query(), (cst) => buildQuery(cst as C.QueryCstNode, text));
}

/**
 * Parses one expression.
 *
 * @example
 * parseExpression('a + 1') // { kind: 'binary', op: '+', left: { kind: 'column', parts: ['a'] }, right: … }
 */
export function parseExpression(text: string): Expr {
  return parse(text, (parser) => parser.expression(), (cst) => buildExpression(cst as C.ExpressionCstNode, text));
}

/**
 * Lexes, runs one start rule, and throws every lexer and parser error found; only an error-free CST is built,
 * since a CST the parser recovered may lack any part.
 */
function parse<R>(text: string, rule: (parser: SqlParser) => CstNode, build: (cst: CstNode) => R): R {
  const lexed = tok.sqlLexer().tokenize(text);
  const tooDeep = nestingDiagnostic(lexed.tokens);
  if (tooDeep) throw new SqlError([tooDeep]);
  try {
    const parser = sqlParser();
    parser.input = lexed.tokens;
    const cst = rule(parser);
    const diagnostics = [...lexerDiagnostics(lexed, text), ...parserDiagnostics(parser.errors, lexed)];
    if (diagnostics.length > 0) throw new SqlError(byPosition(diagnostics));
    return build(cst);
  } catch (e) {
    // The nesting limits keep recursion well inside the stack; should a combination still exhaust it, that is
    // bad input too, and the parser, whose rule stack the unwinding corrupted, must be rebuilt.
    if (e instanceof RangeError) {
      discardSqlParser();
      throw new SqlError([diagnostic('SYNTAX_TOO_DEEP', 'the SQL is nested too deeply to parse', wholeInput(lexed))]);
    }
    throw e;
  }
}

/**
 * Recursive descent uses stack per nesting level; past these limits (far beyond real SQL) it could run out.
 * Measured on Node 20's default stack: about 107 nested parentheses, 150 CASEs or 1250 NOTs fit.
 */
const MAX_NESTING = 64;
const MAX_PREFIX_OPERATORS = 128;

/**
 * Open parentheses and CASE … END count as nesting; so do runs of NOT, `-`, `+`, `~`, which `(` does not break
 * (`NOT (NOT (…`).
 */
function nestingDiagnostic(tokens: readonly IToken[]): Diagnostic | undefined {
  let depth = 0;
  let prefixRun = 0;
  for (const token of tokens) {
    const type = token.tokenType;
    if (type === tok.LParen || type === tok.Case) depth++;
    else if (type === tok.RParen || type === tok.End) depth--;
    const prefix = type === tok.Not || tokenMatcher(token, tok.UnaryOperator);
    if (prefix) prefixRun++;
    else if (type !== tok.LParen) prefixRun = 0;
    if (depth > MAX_NESTING || prefixRun > MAX_PREFIX_OPERATORS) {
      const what =
        depth > MAX_NESTING
          ? `${MAX_NESTING} levels of parentheses and CASE`
          : `${MAX_PREFIX_OPERATORS} prefix operators in a row`;
      return diagnostic('SYNTAX_TOO_DEEP', `the SQL nests more than ${what}`, tokenSpan(token));
    }
  }
  return undefined;
}

function wholeInput(lexed: ILexingResult): Span | undefined {
  const first = lexed.tokens[0];
  return first ? { start: tokenSpan(first).start, end: endOfInput(lexed).end } : undefined;
}

/** The error tokens of tokens.ts: the code, what was left open, and how to name its opening delimiter. */
const UNTERMINATED = new Map([
  [
    tok.UnterminatedString,
    { code: 'SYNTAX_UNTERMINATED_STRING', what: 'string', opening: (image: string) => `\`${image[0]}\`` },
  ],
  [
    tok.UnterminatedQuotedIdentifier,
    { code: 'SYNTAX_UNTERMINATED_IDENTIFIER', what: 'quoted identifier', opening: () => 'backquote' },
  ],
  [tok.UnterminatedComment, { code: 'SYNTAX_UNTERMINATED_COMMENT', what: 'comment', opening: () => '`/*`' }],
]);

function lexerDiagnostics(lexed: ILexingResult, text: string): Diagnostic[] {
  const badCharacters = lexed.errors.map((error) => {
    const chars = text.slice(error.offset, error.offset + error.length);
    const start: Position = { offset: error.offset, line: error.line ?? 1, column: error.column ?? 1 };
    const end: Position = { ...start, offset: start.offset + error.length, column: start.column + error.length };
    const message = `unexpected character${error.length > 1 ? 's' : ''} \`${chars}\``;
    return diagnostic('SYNTAX_BAD_CHARACTER', message, { start, end });
  });
  const unterminated = (lexed.groups[tok.ERROR_GROUP] ?? []).map((token) => {
    const { code, what, opening } = UNTERMINATED.get(token.tokenType)!;
    // Point at the opening delimiter: the unterminated token runs to the end of the input.
    const width = token.tokenType === tok.UnterminatedComment ? 2 : 1;
    const start = tokenSpan(token).start;
    const end: Position = { offset: start.offset + width, line: start.line, column: start.column + width };
    return diagnostic(code, `unterminated ${what}: the opening ${opening(token.image)} is never closed`, { start, end });
  });
  return [...badCharacters, ...unterminated];
}

function parserDiagnostics(errors: readonly IRecognitionException[], lexed: ILexingResult): Diagnostic[] {
  // An unterminated string or comment swallows the rest of the input; the parser's complaints about the
  // missing end would only repeat it.
  const inputCutShort = (lexed.groups[tok.ERROR_GROUP] ?? []).length > 0;
  const seen = new Set<number>();
  const diagnostics: Diagnostic[] = [];
  for (const error of errors) {
    const atEnd = error.token.tokenType === EOF;
    if (atEnd && inputCutShort) continue;
    const span = atEnd ? endOfInput(lexed) : tokenSpan(error.token);
    // Recovery can fail again at the token it just failed at: one report per place is enough.
    if (seen.has(span.start.offset)) continue;
    seen.add(span.start.offset);
    diagnostics.push(diagnostic(atEnd ? 'SYNTAX_UNEXPECTED_EOF' : 'SYNTAX_UNEXPECTED_TOKEN', error.message, span));
  }
  return diagnostics;
}

/** An empty span just after the last token or bad character (where the missing input would go). */
function endOfInput(lexed: ILexingResult): Span {
  const last = lexed.tokens[lexed.tokens.length - 1];
  let at: Position = last ? tokenSpan(last).end : { offset: 0, line: 1, column: 1 };
  for (const error of lexed.errors) {
    if (error.offset + error.length > at.offset) {
      at = { offset: error.offset + error.length, line: error.line ?? 1, column: (error.column ?? 1) + error.length };
    }
  }
  return { start: at, end: at };
}

function byPosition(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => (a.span?.start.offset ?? 0) - (b.span?.start.offset ?? 0));
}
