// Prints a syntax tree as one line of Spark SQL that parses back to the same tree (spans aside).
import { KEYWORDS, RESERVED_WORDS } from '../../grammar/tokens.js';
import { assertNever } from '../common/assert-never.js';
import { typeToString } from '../types/data-type.js';
import type { DataType, StructField } from '../types/data-type.js';
import type * as A from './ast.js';

/**
 * @example
 * printSql(parseExpression('a+1 * -b')) // 'a + 1 * -b'
 * printSql(parseStatement("select `my col` from t where d >= date '2024-01-01'"))
 * // "SELECT `my col` FROM t WHERE d >= DATE '2024-01-01'"
 */
export function printSql(node: A.Statement | A.Query | A.Expr): string {
  if (node.kind === 'query') return printQuery(node);
  if (Object.hasOwn(STATEMENT_KINDS, node.kind)) return printStatement(node as A.Statement);
  return printExpr(node as A.Expr);
}

const STATEMENT_KINDS: Record<A.StatementKind, true> = {
  queryStatement: true,
  explain: true,
  createView: true,
  createViewUsing: true,
  createTable: true,
  insert: true,
  drop: true,
  set: true,
  reset: true,
  showTables: true,
  describe: true,
  cacheTable: true,
  uncacheTable: true,
};

// ───────────────────────────── statements ─────────────────────────────

function printStatement(s: A.Statement): string {
  switch (s.kind) {
    case 'queryStatement':
      return printQuery(s.query);
    case 'explain':
      return `EXPLAIN ${s.mode === 'simple' ? '' : `${s.mode.toUpperCase()} `}${printStatement(s.statement)}`;
    case 'createView':
      return words(
        'CREATE',
        s.orReplace && 'OR REPLACE',
        s.global && 'GLOBAL',
        s.temporary && 'TEMPORARY',
        'VIEW',
        s.ifNotExists && 'IF NOT EXISTS',
        name(s.name) + (s.columns ? ` (${s.columns.map(identifier).join(', ')})` : ''),
        'AS',
        printQuery(s.query),
      );
    case 'createViewUsing':
      return words(
        'CREATE',
        s.orReplace && 'OR REPLACE',
        s.global && 'GLOBAL',
        'TEMPORARY VIEW',
        name(s.name),
        `USING ${identifier(s.format)}`,
        s.options.length > 0 && printOptions(s.options),
      );
    case 'createTable':
      return words(
        'CREATE',
        s.orReplace && 'OR REPLACE',
        'TABLE',
        s.ifNotExists && 'IF NOT EXISTS',
        name(s.name),
        s.columns && `(${s.columns.map(printColumnDefinition).join(', ')})`,
        `USING ${identifier(s.format)}`,
        s.options.length > 0 && printOptions(s.options),
        s.partitionedBy.length > 0 && `PARTITIONED BY (${s.partitionedBy.map(identifier).join(', ')})`,
        s.location !== undefined && `LOCATION ${quoteString(s.location)}`,
        s.query && `AS ${printQuery(s.query)}`,
      );
    case 'insert':
      return words(
        'INSERT',
        s.overwrite ? 'OVERWRITE' : 'INTO',
        'TABLE',
        name(s.table),
        s.partition && `PARTITION (${s.partition.map(printPartitionEntry).join(', ')})`,
        printQuery(s.query),
      );
    case 'drop':
      return words('DROP', s.objectType.toUpperCase(), s.ifExists && 'IF EXISTS', name(s.name));
    case 'set':
      // Key and value are raw text: they are printed as they were written.
      return words('SET', s.key, s.value !== undefined && `= ${s.value}`);
    case 'reset':
      return words('RESET', s.key);
    case 'showTables':
      return 'SHOW TABLES';
    case 'describe':
      return words('DESCRIBE', s.extended && 'EXTENDED', name(s.table));
    case 'cacheTable':
      return words('CACHE', s.lazy && 'LAZY', 'TABLE', name(s.name), s.query && `AS ${printQuery(s.query)}`);
    case 'uncacheTable':
      return words('UNCACHE TABLE', s.ifExists && 'IF EXISTS', name(s.name));
    default:
      return assertNever(s, 'statement');
  }
}

