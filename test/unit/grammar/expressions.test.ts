// Parser tests for expressions: Spark's precedence ladder and every expression form, asserted on the AST.
import { describe, expect, it } from 'vitest';
import type { Expr, Query } from '../../../src/ast/ast.js';
import { parseExpression } from '../../../src/ast/parse.js';
import { stripSpans } from '../../../src/ast/strip-spans.js';
import { arrayOf, decimal, T } from '../../../src/types/data-type.js';

const parse = (sql: string): Expr => stripSpans(parseExpression(sql));
const col = (...parts: string[]): Expr => ({ kind: 'column', parts });
const num = (text: string): Expr => ({ kind: 'literal', literal: { type: 'number', text } });
const str = (value: string): Expr => ({ kind: 'literal', literal: { type: 'string', value } });
const bin = (op: string, left: Expr, right: Expr): Expr => ({ kind: 'binary', op, left, right }) as Expr;
const a = col('a');
const b = col('b');
const c = col('c');
/** `SELECT 1` as a subquery tree. */
const select1: Query = {
  kind: 'query',
  body: {
    kind: 'select',
    hints: [],
    distinct: false,
    items: [{ kind: 'exprItem', expr: num('1') }],
    from: [],
    windows: [],
  },
  orderBy: [],
  sortBy: [],
  distributeBy: [],
  clusterBy: [],
};

describe('precedence', () => {
  it('OR < AND < NOT < comparison', () => {
    expect(parse('NOT a = b AND c OR a')).toEqual(
      bin('or', bin('and', { kind: 'unary', op: 'not', operand: bin('=', a, b) }, c), a),
    );
  });

  it('comparison < | < ^ < & < + - || < * / % DIV', () => {
    expect(parse('a = b | c ^ a & b + c * a')).toEqual(
      bin('=', a, bin('|', b, bin('^', c, bin('&', a, bin('+', b, bin('*', c, a)))))),
    );
    expect(parse('a || b - c % a DIV b')).toEqual(bin('-', bin('||', a, b), bin('div', bin('%', c, a), b)));
  });

  it('binary operators associate to the left, comparisons too', () => {
    expect(parse('a - b - c')).toEqual(bin('-', bin('-', a, b), c));
    expect(parse('a / b * c')).toEqual(bin('*', bin('/', a, b), c));
    expect(parse('a = b = c')).toEqual(bin('=', bin('=', a, b), c));
  });

  it('unary binds tighter than * and looser than postfix', () => {
    expect(parse('-a * b')).toEqual(bin('*', { kind: 'unary', op: '-', operand: a }, b));
    expect(parse('-a::int')).toEqual({ kind: 'unary', op: '-', operand: { kind: 'cast', safe: false, operand: a, type: T.int } });
    expect(parse('~a[1]')).toEqual({ kind: 'unary', op: '~', operand: { kind: 'subscript', base: a, index: num('1') } });
    expect(parse('- -1')).toEqual({ kind: 'unary', op: '-', operand: { kind: 'unary', op: '-', operand: num('1') } });
    expect(parse('+a')).toEqual({ kind: 'unary', op: '+', operand: a });
  });

  it('a predicate applies to a whole comparison', () => {
    expect(parse('a = b IS NULL')).toEqual({ kind: 'isNull', negated: false, operand: bin('=', a, b) });
  });

  it('parentheses regroup and leave no node', () => {
    expect(parse('(a + b) * c')).toEqual(bin('*', bin('+', a, b), c));
    expect(parse('((a))')).toEqual(a);
  });

  it('spells operators as the AST does: == is =, != is <>, && is AND', () => {
    expect(parse('a == b')).toEqual(bin('=', a, b));
    expect(parse('a != b')).toEqual(bin('<>', a, b));
    expect(parse('a <> b')).toEqual(bin('<>', a, b));
    expect(parse('a && b')).toEqual(bin('and', a, b));
    expect(parse('a <=> b')).toEqual(bin('<=>', a, b));
    expect(parse('a <= b AND a >= b AND a < b AND a > b')).toEqual(
      bin('and', bin('and', bin('and', bin('<=', a, b), bin('>=', a, b)), bin('<', a, b)), bin('>', a, b)),
    );
  });
});

