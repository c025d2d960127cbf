// fast-check arbitraries of random syntax trees, in the shape the parser produces (no spans), for round-trip tests.
import fc from 'fast-check';
import type * as A from '../../src/ast/ast.js';
import { arrayOf, decimal, mapOf, structOf, T, type DataType } from '../../src/types/data-type.js';

// Trees the printer cannot express differently from the parser's reading are left out, each with its reason:
// - a VALUES relation always has an alias: without one, `FROM VALUES (1), t` reads `t` as another row;
// - an IN list of one scalar subquery, `a IN ((SELECT 1))`, reads as IN (subquery), as in Spark;
// - two-part table names never start with a file format (`parquet.x` is left to FileRelation);
// - a parenthesised join never starts with VALUES: `(VALUES (1) AS v JOIN t)` reads as a subquery.

/** The `kind` tag of a node. */
const kind = <K extends string>(k: K) => fc.constant(k);

// ───────────────────────────── names ─────────────────────────────

/** Plain names, keywords that are names in Spark (printed quoted or bare), and names that need quoting. */
export const identifierArb: fc.Arbitrary<string> = fc.constantFrom(
  'a',
  'b',
  'c_1',
  'l_orderkey',
  'CamelCase',
  '_u',
  'date',
  'year',
  'day',
  'value',
  'key',
  'type',
  'count',
  'first',
  'last',
  'range',
  'comment',
  'location',
  'options',
  'view',
  'table',
  'interval',
  'unbounded',
  'between',
  'rows',
  'partition',
  'sort',
  'window',
  'over',
  'filter',
  'select',
  'from',
  'my col',
  'a`b',
  '1abc',
  'é',
  'a.b',
);

const nameArb = (maxParts: number) => fc.array(identifierArb, { minLength: 1, maxLength: maxParts });

const tableNameArb = nameArb(3).filter((n) => !(n.length === 2 && FILE_FORMATS.includes(n[0]!.toLowerCase())));
const FILE_FORMATS = ['parquet', 'csv', 'json', 'orc', 'text', 'avro'];

const functionNameArb: fc.Arbitrary<readonly string[]> = fc.oneof(
  fc
    .constantFrom(
      'sum',
      'count',
      'max',
      'coalesce',
      'substring',
      'row_number',
      'first',
      'date',
      'if',
      'left',
      'RIGHT',
      'cast',
      'rollup',
      'any',
      'exists',
      'grouping',
      'my fn',
    )
    .map((n) => [n]),
  fc.constant(['my_db', 'f']),
);

// ───────────────────────────── literals and types ─────────────────────────────

const integerText = fc.oneof(fc.constantFrom('0', '1', '42'), fc.nat().map(String));
const fractionText = fc.constantFrom('1.5', '.5', '1.', '0.25', '1e10', '2E-3', '1.5e+7');

const numberLiteralArb: fc.Arbitrary<A.Literal> = fc.oneof(
  fc.record(
    { type: kind('number'), text: integerText, suffix: fc.constantFrom<A.NumberSuffix>('L', 'S', 'Y', 'D', 'F', 'BD') },
    { requiredKeys: ['type', 'text'] },
  ),
  fc.record(
    { type: kind('number'), text: fractionText, suffix: fc.constantFrom<A.NumberSuffix>('D', 'F', 'BD') },
    { requiredKeys: ['type', 'text'] },
  ),
);

/** Strings rich in characters that need escaping. */
const stringValueArb = fc.string({
  unit: fc.constantFrom("'", '"', '\\', '\n', '\t', '\r', 'a', 'Z', ' ', 'é', '%', '_', '`', '$', ';', '-', '/', '*', '😀'),
  maxLength: 8,
});