function printColumnDefinition(c: A.ColumnDefinition): string {
  return words(
    identifier(c.name),
    printType(c.type),
    !c.nullable && 'NOT NULL',
    c.comment !== undefined && `COMMENT ${quoteString(c.comment)}`,
  );
}

function printOptions(options: readonly A.OptionEntry[]): string {
  const optionKey = (key: string) => (key.split('.').every(isBareName) ? key : quoteString(key));
  return `OPTIONS (${options.map((o) => `${optionKey(o.key)} ${quoteString(o.value)}`).join(', ')})`;
}

function printPartitionEntry(p: A.PartitionSpecEntry): string {
  return p.value ? `${identifier(p.column)} = ${printExpr(p.value)}` : identifier(p.column);
}

// ───────────────────────────── queries ─────────────────────────────

function printQuery(q: A.Query): string {
  return words(
    q.with && printWith(q.with),
    printBody(q.body),
    q.orderBy.length > 0 && `ORDER BY ${q.orderBy.map(printSortItem).join(', ')}`,
    q.clusterBy.length > 0 && `CLUSTER BY ${q.clusterBy.map(printExpr).join(', ')}`,
    q.distributeBy.length > 0 && `DISTRIBUTE BY ${q.distributeBy.map(printExpr).join(', ')}`,
    q.sortBy.length > 0 && `SORT BY ${q.sortBy.map(printSortItem).join(', ')}`,
    q.limit && `LIMIT ${printExpr(q.limit)}`,
    q.offset && `OFFSET ${printExpr(q.offset)}`,
  );
}

function printWith(w: A.WithClause): string {
  const ctes = w.ctes.map((cte) =>
    words(
      identifier(cte.name),
      cte.columns && `(${cte.columns.map(identifier).join(', ')})`,
      `AS (${printQuery(cte.query)})`,
    ),
  );
  return words('WITH', w.recursive && 'RECURSIVE', ctes.join(', '));
}

/**
 * Set operations associate to the left and INTERSECT binds tighter, so an operand that the grammar would group
 * differently is parenthesised (it then parses back as a NestedQuery, which means the same).
 */
function printBody(b: A.QueryBody): string {
  switch (b.kind) {
    case 'select':
      return printSelect(b);
    case 'valuesBody':
      return printValues(b.rows);
    case 'tableBody':
      return `TABLE ${name(b.name)}`;
    case 'nestedQuery':
      return `(${printQuery(b.query)})`;
    case 'setOperation': {
      const isUnionLike = (x: A.QueryBody) => x.kind === 'setOperation' && x.op !== 'intersect';
      const leftNeedsParens = b.op === 'intersect' && isUnionLike(b.left);
      const rightNeedsParens = b.op === 'intersect' ? b.right.kind === 'setOperation' : isUnionLike(b.right);
      const left = leftNeedsParens ? `(${printBody(b.left)})` : printBody(b.left);
      const right = rightNeedsParens ? `(${printBody(b.right)})` : printBody(b.right);
      return words(left, b.op.toUpperCase(), b.all && 'ALL', right);
    }
    default:
      return assertNever(b, 'query body');
  }
}

function printSelect(s: A.Select): string {
  return words(
    'SELECT',
    s.hints.length > 0 && `/*+ ${s.hints.map(printHint).join(', ')} */`,
    s.distinct && 'DISTINCT',
    s.items.map(printSelectItem).join(', '),
    s.from.length > 0 && `FROM ${s.from.map(printRelation).join(', ')}`,
    s.where && `WHERE ${printExpr(s.where)}`,
    s.groupBy && `GROUP BY ${printGroupBy(s.groupBy)}`,
    s.having && `HAVING ${printExpr(s.having)}`,
    s.windows.length > 0 &&
      `WINDOW ${s.windows.map((w) => `${identifier(w.name)} AS ${printWindowSpec(w.spec)}`).join(', ')}`,
    s.qualify && `QUALIFY ${printExpr(s.qualify)}`,
  );
}