describe('predicates', () => {
  it('IS [NOT] NULL and IS [NOT] DISTINCT FROM', () => {
    expect(parse('a IS NOT NULL')).toEqual({ kind: 'isNull', negated: true, operand: a });
    expect(parse('a IS DISTINCT FROM b + 1')).toEqual({ kind: 'isDistinctFrom', negated: false, left: a, right: bin('+', b, num('1')) });
    expect(parse('a IS NOT DISTINCT FROM b')).toEqual({ kind: 'isDistinctFrom', negated: true, left: a, right: b });
  });

  it('[NOT] BETWEEN, whose AND is its own', () => {
    expect(parse('a NOT BETWEEN b AND c AND a')).toEqual(
      bin('and', { kind: 'between', negated: true, operand: a, low: b, high: c }, a),
    );
  });

  it('[NOT] IN a list or a subquery, and tuples IN a subquery', () => {
    expect(parse('a IN (1, b)')).toEqual({ kind: 'inList', negated: false, operand: a, list: [num('1'), b] });
    expect(parse('a NOT IN (SELECT 1)')).toEqual({ kind: 'inSubquery', negated: true, operands: [a], query: select1 });
    expect(parse('(a, b) IN (SELECT 1)')).toEqual({ kind: 'inSubquery', negated: false, operands: [a, b], query: select1 });
    expect(parse('(a) IN (SELECT 1)')).toEqual({ kind: 'inSubquery', negated: false, operands: [a], query: select1 });
    expect(parse('a IN ((SELECT 1), 2)')).toEqual({
      kind: 'inList',
      negated: false,
      operand: a,
      list: [{ kind: 'scalarSubquery', query: select1 }, num('2')],
    });
  });

  it('LIKE, ILIKE, RLIKE and REGEXP, negated, with ESCAPE', () => {
    expect(parse("a LIKE 'x%'")).toEqual({ kind: 'like', op: 'like', negated: false, operand: a, patterns: [str('x%')] });
    expect(parse("a NOT ILIKE b ESCAPE '!'")).toEqual({
      kind: 'like',
      op: 'ilike',
      negated: true,
      operand: a,
      patterns: [b],
      escape: '!',
    });
    expect(parse("a RLIKE '^x'")).toEqual({ kind: 'like', op: 'rlike', negated: false, operand: a, patterns: [str('^x')] });
    expect(parse("a NOT REGEXP '^x'")).toEqual({ kind: 'like', op: 'rlike', negated: true, operand: a, patterns: [str('^x')] });
  });

  it('LIKE ANY / SOME / ALL over a list', () => {
    const any = { kind: 'like', op: 'like', negated: false, operand: a, quantifier: 'any', patterns: [str('x'), b] };
    expect(parse("a LIKE ANY ('x', b)")).toEqual(any);
    expect(parse("a LIKE SOME ('x', b)")).toEqual(any);
    expect(parse("a NOT ILIKE ALL ('x')")).toEqual({ ...any, op: 'ilike', negated: true, quantifier: 'all', patterns: [str('x')] });
    // `any(b)` is a function call unless a parenthesis follows the quantifier directly after LIKE.
    expect(parse('a LIKE any(b)')).toMatchObject({ quantifier: 'any', patterns: [b] });
  });

  it('[NOT] EXISTS, scalar subqueries', () => {
    expect(parse('EXISTS (SELECT 1)')).toEqual({ kind: 'exists', negated: false, query: select1 });
    expect(parse('NOT EXISTS (SELECT 1)')).toEqual({ kind: 'exists', negated: true, query: select1 });
    expect(parse('NOT (EXISTS (SELECT 1))')).toEqual({ kind: 'unary', op: 'not', operand: { kind: 'exists', negated: false, query: select1 } });
    expect(parse('NOT EXISTS (SELECT 1) = a')).toEqual({
      kind: 'unary',
      op: 'not',
      operand: bin('=', { kind: 'exists', negated: false, query: select1 }, a),
    });
    expect(parse('(SELECT 1) + 1')).toEqual(bin('+', { kind: 'scalarSubquery', query: select1 }, num('1')));
    expect(parse('((SELECT 1) + 1)')).toEqual(bin('+', { kind: 'scalarSubquery', query: select1 }, num('1')));
  });
});

describe('special forms', () => {
  it('CASE, simple and searched', () => {
    expect(parse('CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END')).toEqual({
      kind: 'case',
      whens: [
        { when: a, then: num('1') },
        { when: b, then: num('2') },
      ],
      else: num('3'),
    });
    expect(parse('CASE a WHEN 1 THEN b END')).toEqual({ kind: 'case', operand: a, whens: [{ when: num('1'), then: b }] });
  });

  it('CAST, TRY_CAST and ::', () => {
    expect(parse('CAST(a AS decimal(10, 2))')).toEqual({ kind: 'cast', safe: false, operand: a, type: decimal(10, 2) });
    expect(parse('TRY_CAST(a AS array<int>)')).toEqual({ kind: 'cast', safe: true, operand: a, type: arrayOf(T.int) });
    expect(parse('a::string')).toEqual({ kind: 'cast', safe: false, operand: a, type: T.string });
  });

  it('EXTRACT, with the field lower-cased', () => {
    expect(parse('EXTRACT(YEAR FROM a)')).toEqual({ kind: 'extract', field: 'year', operand: a });
    expect(parse('extract(DayOfWeek FROM a)')).toEqual({ kind: 'extract', field: 'dayofweek', operand: a });
  });

  it('subscripts and field access on non-names; dotted names are columns', () => {
    expect(parse('a.b.c')).toEqual(col('a', 'b', 'c'));
    expect(parse("m['k']")).toEqual({ kind: 'subscript', base: col('m'), index: str('k') });
    expect(parse('a[0].b')).toEqual({ kind: 'fieldAccess', base: { kind: 'subscript', base: a, index: num('0') }, field: 'b' });
    expect(parse('(a).b')).toEqual({ kind: 'fieldAccess', base: a, field: 'b' });
    expect(parse('f(a).b')).toMatchObject({ kind: 'fieldAccess', base: { kind: 'call', name: ['f'] }, field: 'b' });
  });
});