const literalArb: fc.Arbitrary<A.Literal> = fc.oneof(
  fc.constant({ type: 'null' as const }),
  fc.boolean().map((value) => ({ type: 'boolean' as const, value })),
  numberLiteralArb,
  stringValueArb.map((value) => ({ type: 'string' as const, value })),
  fc.record({
    type: kind('typed'),
    typeName: fc.constantFrom('date' as const, 'timestamp' as const, 'timestamp_ntz' as const, 'timestamp_ltz' as const),
    value: stringValueArb,
  }),
  fc
    .string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), maxLength: 6 })
    .map((hex) => ({ type: 'binary' as const, hex })),
);

const UNITS: readonly A.IntervalUnit[] = [
  'year',
  'month',
  'week',
  'day',
  'hour',
  'minute',
  'second',
  'millisecond',
  'microsecond',
];
const INTERVAL_RANGES: readonly [A.IntervalUnit, A.IntervalUnit][] = [
  ['year', 'month'],
  ['day', 'hour'],
  ['day', 'second'],
  ['hour', 'minute'],
  ['minute', 'second'],
];
const intervalValueArb = fc.oneof(
  fc.integer({ min: -100, max: 100 }).map(String),
  fc.constantFrom('1.5', '0.25', '1-2', '10:30:00', '1 day', '+3'),
);

const intervalArb: fc.Arbitrary<A.IntervalExpr> = fc.oneof(
  fc.constantFrom('1 day', '3', '1 year 2 months').map((value) => ({ kind: 'interval' as const, parts: [{ value }] })),
  fc
    .array(fc.record({ value: intervalValueArb, unit: fc.constantFrom(...UNITS) }), { minLength: 1, maxLength: 3 })
    .map((parts) => ({ kind: 'interval' as const, parts })),
  fc
    .tuple(fc.constantFrom(...INTERVAL_RANGES), fc.constantFrom('1-2', '1 10:30:00', '3'))
    .map(([[unit, to], value]) => ({ kind: 'interval' as const, parts: [{ value, unit }], to })),
);

const dataTypeArb: fc.Arbitrary<DataType> = fc.letrec<{ type: DataType }>((tie) => ({
  type: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<DataType>(
      T.boolean,
      T.tinyint,
      T.smallint,
      T.int,
      T.bigint,
      T.float,
      T.double,
      T.string,
      T.binary,
      T.date,
      T.timestamp,
      T.timestamp_ntz,
      T.interval,
      T.null,
    ),
    fc.integer({ min: 1, max: 38 }).chain((p) => fc.integer({ min: 0, max: p }).map((s) => decimal(p, s))),
    tie('type').map((element) => arrayOf(element)),
    fc.tuple(tie('type'), tie('type')).map(([k, v]) => mapOf(k, v)),
    fc
      .array(fc.record({ name: identifierArb, type: tie('type'), nullable: fc.boolean() }), { maxLength: 3 })
      .map((fields) => structOf(fields)),
  ),
})).type;

// ───────────────────────────── expressions and queries ─────────────────────────────

const BINARY_OPERATORS: readonly A.BinaryOperator[] = [
  '+', '-', '*', '/', '%', 'div', '||', '&', '|', '^', '=', '<>', '<', '<=', '>', '>=', '<=>', 'and', 'or',
];

const UNARY_OPERATORS: readonly A.UnaryOperator[] = ['-', '+', '~', 'not'];

const leafExprArb: fc.Arbitrary<A.Expr> = fc.oneof(
  { weight: 3, arbitrary: literalArb.map((literal) => ({ kind: 'literal' as const, literal })) },
  { weight: 4, arbitrary: nameArb(3).map((parts) => ({ kind: 'column' as const, parts })) },
  { weight: 1, arbitrary: intervalArb },
);

const exprCache = new Map<number, fc.Arbitrary<A.Expr>>();
const queryCache = new Map<number, fc.Arbitrary<A.Query>>();