function printHint(h: A.Hint): string {
  return h.args.length > 0 ? `${h.name}(${h.args.map(printExpr).join(', ')})` : h.name;
}

function printSelectItem(item: A.SelectItem): string {
  if (item.kind === 'star') return item.qualifier ? `${name(item.qualifier)}.*` : '*';
  return item.alias !== undefined ? `${printExpr(item.expr)} AS ${identifier(item.alias)}` : printExpr(item.expr);
}

function printGroupBy(g: A.GroupBy): string {
  if (g.all) return 'ALL';
  return g.elements
    .map((e) => {
      switch (e.kind) {
        case 'groupExpr':
          return printExpr(e.expr);
        case 'rollup':
        case 'cube':
          return `${e.kind.toUpperCase()}(${e.items.map(printGroupingItem).join(', ')})`;
        case 'groupingSets':
          return `GROUPING SETS (${e.sets.map(printRow).join(', ')})`;
        default:
          return assertNever(e, 'grouping element');
      }
    })
    .join(', ');
}

/** A ROLLUP or CUBE item: a lone expression bare where that reads back the same, else a parenthesised row. */
function printGroupingItem(exprs: readonly A.Expr[]): string {
  const text = exprs.length === 1 ? printExpr(exprs[0]!) : '';
  return text && !text.startsWith('(') ? text : printRow(exprs);
}

/**
 * A row of values or a grouping set: `(a, b)`. A lone scalar subquery stays bare, since `((SELECT …))` would read
 * back as a subquery over a parenthesised query.
 */
function printRow(exprs: readonly A.Expr[]): string {
  if (exprs.length === 1 && exprs[0]!.kind === 'scalarSubquery') return printExpr(exprs[0]!);
  return `(${exprs.map(printExpr).join(', ')})`;
}

function printValues(rows: readonly (readonly A.Expr[])[]): string {
  return `VALUES ${rows.map(printRow).join(', ')}`;
}

function printSortItem(s: A.SortItem): string {
  return words(printExpr(s.expr), s.direction?.toUpperCase(), s.nulls && `NULLS ${s.nulls.toUpperCase()}`);
}

// ───────────────────────────── relations ─────────────────────────────

function printRelation(r: A.Relation): string {
  switch (r.kind) {
    case 'tableRef':
      return words(name(r.name), printAlias(r.alias));
    case 'fileRef':
      return words(`${identifier(r.format)}.${quoteIdentifier(r.path)}`, printAlias(r.alias));
    case 'subqueryRef':
      return words(`(${printQuery(r.query)})`, printAlias(r.alias));
    case 'valuesRef':
      return words(printValues(r.rows), printAlias(r.alias));
    case 'tableFunctionRef':
      return words(`${functionName(r.name)}(${r.args.map(printExpr).join(', ')})`, printAlias(r.alias));
    case 'join': {
      // Joins nest to the left; a join on the right needs parentheses.
      const right = r.right.kind === 'join' ? `(${printRelation(r.right)})` : printRelation(r.right);
      const criteria =
        r.criteria?.kind === 'on'
          ? `ON ${printExpr(r.criteria.condition)}`
          : r.criteria && `USING (${r.criteria.columns.map(identifier).join(', ')})`;
      return words(printRelation(r.left), r.natural && 'NATURAL', JOIN_KEYWORDS[r.joinType], right, criteria);
    }
    default:
      return assertNever(r, 'relation');
  }
}

const JOIN_KEYWORDS: Record<A.JoinType, string> = {
  inner: 'JOIN',
  left: 'LEFT JOIN',
  right: 'RIGHT JOIN',
  full: 'FULL JOIN',
  cross: 'CROSS JOIN',
  semi: 'LEFT SEMI JOIN',
  anti: 'LEFT ANTI JOIN',
};

