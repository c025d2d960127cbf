// The SQL lexer: token types (case-insensitive keywords, Spark's non-reserved keywords usable as names) and the lexer.
import { createToken, Lexer, type CustomPatternMatcherReturn, type IToken, type TokenType } from 'chevrotain';

// ───────────────────────────── categories ─────────────────────────────
// Categories let one CONSUME match a family of tokens; the parser never sees them in the input.

/** Anything usable as a name: plain and backquoted identifiers, and every non-reserved keyword. */
export const Identifier = createToken({ name: 'Identifier', pattern: Lexer.NA, label: 'an identifier' });
/** Non-reserved keywords that start a clause, so they cannot be an alias without AS (`FROM t sort BY x`). */
export const ClauseKeyword = createToken({ name: 'ClauseKeyword', pattern: Lexer.NA });
/** Every token that may appear in the raw text of SET and RESET: everything but `;` (and hint delimiters). */
export const RawText = createToken({ name: 'RawText', pattern: Lexer.NA, label: 'a setting' });
export const IntervalUnit = createToken({ name: 'IntervalUnit', pattern: Lexer.NA, label: 'an interval unit' });
export const ComparisonOperator = createToken({ name: 'ComparisonOperator', pattern: Lexer.NA, label: 'a comparison' });
export const AdditiveOperator = createToken({ name: 'AdditiveOperator', pattern: Lexer.NA, label: '`+`, `-` or `||`' });
export const MultiplicativeOperator = createToken({
  name: 'MultiplicativeOperator',
  pattern: Lexer.NA,
  label: '`*`, `/`, `%` or `DIV`',
});
export const UnaryOperator = createToken({ name: 'UnaryOperator', pattern: Lexer.NA, label: '`-`, `+` or `~`' });

// ───────────────────────────── trivia, literals, names ─────────────────────────────

/** Lexer group for tokens that only exist to report a precise error (unterminated strings and comments). */
export const ERROR_GROUP = 'errors';
const HINT_MODE = 'hint';
const SQL_MODE = 'sql';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED, line_breaks: true });
export const LineComment = createToken({
  name: 'LineComment',
  pattern: /--[^\n\r]*/,
  group: Lexer.SKIPPED,
  line_breaks: false,
});