/** Expressions nested at most `depth` levels; subqueries inside them are one level shallower. */
export function exprArb(depth: number): fc.Arbitrary<A.Expr> {
  if (depth <= 0) return leafExprArb;
  const cached = exprCache.get(depth);
  if (cached) return cached;
  const sub = exprArb(depth - 1);
  const subs = (min: number, max: number) => fc.array(sub, { minLength: min, maxLength: max });
  const query = queryArb(depth - 1);
  const negated = fc.boolean();
  const arb: fc.Arbitrary<A.Expr> = fc.oneof(
    { weight: 6, arbitrary: leafExprArb },
    { weight: 2, arbitrary: fc.record({ kind: kind('unary'), op: fc.constantFrom(...UNARY_OPERATORS), operand: sub }) },
    {
      weight: 4,
      arbitrary: fc.record({ kind: kind('binary'), op: fc.constantFrom(...BINARY_OPERATORS), left: sub, right: sub }),
    },
    { weight: 1, arbitrary: fc.record({ kind: kind('isNull'), negated, operand: sub }) },
    { weight: 1, arbitrary: fc.record({ kind: kind('isDistinctFrom'), negated, left: sub, right: sub }) },
    { weight: 1, arbitrary: fc.record({ kind: kind('between'), negated, operand: sub, low: sub, high: sub }) },
    {
      weight: 1,
      arbitrary: fc
        .record({ kind: kind('inList'), negated, operand: sub, list: subs(1, 3) })
        .filter((e) => !(e.list.length === 1 && e.list[0]!.kind === 'scalarSubquery')),
    },
    { weight: 1, arbitrary: fc.record({ kind: kind('inSubquery'), negated, operands: subs(1, 3), query }) },
    { weight: 1, arbitrary: fc.record({ kind: kind('exists'), negated, query }) },
    { weight: 1, arbitrary: fc.record({ kind: kind('scalarSubquery'), query }) },
    { weight: 1, arbitrary: likeArb(sub) },
    {
      weight: 1,
      arbitrary: fc.record(
        {
          kind: kind('case'),
          operand: sub,
          whens: fc.array(fc.record({ when: sub, then: sub }), { minLength: 1, maxLength: 2 }),
          else: sub,
        },
        { requiredKeys: ['kind', 'whens'] },
      ),
    },
    { weight: 1, arbitrary: fc.record({ kind: kind('cast'), safe: fc.boolean(), operand: sub, type: dataTypeArb }) },
    { weight: 3, arbitrary: callArb(sub) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: kind('extract'),
        field: fc.constantFrom('year', 'month', 'day', 'dayofweek', 'hour', 'second', 'week'),
        operand: sub,
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: kind('subscript'), base: sub, index: sub }) },
    { weight: 1, arbitrary: fc.record({ kind: kind('fieldAccess'), base: sub, field: identifierArb }) },
  );
  exprCache.set(depth, arb);
  return arb;
}

function likeArb(sub: fc.Arbitrary<A.Expr>): fc.Arbitrary<A.LikeExpr> {
  const common = { kind: kind('like'), negated: fc.boolean(), operand: sub };
  return fc.oneof(
    fc.record(
      {
        ...common,
        op: fc.constantFrom('like' as const, 'ilike' as const),
        patterns: fc.array(sub, { minLength: 1, maxLength: 1 }),
        escape: fc.constantFrom('!', '\\', "'", '#'),
      },
      { requiredKeys: ['kind', 'negated', 'operand', 'op', 'patterns'] },
    ),
    fc.record({ ...common, op: kind('rlike'), patterns: fc.array(sub, { minLength: 1, maxLength: 1 }) }),
    fc.record({
      ...common,
      op: fc.constantFrom('like' as const, 'ilike' as const),
      quantifier: fc.constantFrom('any' as const, 'all' as const),
      patterns: fc.array(sub, { maxLength: 3 }),
    }),
  );
}