function printAlias(alias: A.TableAlias | undefined): string | undefined {
  if (!alias) return undefined;
  return `AS ${identifier(alias.name)}${alias.columns ? `(${alias.columns.map(identifier).join(', ')})` : ''}`;
}

// ───────────────────────────── expressions ─────────────────────────────

/** Binding strength, loosest first, following the grammar's precedence ladder. */
const Level = {
  Or: 1,
  And: 2,
  Not: 3,
  Predicate: 4,
  Comparison: 5,
  BitOr: 6,
  BitXor: 7,
  BitAnd: 8,
  Additive: 9,
  Multiplicative: 10,
  Unary: 11,
  Postfix: 12,
  Atom: 13,
} as const;

const BINARY_LEVELS: Record<A.BinaryOperator, number> = {
  or: Level.Or,
  and: Level.And,
  '=': Level.Comparison,
  '<>': Level.Comparison,
  '<': Level.Comparison,
  '<=': Level.Comparison,
  '>': Level.Comparison,
  '>=': Level.Comparison,
  '<=>': Level.Comparison,
  '|': Level.BitOr,
  '^': Level.BitXor,
  '&': Level.BitAnd,
  '+': Level.Additive,
  '-': Level.Additive,
  '||': Level.Additive,
  '*': Level.Multiplicative,
  '/': Level.Multiplicative,
  '%': Level.Multiplicative,
  div: Level.Multiplicative,
};

function printExpr(e: A.Expr): string {
  return print(e).text;
}

/** `e` printed so that it parses as an operand that binds at least as tightly as `level`. */
function operand(e: A.Expr, level: number): string {
  const printed = print(e);
  return printed.level >= level ? printed.text : `(${printed.text})`;
}

function print(e: A.Expr): { text: string; level: number } {
  const atom = (text: string) => ({ text, level: Level.Atom });
  const predicate = (text: string) => ({ text, level: Level.Predicate });
  const not = (negated: boolean) => (negated ? 'NOT' : undefined);
  switch (e.kind) {
    case 'literal':
      return atom(printLiteral(e.literal));
    case 'interval':
      return atom(printInterval(e));
    case 'column':
      return atom(name(e.parts));
    case 'starArg':
      return atom(e.qualifier ? `${name(e.qualifier)}.*` : '*');
    case 'unary': {
      if (e.op === 'not') {
        // A bare `NOT EXISTS (…)` would read back as one negated EXISTS.
        const inner =
          e.operand.kind === 'exists' && !e.operand.negated
            ? `(${printExpr(e.operand)})`
            : operand(e.operand, Level.Not);
        return { text: `NOT ${inner}`, level: Level.Not };
      }
      const inner = operand(e.operand, Level.Unary);
      // `- -1` must not become the comment `--1`.
      return { text: inner.startsWith('-') ? `${e.op}(${inner})` : `${e.op}${inner}`, level: Level.Unary };
    }
    case 'binary': {
      const level = BINARY_LEVELS[e.op];
      const op = /^[a-z]/.test(e.op) ? e.op.toUpperCase() : e.op;
      return { text: `${operand(e.left, level)} ${op} ${operand(e.right, level + 1)}`, level };
    }
    case 'isNull':
      return predicate(words(operand(e.operand, Level.Comparison), 'IS', not(e.negated), 'NULL'));
    case 'isDistinctFrom':
      return predicate(
        words(operand(e.left, Level.Comparison), 'IS', not(e.negated), 'DISTINCT FROM', operand(e.right, Level.Comparison)),
      );
    case 'between':
      return predicate(
        words(
          operand(e.operand, Level.Comparison),
          not(e.negated),
          'BETWEEN',
          operand(e.low, Level.Comparison),
          'AND',
          operand(e.high, Level.Comparison),
        ),
      );
    case 'inList':
      return predicate(
        words(operand(e.operand, Level.Comparison), not(e.negated), `IN (${e.list.map(printExpr).join(', ')})`),
      );
    case 'inSubquery': {
      const operands =
        e.operands.length === 1 ? operand(e.operands[0]!, Level.Comparison) : `(${e.operands.map(printExpr).join(', ')})`;
      return predicate(words(operands, not(e.negated), `IN (${printQuery(e.query)})`));
    }
    case 'exists':
      return e.negated
        ? { text: `NOT EXISTS (${printQuery(e.query)})`, level: Level.Not }
        : atom(`EXISTS (${printQuery(e.query)})`);
    case 'scalarSubquery':
      return atom(`(${printQuery(e.query)})`);
    case 'like': {
      const patterns = e.quantifier
        ? `${e.quantifier.toUpperCase()} (${e.patterns.map(printExpr).join(', ')})`
        : operand(e.patterns[0]!, Level.Comparison);
      return predicate(
        words(
          operand(e.operand, Level.Comparison),
          not(e.negated),
          e.op.toUpperCase(),
          patterns,
          e.escape !== undefined && `ESCAPE ${quoteString(e.escape)}`,
        ),
      );
    }
    case 'case':
      return atom(
        words(
          'CASE',
          e.operand && printExpr(e.operand),
          ...e.whens.map((w) => `WHEN ${printExpr(w.when)} THEN ${printExpr(w.then)}`),
          e.else && `ELSE ${printExpr(e.else)}`,
          'END',
        ),
      );
    case 'cast':
      return atom(`${e.safe ? 'TRY_CAST' : 'CAST'}(${printExpr(e.operand)} AS ${printType(e.type)})`);
    case 'call':
      return atom(printCall(e));
    case 'extract':
      return atom(`EXTRACT(${keywordOrName(e.field)} FROM ${printExpr(e.operand)})`);
    case 'subscript':
      return { text: `${operand(e.base, Level.Postfix)}[${printExpr(e.index)}]`, level: Level.Postfix };
    case 'fieldAccess': {
      // A column base would merge into a dotted name, and `1.a` would lex as the number `1.`.
      const mergesWithBase = e.base.kind === 'column' || (e.base.kind === 'literal' && e.base.literal.type === 'number');
      const base = mergesWithBase ? `(${printExpr(e.base)})` : operand(e.base, Level.Postfix);
      return { text: `${base}.${identifier(e.field)}`, level: Level.Postfix };
    }
    default:
      return assertNever(e, 'expression');
  }
}