/** `/*+ … *\/` is a hint only right after SELECT (or after another hint); anywhere else it is a comment. */
export const HintStart = createToken({
  name: 'HintStart',
  label: '`/*+`',
  pattern: {
    exec: (text: string, offset: number, tokens: IToken[]): CustomPatternMatcherReturn | null => {
      if (!text.startsWith('/*+', offset)) return null;
      const previous = tokens[tokens.length - 1]?.tokenType;
      return previous === Select || previous === HintEnd ? ['/*+'] : null;
    },
  },
  start_chars_hint: ['/'],
  line_breaks: false,
  push_mode: HINT_MODE,
});
export const HintEnd = createToken({ name: 'HintEnd', pattern: /\*\//, label: '`*/`', pop_mode: true, line_breaks: false });

/** Spark's bracketed comments nest: `/* a /* b *\/ c *\/` is one comment. */
export const BlockComment = createToken({
  name: 'BlockComment',
  pattern: {
    exec: (text: string, offset: number): CustomPatternMatcherReturn | null => {
      if (!text.startsWith('/*', offset)) return null;
      let depth = 0;
      for (let i = offset; i < text.length - 1; i++) {
        if (text[i] === '/' && text[i + 1] === '*') {
          depth++;
          i++;
        } else if (text[i] === '*' && text[i + 1] === '/') {
          depth--;
          i++;
          if (depth === 0) return [text.slice(offset, i + 1)];
        }
      }
      return null;
    },
  },
  start_chars_hint: ['/'],
  line_breaks: true,
  group: Lexer.SKIPPED,
});
export const UnterminatedComment = createToken({
  name: 'UnterminatedComment',
  pattern: /\/\*[\s\S]*/,
  line_breaks: true,
  group: ERROR_GROUP,
});

// Strings take backslash escapes and a doubled quote; the escapes are decoded by the AST builder.
export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: /'(?:[^'\\]|\\[\s\S]|'')*'|"(?:[^"\\]|\\[\s\S]|"")*"/,
  line_breaks: true,
  label: 'a string',
  categories: [RawText],
});
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /'(?:[^'\\]|\\[\s\S]|'')*|"(?:[^"\\]|\\[\s\S]|"")*/,
  line_breaks: true,
  group: ERROR_GROUP,
});
/** X'0aff' */
export const BinaryLiteral = createToken({
  name: 'BinaryLiteral',
  pattern: /X'[^']*'/i,
  label: 'a binary literal',
  categories: [RawText],
  line_breaks: false,
});
export const QuotedIdentifier = createToken({
  name: 'QuotedIdentifier',
  pattern: /`(?:[^`]|``)*`/,
  line_breaks: true,
  categories: [Identifier, RawText],
});
export const UnterminatedQuotedIdentifier = createToken({
  name: 'UnterminatedQuotedIdentifier',
  pattern: /`(?:[^`]|``)*/,
  line_breaks: true,
  group: ERROR_GROUP,
});
/** 1, 1.5, .5, 1e10, 1E-3, with Spark's type suffixes L S Y D F BD (checked by the AST builder). */
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /(?:\d+(?:\.\d*)?|\.\d+)(?:E[+-]?\d+)?(?:BD|[LSYDF])?/i,
  label: 'a number',
  categories: [RawText],
  line_breaks: false,
});
export const UnquotedIdentifier = createToken({
  name: 'UnquotedIdentifier',
  pattern: /[A-Za-z_][A-Za-z0-9_]*/,
  categories: [Identifier, RawText],
  line_breaks: false,
});

// ───────────────────────────── keywords ─────────────────────────────

type KeywordKind = 'reserved' | 'clause' | 'nonReserved';

const keywordTokens: TokenType[] = [];
const keywordWords = new Set<string>();
const reservedWords = new Set<string>();
const longestWord = new Map<TokenType, number>();

/**
 * A case-insensitive keyword matching any of `words` (e.g. a unit and its plural). Reserved keywords are never
 * names; the others are names wherever the grammar expects one, and `clause` ones are not bare aliases.
 */
function keyword(
  words: readonly string[],
  kind: KeywordKind,
  extraCategories: readonly TokenType[] = [],
  name = pascalCase(words[0]!),
): TokenType {
  const sorted = [...words].sort((a, b) => b.length - a.length);
  const main = words[0]!;
  const categories = [RawText, ...extraCategories];
  if (kind !== 'reserved') categories.push(Identifier);
  if (kind === 'clause') categories.push(ClauseKeyword);
  const token = createToken({
    name,
    pattern: new RegExp(sorted.join('|'), 'i'),
    label: `\`${main}\``,
    longer_alt: UnquotedIdentifier,
    categories,
    // Saying these outright spares the lexer analysing every keyword's regex when it is built.
    start_chars_hint: [...new Set(words.flatMap((w) => [w[0]!.toUpperCase(), w[0]!.toLowerCase()]))],
    line_breaks: false,
  });
  keywordTokens.push(token);
  longestWord.set(token, sorted[0]!.length);
  for (const word of words) {
    keywordWords.add(word.toLowerCase());
    if (kind === 'reserved') reservedWords.add(word.toLowerCase());
  }
  return token;
}