function callArb(sub: fc.Arbitrary<A.Expr>): fc.Arbitrary<A.FunctionCallExpr> {
  const star: fc.Arbitrary<A.Expr> = fc.record(
    { kind: kind('starArg'), qualifier: nameArb(2) },
    { requiredKeys: ['kind'] },
  );
  const plainCall = fc.record({
    name: functionNameArb,
    distinct: fc.constant(false),
    args: fc.array(fc.oneof({ weight: 4, arbitrary: sub }, { weight: 1, arbitrary: star }), { maxLength: 3 }),
  });
  // DISTINCT needs an argument, and `*` is no argument for it.
  const distinctCall = fc.record({
    name: functionNameArb,
    distinct: fc.constant(true),
    args: fc.array(sub, { minLength: 1, maxLength: 2 }),
  });
  const extras = fc.record(
    { filter: sub, nulls: fc.constantFrom('ignore' as const, 'respect' as const), over: overArb(sub) },
    { requiredKeys: [] },
  );
  return fc
    .tuple(fc.oneof(plainCall, distinctCall), extras)
    .map(([call, extra]) => ({ kind: 'call' as const, ...call, ...extra }));
}

function sortItemArb(sub: fc.Arbitrary<A.Expr>): fc.Arbitrary<A.SortItem> {
  return fc.record(
    {
      expr: sub,
      direction: fc.constantFrom('asc' as const, 'desc' as const),
      nulls: fc.constantFrom('first' as const, 'last' as const),
    },
    { requiredKeys: ['expr'] },
  );
}

function windowSpecArb(sub: fc.Arbitrary<A.Expr>): fc.Arbitrary<A.WindowSpec> {
  const bound: fc.Arbitrary<A.FrameBound> = fc.oneof(
    fc.constantFrom<A.FrameBound>({ kind: 'unboundedPreceding' }, { kind: 'unboundedFollowing' }, { kind: 'currentRow' }),
    fc.record({ kind: fc.constantFrom('preceding' as const, 'following' as const), offset: sub }),
  );
  const frame = fc.record(
    { unit: fc.constantFrom('rows' as const, 'range' as const), start: bound, end: bound },
    { requiredKeys: ['unit', 'start'] },
  );
  return fc.record(
    {
      kind: kind('windowSpec'),
      base: identifierArb,
      partitionBy: fc.array(sub, { maxLength: 2 }),
      orderBy: fc.array(sortItemArb(sub), { maxLength: 2 }),
      frame,
    },
    { requiredKeys: ['kind', 'partitionBy', 'orderBy'] },
  );
}

function overArb(sub: fc.Arbitrary<A.Expr>): fc.Arbitrary<A.WindowSpec | A.WindowRef> {
  return fc.oneof(windowSpecArb(sub), identifierArb.map((name) => ({ kind: 'windowRef' as const, name })));
}

/** Queries nested at most `depth` levels (through subqueries, set operations and joins). */
export function queryArb(depth: number): fc.Arbitrary<A.Query> {
  const cached = queryCache.get(depth);
  if (cached) return cached;
  const sub = exprArb(Math.max(0, depth - 1));
  const arb = fc.record(
    {
      kind: kind('query'),
      with: withArb(depth),
      body: bodyArb(depth),
      orderBy: fc.array(sortItemArb(sub), { maxLength: 2 }),
      sortBy: fc.array(sortItemArb(sub), { maxLength: 1 }),
      distributeBy: fc.array(sub, { maxLength: 1 }),
      clusterBy: fc.array(sub, { maxLength: 1 }),
      limit: sub,
      offset: sub,
    },
    { requiredKeys: ['kind', 'body', 'orderBy', 'sortBy', 'distributeBy', 'clusterBy'] },
  );
  queryCache.set(depth, arb);
  return arb;
}

function withArb(depth: number): fc.Arbitrary<A.WithClause> {
  const cte = fc.record(
    {
      name: identifierArb,
      columns: fc.array(identifierArb, { minLength: 1, maxLength: 2 }),
      query: depth > 0 ? queryArb(depth - 1) : leafQueryArb,
    },
    { requiredKeys: ['name', 'query'] },
  );
  return fc.record({ recursive: fc.boolean(), ctes: fc.array(cte, { minLength: 1, maxLength: 2 }) });
}