function printLiteral(l: A.Literal): string {
  switch (l.type) {
    case 'null':
      return 'NULL';
    case 'boolean':
      return l.value ? 'TRUE' : 'FALSE';
    case 'number':
      return l.text + (l.suffix ?? '');
    case 'string':
      return quoteString(l.value);
    case 'typed':
      return `${l.typeName.toUpperCase()} ${quoteString(l.value)}`;
    case 'binary':
      return `X'${l.hex}'`;
    default:
      return assertNever(l, 'literal');
  }
}

function printInterval(e: A.IntervalExpr): string {
  // A plain (signed) number prints bare; anything else, and a part without unit, as a string.
  const value = (v: string, unit: A.IntervalUnit | undefined) =>
    unit && /^-?(\d+(\.\d*)?|\.\d+)$/.test(v) ? v : quoteString(v);
  const parts = e.parts.map((p) => words(value(p.value, p.unit), p.unit?.toUpperCase()));
  return words('INTERVAL', ...parts, e.to && `TO ${e.to.toUpperCase()}`);
}

function printCall(e: A.FunctionCallExpr): string {
  const args = e.args.map(printExpr).join(', ');
  return words(
    `${functionName(e.name)}(${e.distinct ? `DISTINCT ${args}` : args})`,
    e.filter && `FILTER (WHERE ${printExpr(e.filter)})`,
    e.nulls && `${e.nulls.toUpperCase()} NULLS`,
    e.over && `OVER ${e.over.kind === 'windowRef' ? identifier(e.over.name) : printWindowSpec(e.over)}`,
  );
}