function pascalCase(word: string): string {
  return word
    .toLowerCase()
    .split('_')
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

// Reserved: the words that shape clauses (roughly Spark's ANSI reserved and strict non-reserved keywords).
export const All = keyword(['ALL'], 'reserved');
export const And = keyword(['AND'], 'reserved');
export const Anti = keyword(['ANTI'], 'reserved');
export const As = keyword(['AS'], 'reserved');
export const By = keyword(['BY'], 'reserved');
export const Case = keyword(['CASE'], 'reserved');
export const Cross = keyword(['CROSS'], 'reserved');
export const Distinct = keyword(['DISTINCT'], 'reserved');
export const Else = keyword(['ELSE'], 'reserved');
export const End = keyword(['END'], 'reserved');
export const Except = keyword(['EXCEPT'], 'reserved');
export const False = keyword(['FALSE'], 'reserved');
export const From = keyword(['FROM'], 'reserved');
export const Full = keyword(['FULL'], 'reserved');
export const Group = keyword(['GROUP'], 'reserved');
export const Having = keyword(['HAVING'], 'reserved');
export const In = keyword(['IN'], 'reserved');
export const Inner = keyword(['INNER'], 'reserved');
export const Intersect = keyword(['INTERSECT'], 'reserved');
export const Into = keyword(['INTO'], 'reserved');
export const Is = keyword(['IS'], 'reserved');
export const Join = keyword(['JOIN'], 'reserved');
export const Left = keyword(['LEFT'], 'reserved');
export const Limit = keyword(['LIMIT'], 'reserved');
export const Minus = keyword(['MINUS'], 'reserved');
export const Natural = keyword(['NATURAL'], 'reserved');
export const Not = keyword(['NOT'], 'reserved');
export const Null = keyword(['NULL'], 'reserved');
export const On = keyword(['ON'], 'reserved');
export const Or = keyword(['OR'], 'reserved');
export const Order = keyword(['ORDER'], 'reserved');
export const Outer = keyword(['OUTER'], 'reserved');
export const Right = keyword(['RIGHT'], 'reserved');
export const Select = keyword(['SELECT'], 'reserved');
export const Semi = keyword(['SEMI'], 'reserved');
export const Then = keyword(['THEN'], 'reserved');
export const True = keyword(['TRUE'], 'reserved');
export const Union = keyword(['UNION'], 'reserved');
export const Using = keyword(['USING'], 'reserved');
export const Values = keyword(['VALUES'], 'reserved');
export const When = keyword(['WHEN'], 'reserved');
export const Where = keyword(['WHERE'], 'reserved');
export const With = keyword(['WITH'], 'reserved');

// Non-reserved words that start a clause after a select item or a table.
export const Cluster = keyword(['CLUSTER'], 'clause');
export const Distribute = keyword(['DISTRIBUTE'], 'clause');
export const Offset = keyword(['OFFSET'], 'clause');
export const Qualify = keyword(['QUALIFY'], 'clause');
export const Sort = keyword(['SORT'], 'clause');
export const Window = keyword(['WINDOW'], 'clause');

// Non-reserved: keywords only where the grammar asks for them, names everywhere else.
// (ARRAY, DATE, MAP and SET get a Keyword suffix so they do not shadow JavaScript globals here.)
export const Analyze = keyword(['ANALYZE'], 'nonReserved');
export const Any = keyword(['ANY'], 'nonReserved');
export const ArrayKeyword = keyword(['ARRAY'], 'nonReserved', [], 'ArrayKeyword');
export const Asc = keyword(['ASC'], 'nonReserved');
export const Between = keyword(['BETWEEN'], 'nonReserved');
export const Cache = keyword(['CACHE'], 'nonReserved');
export const Cast = keyword(['CAST'], 'nonReserved');
export const Codegen = keyword(['CODEGEN'], 'nonReserved');
export const Comment = keyword(['COMMENT'], 'nonReserved');
export const Cost = keyword(['COST'], 'nonReserved');
export const Create = keyword(['CREATE'], 'nonReserved');
export const Cube = keyword(['CUBE'], 'nonReserved');
export const Current = keyword(['CURRENT'], 'nonReserved');
export const DateKeyword = keyword(['DATE'], 'nonReserved', [], 'DateKeyword');
export const Desc = keyword(['DESC'], 'nonReserved');
export const Describe = keyword(['DESCRIBE'], 'nonReserved');
export const Div = keyword(['DIV'], 'nonReserved', [MultiplicativeOperator]);
export const Drop = keyword(['DROP'], 'nonReserved');
export const Escape = keyword(['ESCAPE'], 'nonReserved');
export const Exists = keyword(['EXISTS'], 'nonReserved');
export const Explain = keyword(['EXPLAIN'], 'nonReserved');
export const Extended = keyword(['EXTENDED'], 'nonReserved');
export const Extract = keyword(['EXTRACT'], 'nonReserved');
export const Filter = keyword(['FILTER'], 'nonReserved');
export const First = keyword(['FIRST'], 'nonReserved');
export const Following = keyword(['FOLLOWING'], 'nonReserved');
export const Formatted = keyword(['FORMATTED'], 'nonReserved');
export const Global = keyword(['GLOBAL'], 'nonReserved');
export const Grouping = keyword(['GROUPING'], 'nonReserved');
export const If = keyword(['IF'], 'nonReserved');
export const Ignore = keyword(['IGNORE'], 'nonReserved');
export const Ilike = keyword(['ILIKE'], 'nonReserved');
export const Insert = keyword(['INSERT'], 'nonReserved');
export const Interval = keyword(['INTERVAL'], 'nonReserved');
export const Last = keyword(['LAST'], 'nonReserved');
export const Lazy = keyword(['LAZY'], 'nonReserved');
export const Like = keyword(['LIKE'], 'nonReserved');
export const Location = keyword(['LOCATION'], 'nonReserved');
export const MapKeyword = keyword(['MAP'], 'nonReserved', [], 'MapKeyword');
export const Nulls = keyword(['NULLS'], 'nonReserved');
export const Options = keyword(['OPTIONS'], 'nonReserved');
export const Over = keyword(['OVER'], 'nonReserved');
export const Overwrite = keyword(['OVERWRITE'], 'nonReserved');
export const Partition = keyword(['PARTITION'], 'nonReserved');
export const Partitioned = keyword(['PARTITIONED'], 'nonReserved');
export const Preceding = keyword(['PRECEDING'], 'nonReserved');
export const Range = keyword(['RANGE'], 'nonReserved');
export const Recursive = keyword(['RECURSIVE'], 'nonReserved');
export const Regexp = keyword(['REGEXP'], 'nonReserved');
export const Replace = keyword(['REPLACE'], 'nonReserved');
export const Reset = keyword(['RESET'], 'nonReserved');
export const Respect = keyword(['RESPECT'], 'nonReserved');
export const Rlike = keyword(['RLIKE'], 'nonReserved');
export const Rollup = keyword(['ROLLUP'], 'nonReserved');
export const Row = keyword(['ROW'], 'nonReserved');
export const Rows = keyword(['ROWS'], 'nonReserved');
export const SetKeyword = keyword(['SET'], 'nonReserved', [], 'SetKeyword');
export const Sets = keyword(['SETS'], 'nonReserved');
export const Show = keyword(['SHOW'], 'nonReserved');
export const Some = keyword(['SOME'], 'nonReserved');
export const Struct = keyword(['STRUCT'], 'nonReserved');
export const Table = keyword(['TABLE'], 'nonReserved');
export const Tables = keyword(['TABLES'], 'nonReserved');
export const Temporary = keyword(['TEMPORARY', 'TEMP'], 'nonReserved');
export const Timestamp = keyword(['TIMESTAMP'], 'nonReserved');
export const TimestampLtz = keyword(['TIMESTAMP_LTZ'], 'nonReserved');
export const TimestampNtz = keyword(['TIMESTAMP_NTZ'], 'nonReserved');
export const To = keyword(['TO'], 'nonReserved');
export const TryCast = keyword(['TRY_CAST'], 'nonReserved');
export const Unbounded = keyword(['UNBOUNDED'], 'nonReserved');
export const Uncache = keyword(['UNCACHE'], 'nonReserved');
export const Verbose = keyword(['VERBOSE'], 'nonReserved');
export const View = keyword(['VIEW'], 'nonReserved');

// Interval units, singular or plural.
export const Year = keyword(['YEAR', 'YEARS'], 'nonReserved', [IntervalUnit]);
export const Month = keyword(['MONTH', 'MONTHS'], 'nonReserved', [IntervalUnit]);
export const Week = keyword(['WEEK', 'WEEKS'], 'nonReserved', [IntervalUnit]);
export const Day = keyword(['DAY', 'DAYS'], 'nonReserved', [IntervalUnit]);
export const Hour = keyword(['HOUR', 'HOURS'], 'nonReserved', [IntervalUnit]);
export const Minute = keyword(['MINUTE', 'MINUTES'], 'nonReserved', [IntervalUnit]);
export const Second = keyword(['SECOND', 'SECONDS'], 'nonReserved', [IntervalUnit]);
export const Millisecond = keyword(['MILLISECOND', 'MILLISECONDS'], 'nonReserved', [IntervalUnit]);
export const Microsecond = keyword(['MICROSECOND', 'MICROSECONDS'], 'nonReserved', [IntervalUnit]);

// ───────────────────────────── operators and punctuation ─────────────────────────────

function symbol(name: string, pattern: RegExp, label: string, categories: readonly TokenType[] = []): TokenType {
  return createToken({ name, pattern, label: `\`${label}\``, categories: [RawText, ...categories], line_breaks: false });
}

export const NullSafeEquals = symbol('NullSafeEquals', /<=>/, '<=>', [ComparisonOperator]);
export const LessOrEqual = symbol('LessOrEqual', /<=/, '<=', [ComparisonOperator]);
/** `<>` and `!=`. */
export const NotEquals = symbol('NotEquals', /<>|!=/, '<>', [ComparisonOperator]);
export const LessThan = symbol('LessThan', /</, '<', [ComparisonOperator]);
export const GreaterOrEqual = symbol('GreaterOrEqual', />=/, '>=', [ComparisonOperator]);
export const GreaterThan = symbol('GreaterThan', />/, '>', [ComparisonOperator]);
/** `=` and `==`. */
export const Equals = symbol('Equals', /==?/, '=', [ComparisonOperator]);
export const DoubleAmpersand = symbol('DoubleAmpersand', /&&/, '&&');
export const Ampersand = symbol('Ampersand', /&/, '&');
export const Concat = symbol('Concat', /\|\|/, '||', [AdditiveOperator]);
export const Pipe = symbol('Pipe', /\|/, '|');
export const Caret = symbol('Caret', /\^/, '^');
export const Tilde = symbol('Tilde', /~/, '~', [UnaryOperator]);
export const DoubleColon = symbol('DoubleColon', /::/, '::');
export const Colon = symbol('Colon', /:/, ':');
export const Plus = symbol('Plus', /\+/, '+', [AdditiveOperator, UnaryOperator]);
export const MinusSign = symbol('MinusSign', /-/, '-', [AdditiveOperator, UnaryOperator]);
export const Star = symbol('Star', /\*/, '*', [MultiplicativeOperator]);
export const Slash = symbol('Slash', /\//, '/', [MultiplicativeOperator]);
export const Percent = symbol('Percent', /%/, '%', [MultiplicativeOperator]);
export const LParen = symbol('LParen', /\(/, '(');
export const RParen = symbol('RParen', /\)/, ')');
export const LBracket = symbol('LBracket', /\[/, '[');
export const RBracket = symbol('RBracket', /]/, ']');
export const Comma = symbol('Comma', /,/, ',');
export const Dot = symbol('Dot', /\./, '.');
export const Semicolon = createToken({ name: 'Semicolon', pattern: /;/, label: '`;`', line_breaks: false });

// ───────────────────────────── the lexer ─────────────────────────────

// Longer keywords first, so `DESC` does not take the start of `DESCRIBE` nor `IN` that of `INNER`.
const keywordsLongestFirst = [...keywordTokens].sort((a, b) => longestWord.get(b)! - longestWord.get(a)!);

const sqlMode: TokenType[] = [
  WhiteSpace,
  LineComment,
  HintStart,
  BlockComment,
  UnterminatedComment,
  StringLiteral,
  UnterminatedString,
  BinaryLiteral,
  QuotedIdentifier,
  UnterminatedQuotedIdentifier,
  NumberLiteral,
  ...keywordsLongestFirst,
  UnquotedIdentifier,
  NullSafeEquals,
  LessOrEqual,
  NotEquals,
  LessThan,
  GreaterOrEqual,
  GreaterThan,
  Equals,
  DoubleAmpersand,
  Ampersand,
  Concat,
  Pipe,
  Caret,
  Tilde,
  DoubleColon,
  Colon,
  Plus,
  MinusSign,
  Star,
  Slash,
  Percent,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
  Dot,
  Semicolon,
];

// Inside a hint only names, literals and punctuation; keywords are plain names there.
const hintMode: TokenType[] = [
  WhiteSpace,
  HintEnd,
  StringLiteral,
  UnterminatedString,
  QuotedIdentifier,
  UnterminatedQuotedIdentifier,
  NumberLiteral,
  UnquotedIdentifier,
  LParen,
  RParen,
  Comma,
  Dot,
];

/** Every token type the parser can see, categories included. */
export const allTokens: TokenType[] = [
  ...new Set([
    ...sqlMode,
    ...hintMode,
    Identifier,
    ClauseKeyword,
    RawText,
    IntervalUnit,
    ComparisonOperator,
    AdditiveOperator,
    MultiplicativeOperator,
    UnaryOperator,
  ]),
];

/** Lower-cased words that lex as keywords; a name spelled like one is quoted when printed. */
export const KEYWORDS: ReadonlySet<string> = keywordWords;
/** Lower-cased words that can never be a name unless quoted. */
export const RESERVED_WORDS: ReadonlySet<string> = reservedWords;

let lexer: Lexer | undefined;

/** The lexer, built on first use. Definition checks run only under test, where they catch grammar mistakes. */
export function sqlLexer(): Lexer {
  lexer ??= new Lexer(
    { modes: { [SQL_MODE]: sqlMode, [HINT_MODE]: hintMode }, defaultMode: SQL_MODE },
    { positionTracking: 'full', skipValidations: !process.env['VITEST'], ensureOptimizations: !!process.env['VITEST'] },
  );
  return lexer;
}