/** The smallest queries, for CTEs at depth 0. */
const leafQueryArb: fc.Arbitrary<A.Query> = fc.record({
  kind: kind('query'),
  body: fc.oneof(
    nameArb(2).map((name) => ({ kind: 'tableBody' as const, name })),
    fc
      .array(fc.array(leafExprArb, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 })
      .map((rows) => ({ kind: 'valuesBody' as const, rows })),
  ),
  orderBy: fc.constant([]),
  sortBy: fc.constant([]),
  distributeBy: fc.constant([]),
  clusterBy: fc.constant([]),
});

/**
 * Bodies in canonical form: UNION/EXCEPT chains (left-deep) of INTERSECT chains (left-deep) of primaries, which is
 * how the grammar groups them. Other groupings need a NestedQuery.
 */
function bodyArb(depth: number): fc.Arbitrary<A.QueryBody> {
  const primary: fc.Arbitrary<A.QueryBody> = fc.oneof(
    { weight: 5, arbitrary: selectArb(depth) },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.array(exprArb(Math.max(0, depth - 1)), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 })
        .map((rows) => ({ kind: 'valuesBody' as const, rows })),
    },
    { weight: 1, arbitrary: tableNameArb.map((name) => ({ kind: 'tableBody' as const, name })) },
    ...(depth > 0
      ? [{ weight: 1, arbitrary: queryArb(depth - 1).map((query) => ({ kind: 'nestedQuery' as const, query })) }]
      : []),
  );
  if (depth <= 0) return primary;
  const chain = (operand: fc.Arbitrary<A.QueryBody>, ops: readonly A.SetOperator[]) =>
    fc
      .tuple(operand, fc.array(fc.tuple(fc.constantFrom(...ops), fc.boolean(), operand), { maxLength: 2 }))
      .map(([first, rest]) =>
        rest.reduce<A.QueryBody>((left, [op, all, right]) => ({ kind: 'setOperation', op, all, left, right }), first),
      );
  return chain(chain(primary, ['intersect']), ['union', 'except']);
}

function selectArb(depth: number): fc.Arbitrary<A.Select> {
  const sub = exprArb(Math.max(0, depth - 1));
  const item: fc.Arbitrary<A.SelectItem> = fc.oneof(
    fc.record({ kind: kind('star'), qualifier: nameArb(2) }, { requiredKeys: ['kind'] }),
    {
      weight: 4,
      arbitrary: fc.record({ kind: kind('exprItem'), expr: sub, alias: identifierArb }, { requiredKeys: ['kind', 'expr'] }),
    },
  );
  const hint: fc.Arbitrary<A.Hint> = fc.record({
    name: fc.constantFrom('BROADCAST', 'MERGE', 'SHUFFLE_HASH', 'COALESCE', 'REPARTITION'),
    args: fc.array(
      fc.oneof(
        nameArb(2).map((parts): A.Expr => ({ kind: 'column', parts })),
        integerText.map((text): A.Expr => ({ kind: 'literal', literal: { type: 'number', text } })),
        stringValueArb.map((value): A.Expr => ({ kind: 'literal', literal: { type: 'string', value } })),
      ),
      { maxLength: 2 },
    ),
  });
  return fc.record(
    {
      kind: kind('select'),
      hints: fc.array(hint, { maxLength: 2 }),
      distinct: fc.boolean(),
      items: fc.array(item, { minLength: 1, maxLength: 3 }),
      from: fc.array(relationArb(depth), { maxLength: 2 }),
      where: sub,
      groupBy: groupByArb(sub),
      having: sub,
      windows: fc.array(fc.record({ name: identifierArb, spec: windowSpecArb(sub) }), { maxLength: 1 }),
      qualify: sub,
    },
    { requiredKeys: ['kind', 'hints', 'distinct', 'items', 'from', 'windows'] },
  );
}