function printWindowSpec(w: A.WindowSpec): string {
  const inner = words(
    w.base !== undefined && identifier(w.base),
    w.partitionBy.length > 0 && `PARTITION BY ${w.partitionBy.map(printExpr).join(', ')}`,
    w.orderBy.length > 0 && `ORDER BY ${w.orderBy.map(printSortItem).join(', ')}`,
    w.frame && printFrame(w.frame),
  );
  return `(${inner})`;
}

function printFrame(f: A.WindowFrame): string {
  const bound = (b: A.FrameBound): string => {
    switch (b.kind) {
      case 'unboundedPreceding':
        return 'UNBOUNDED PRECEDING';
      case 'unboundedFollowing':
        return 'UNBOUNDED FOLLOWING';
      case 'currentRow':
        return 'CURRENT ROW';
      case 'preceding':
      case 'following':
        return `${operand(b.offset, Level.Comparison)} ${b.kind.toUpperCase()}`;
      default:
        return assertNever(b, 'frame bound');
    }
  };
  const unit = f.unit.toUpperCase();
  return f.end ? `${unit} BETWEEN ${bound(f.start)} AND ${bound(f.end)}` : `${unit} ${bound(f.start)}`;
}

// ───────────────────────────── types, names, strings ─────────────────────────────

/** Like typeToString, but with quoted field names and NOT NULL, so that the type parses back. */
function printType(t: DataType): string {
  switch (t.kind) {
    case 'decimal':
      return `decimal(${t.precision},${t.scale})`;
    case 'array':
      return `array<${printType(t.element)}>`;
    case 'map':
      return `map<${printType(t.key)},${printType(t.value)}>`;
    case 'struct': {
      const field = (f: StructField) => `${identifier(f.name)}:${printType(f.type)}${f.nullable ? '' : ' NOT NULL'}`;
      return `struct<${t.fields.map(field).join(',')}>`;
    }
    default:
      // Scalar types print as Spark names them (void for NULL's type).
      return typeToString(t);
  }
}

function isBareName(text: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(text);
}

/**
 * A name, quoted unless it is a plain word that is no keyword. Non-reserved keywords are names to the grammar
 * too, but in a few places (`interval - 1`, a frame bound `unbounded PRECEDING`) they would read as the keyword.
 */
function identifier(text: string): string {
  return isBareName(text) && !KEYWORDS.has(text.toLowerCase()) ? text : quoteIdentifier(text);
}

function name(parts: readonly string[]): string {
  return parts.map(identifier).join('.');
}

/** A name where the grammar takes any non-reserved keyword as a name, as in `EXTRACT(year FROM d)`. */
function keywordOrName(text: string): string {
  return isBareName(text) && !RESERVED_WORDS.has(text.toLowerCase()) ? text : quoteIdentifier(text);
}

/** Words that start a special form when `(` follows (`CAST(`, `ROLLUP(` in GROUP BY, `LIKE ANY(`). */
const SPECIAL_BEFORE_PARENTHESIS: ReadonlySet<string> = new Set([
  'cast',
  'try_cast',
  'extract',
  'exists',
  'rollup',
  'cube',
  'any',
  'some',
]);

/**
 * A function name: non-reserved keywords stay bare (`date(x)`, `first(x)`), except those that start special forms;
 * so do `left` and `right`, reserved words the grammar takes as function names.
 */
function functionName(parts: readonly string[]): string {
  const [only] = parts;
  if (parts.length === 1 && /^(left|right)$/i.test(only!)) return only!;
  return parts
    .map((part) => (SPECIAL_BEFORE_PARENTHESIS.has(part.toLowerCase()) ? quoteIdentifier(part) : keywordOrName(part)))
    .join('.');
}

function quoteIdentifier(text: string): string {
  return `\`${text.replace(/`/g, '``')}\``;
}

function quoteString(value: string): string {
  const escaped = value.replace(/[\\'\n\r\t]/g, (c) => STRING_ESCAPES[c]!);
  return `'${escaped}'`;
}

const STRING_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Joins the present parts with single spaces. */
function words(...parts: (string | false | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' ');
}