describe('function calls', () => {
  const call = (name: string[], args: Expr[], extra: object = {}): Expr => ({ kind: 'call', name, distinct: false, args, ...extra }) as Expr;

  it('plain, dotted, with no arguments, count(*), t.*', () => {
    expect(parse('coalesce(a, 1)')).toEqual(call(['coalesce'], [a, num('1')]));
    expect(parse('my_db.f(a)')).toEqual(call(['my_db', 'f'], [a]));
    expect(parse('now()')).toEqual(call(['now'], []));
    expect(parse('count(*)')).toEqual(call(['count'], [{ kind: 'starArg' }]));
    expect(parse('count(t.*)')).toEqual(call(['count'], [{ kind: 'starArg', qualifier: ['t'] }]));
  });

  it('DISTINCT and ALL aggregates', () => {
    expect(parse('count(DISTINCT a, b)')).toEqual(call(['count'], [a, b], { distinct: true }));
    expect(parse('sum(ALL a)')).toEqual(call(['sum'], [a]));
  });

  it('FILTER (WHERE …) and IGNORE / RESPECT NULLS', () => {
    expect(parse('sum(a) FILTER (WHERE b > 1)')).toEqual(call(['sum'], [a], { filter: bin('>', b, num('1')) }));
    expect(parse('first(a) IGNORE NULLS')).toEqual(call(['first'], [a], { nulls: 'ignore' }));
    expect(parse('lag(a) RESPECT NULLS')).toEqual(call(['lag'], [a], { nulls: 'respect' }));
  });

  it('keywords as function names, and left/right', () => {
    expect(parse("if(a, 1, 2)")).toEqual(call(['if'], [a, num('1'), num('2')]));
    expect(parse('date(a)')).toEqual(call(['date'], [a]));
    expect(parse("left('abc', 2)")).toEqual(call(['left'], [str('abc'), num('2')]));
    expect(parse("RIGHT('abc', 2)")).toEqual(call(['RIGHT'], [str('abc'), num('2')]));
  });

  it('windows: OVER a spec, a name, or a name extended', () => {
    expect(parse('rank() OVER (PARTITION BY a ORDER BY b DESC NULLS FIRST)')).toEqual(
      call(['rank'], [], {
        over: { kind: 'windowSpec', partitionBy: [a], orderBy: [{ expr: b, direction: 'desc', nulls: 'first' }] },
      }),
    );
    expect(parse('rank() OVER w')).toEqual(call(['rank'], [], { over: { kind: 'windowRef', name: 'w' } }));
    expect(parse('rank() OVER (w ORDER BY b)')).toEqual(
      call(['rank'], [], { over: { kind: 'windowSpec', base: 'w', partitionBy: [], orderBy: [{ expr: b }] } }),
    );
    expect(parse('rank() OVER ()')).toEqual(call(['rank'], [], { over: { kind: 'windowSpec', partitionBy: [], orderBy: [] } }));
    expect(parse('rank() OVER (DISTRIBUTE BY a SORT BY b)')).toEqual(
      call(['rank'], [], { over: { kind: 'windowSpec', partitionBy: [a], orderBy: [{ expr: b }] } }),
    );
  });

  it('window frames', () => {
    const frameOf = (sql: string) => (parse(`sum(a) OVER (ORDER BY b ${sql})`) as { over: { frame: unknown } }).over.frame;
    expect(frameOf('ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW')).toEqual({
      unit: 'rows',
      start: { kind: 'unboundedPreceding' },
      end: { kind: 'currentRow' },
    });
    expect(frameOf('RANGE BETWEEN 2 PRECEDING AND UNBOUNDED FOLLOWING')).toEqual({
      unit: 'range',
      start: { kind: 'preceding', offset: num('2') },
      end: { kind: 'unboundedFollowing' },
    });
    expect(frameOf('ROWS UNBOUNDED PRECEDING')).toEqual({ unit: 'rows', start: { kind: 'unboundedPreceding' } });
    expect(frameOf("RANGE INTERVAL '1' DAY FOLLOWING")).toEqual({
      unit: 'range',
      start: { kind: 'following', offset: { kind: 'interval', parts: [{ value: '1', unit: 'day' }] } },
    });
  });
});

describe('names', () => {
  it('non-reserved keywords are column names', () => {
    for (const name of ['date', 'year', 'month', 'day', 'value', 'key', 'type', 'count', 'first', 'last', 'range', 'data', 'comment', 'location', 'options', 'format', 'view', 'table', 'interval', 'over', 'filter', 'window', 'sort', 'partition']) {
      expect(parse(`${name} + 1`)).toEqual(bin('+', col(name), num('1')));
    }
    expect(parse('t.date')).toEqual(col('t', 'date'));
  });

  it('backquoted names keep their case and may hold anything; `` is a backquote', () => {
    expect(parse('`My Col`')).toEqual(col('My Col'));
    expect(parse('`a``b`.`select`')).toEqual(col('a`b', 'select'));
  });
});