function groupByArb(sub: fc.Arbitrary<A.Expr>): fc.Arbitrary<A.GroupBy> {
  const tuple = fc.array(sub, { minLength: 1, maxLength: 2 });
  const element: fc.Arbitrary<A.GroupingElement> = fc.oneof(
    { weight: 3, arbitrary: sub.map((expr) => ({ kind: 'groupExpr' as const, expr })) },
    fc.record({
      kind: fc.constantFrom('rollup' as const, 'cube' as const),
      items: fc.array(tuple, { minLength: 1, maxLength: 2 }),
    }),
    fc.record({
      kind: kind('groupingSets'),
      sets: fc.array(fc.array(sub, { maxLength: 2 }), { minLength: 1, maxLength: 3 }),
    }),
  );
  return fc.oneof(
    fc.constant({ all: true, elements: [] }),
    fc.array(element, { minLength: 1, maxLength: 3 }).map((elements) => ({ all: false, elements })),
  );
}

function relationArb(depth: number): fc.Arbitrary<A.Relation> {
  const sub = exprArb(Math.max(0, depth - 1));
  const alias = fc.record(
    { name: identifierArb, columns: fc.array(identifierArb, { minLength: 1, maxLength: 2 }) },
    { requiredKeys: ['name'] },
  );
  const leaf: fc.Arbitrary<A.Relation> = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({ kind: kind('tableRef'), name: tableNameArb, alias }, { requiredKeys: ['kind', 'name'] }),
    },
    fc.record(
      {
        kind: kind('fileRef'),
        format: fc.constantFrom(...FILE_FORMATS),
        path: fc.constantFrom('/data/t.parquet', 'rel/p', 'a`b c'),
        alias,
      },
      { requiredKeys: ['kind', 'format', 'path'] },
    ),
    fc.record(
      {
        kind: kind('tableFunctionRef'),
        name: fc.constantFrom(['range'], ['my_db', 'tvf']),
        args: fc.array(sub, { maxLength: 3 }),
        alias,
      },
      { requiredKeys: ['kind', 'name', 'args'] },
    ),
    fc.record({
      kind: kind('valuesRef'),
      rows: fc.array(fc.array(sub, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 }),
      alias,
    }),
  );
  if (depth <= 0) return leaf;
  const inner = relationArb(depth - 1);
  const criteria: fc.Arbitrary<A.JoinCriteria> = fc.oneof(
    sub.map((condition) => ({ kind: 'on' as const, condition })),
    fc.array(identifierArb, { minLength: 1, maxLength: 2 }).map((columns) => ({ kind: 'using' as const, columns })),
  );
  const joinType = fc.constantFrom<A.JoinType>('inner', 'left', 'right', 'full', 'cross', 'semi', 'anti');
  // The printer parenthesises a join on the right of a join.
  const right = inner.filter((r) => r.kind !== 'join' || leftmost(r).kind !== 'valuesRef');
  const join: fc.Arbitrary<A.Relation> = fc.oneof(
    fc.record(
      { kind: kind('join'), joinType, natural: fc.constant(false), left: inner, right, criteria },
      { requiredKeys: ['kind', 'joinType', 'natural', 'left', 'right'] },
    ),
    // NATURAL takes no criteria and no CROSS.
    fc.record({
      kind: kind('join'),
      joinType: joinType.filter((t) => t !== 'cross'),
      natural: fc.constant(true),
      left: inner,
      right,
    }),
  );
  const subquery = fc.record(
    { kind: kind('subqueryRef'), query: queryArb(depth - 1), alias },
    { requiredKeys: ['kind', 'query'] },
  );
  return fc.oneof({ weight: 3, arbitrary: leaf }, { weight: 1, arbitrary: subquery }, { weight: 2, arbitrary: join });
}

function leftmost(r: A.Relation): A.Relation {
  return r.kind === 'join' ? leftmost(r.left) : r;
}

// ───────────────────────────── statements ─────────────────────────────

const optionsArb: fc.Arbitrary<A.OptionEntry[]> = fc.array(
  fc.record({ key: fc.constantFrom('path', 'header', 'spark.sql.x', 'my key', 'table'), value: stringValueArb }),
  { maxLength: 2 },
);

const rawKeyArb = fc.constantFrom('spark.sql.shuffle.partitions', 'sqlopt.optimizer.disabled', 'a', '-v');
const rawValueArb = fc.constantFrom('8', 'push_down_filter,prune_columns', "'quoted; value'", 'true', '10MB', '-1', 'a = b');

/** Every statement kind, around queries of at most `depth` levels. */
export function statementArb(depth: number): fc.Arbitrary<A.Statement> {
  const query = queryArb(depth);
  const sub = exprArb(1);
  const plain: fc.Arbitrary<A.Statement> = fc.oneof(
    { weight: 6, arbitrary: query.map((q) => ({ kind: 'queryStatement' as const, query: q })) },
    fc
      .record(
        {
          kind: kind('createView'),
          name: nameArb(2),
          orReplace: fc.boolean(),
          global: fc.boolean(),
          temporary: fc.boolean(),
          ifNotExists: fc.boolean(),
          columns: fc.array(identifierArb, { minLength: 1, maxLength: 2 }),
          query,
        },
        { requiredKeys: ['kind', 'name', 'orReplace', 'global', 'temporary', 'ifNotExists', 'query'] },
      )
      .filter((s) => (!s.global || s.temporary) && !(s.orReplace && s.ifNotExists)),
    fc.record({
      kind: kind('createViewUsing'),
      name: nameArb(2),
      orReplace: fc.boolean(),
      global: fc.boolean(),
      format: fc.constantFrom('parquet', 'csv'),
      options: optionsArb,
    }),
    fc
      .record(
        {
          kind: kind('createTable'),
          name: nameArb(2),
          orReplace: fc.boolean(),
          ifNotExists: fc.boolean(),
          columns: fc.array(
            fc.record(
              { name: identifierArb, type: dataTypeArb, nullable: fc.boolean(), comment: stringValueArb },
              { requiredKeys: ['name', 'type', 'nullable'] },
            ),
            { minLength: 1, maxLength: 3 },
          ),
          format: fc.constantFrom('parquet', 'json'),
          options: optionsArb,
          partitionedBy: fc.array(identifierArb, { maxLength: 2 }),
          location: stringValueArb,
          query,
        },
        { requiredKeys: ['kind', 'name', 'orReplace', 'ifNotExists', 'format', 'options', 'partitionedBy'] },
      )
      .filter((s) => !(s.orReplace && s.ifNotExists)),
    fc.record(
      {
        kind: kind('insert'),
        table: nameArb(2),
        overwrite: fc.boolean(),
        partition: fc.array(fc.record({ column: identifierArb, value: sub }, { requiredKeys: ['column'] }), {
          minLength: 1,
          maxLength: 2,
        }),
        query,
      },
      { requiredKeys: ['kind', 'table', 'overwrite', 'query'] },
    ),
    fc.record({
      kind: kind('drop'),
      objectType: fc.constantFrom('table' as const, 'view' as const),
      ifExists: fc.boolean(),
      name: nameArb(2),
    }),
    fc.oneof(
      fc.constant({ kind: 'set' as const }),
      rawKeyArb.map((key) => ({ kind: 'set' as const, key })),
      fc.record({ kind: kind('set'), key: rawKeyArb, value: rawValueArb }),
    ),
    fc.record({ kind: kind('reset'), key: rawKeyArb }, { requiredKeys: ['kind'] }),
    fc.constant({ kind: 'showTables' as const }),
    fc.record({ kind: kind('describe'), extended: fc.boolean(), table: nameArb(2) }),
    fc.record(
      { kind: kind('cacheTable'), lazy: fc.boolean(), name: nameArb(2), query },
      { requiredKeys: ['kind', 'lazy', 'name'] },
    ),
    fc.record({ kind: kind('uncacheTable'), ifExists: fc.boolean(), name: nameArb(2) }),
  );
  return fc.oneof(
    { weight: 5, arbitrary: plain },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: kind('explain'),
        mode: fc.constantFrom<A.ExplainMode>('simple', 'extended', 'formatted', 'cost', 'codegen', 'verbose', 'analyze'),
        statement: plain,
      }),
    },
  );
}
