// The syntax tree: what the user wrote, typed, with spans; no names resolved, no types inferred.
// Identifiers are plain strings as written (backticks removed); Spark compares them case-insensitively.
import type { Span } from '../common/diagnostic.js';
import type { DataType } from '../types/data-type.js';

/** Every node may carry the span of source it came from (absent on nodes built in code). */
interface Node {
  readonly span?: Span;
}

/** A dotted name such as `db.tbl` or `t.col`, one string per part. */
export type QualifiedName = readonly string[];

// ───────────────────────────── statements ─────────────────────────────

export type Statement =
  | QueryStatement
  | ExplainStatement
  | CreateViewStatement
  | CreateViewUsingStatement
  | CreateTableStatement
  | InsertStatement
  | DropStatement
  | SetStatement
  | ResetStatement
  | ShowTablesStatement
  | DescribeStatement
  | CacheTableStatement
  | UncacheTableStatement;

export type StatementKind = Statement['kind'];

/** A script: statements separated by `;`. */
export interface Script extends Node {
  readonly kind: 'script';
  readonly statements: readonly Statement[];
}

export interface QueryStatement extends Node {
  readonly kind: 'queryStatement';
  readonly query: Query;
}

export type ExplainMode = 'simple' | 'extended' | 'formatted' | 'cost' | 'codegen' | 'verbose' | 'analyze';

export interface ExplainStatement extends Node {
  readonly kind: 'explain';
  readonly mode: ExplainMode;
  readonly statement: Statement;
}

/** CREATE [OR REPLACE] [GLOBAL] TEMPORARY VIEW v [(cols)] AS query; also plain CREATE VIEW. */
export interface CreateViewStatement extends Node {
  readonly kind: 'createView';
  readonly name: QualifiedName;
  readonly orReplace: boolean;
  readonly global: boolean;
  readonly temporary: boolean;
  readonly ifNotExists: boolean;
  readonly columns?: readonly string[];
  readonly query: Query;
}

/** CREATE [OR REPLACE] TEMPORARY VIEW v USING parquet OPTIONS (path '…'). */
export interface CreateViewUsingStatement extends Node {
  readonly kind: 'createViewUsing';
  readonly name: QualifiedName;
  readonly orReplace: boolean;
  readonly global: boolean;
  readonly format: string;
  readonly options: readonly OptionEntry[];
}

export interface OptionEntry {
  readonly key: string;
  readonly value: string;
}

export interface ColumnDefinition extends Node {
  readonly name: string;
  readonly type: DataType;
  readonly nullable: boolean;
  readonly comment?: string;
}

/** CREATE TABLE [IF NOT EXISTS] t [(cols)] USING fmt [OPTIONS (…)] [PARTITIONED BY (cols)] [LOCATION '…'] [AS query]. */
export interface CreateTableStatement extends Node {
  readonly kind: 'createTable';
  readonly name: QualifiedName;
  readonly orReplace: boolean;
  readonly ifNotExists: boolean;
  readonly columns?: readonly ColumnDefinition[];
  readonly format: string;
  readonly options: readonly OptionEntry[];
  readonly partitionedBy: readonly string[];
  readonly location?: string;
  readonly query?: Query;
}

export interface PartitionSpecEntry {
  readonly column: string;
  /** Absent for a dynamic partition column: `PARTITION (event_date)`. */
  readonly value?: Expr;
}

/** INSERT INTO|OVERWRITE [TABLE] t [PARTITION (k[=v], …)] query. */
export interface InsertStatement extends Node {
  readonly kind: 'insert';
  readonly table: QualifiedName;
  readonly overwrite: boolean;
  readonly partition?: readonly PartitionSpecEntry[];
  readonly query: Query;
}

export interface DropStatement extends Node {
  readonly kind: 'drop';
  readonly objectType: 'table' | 'view';
  readonly ifExists: boolean;
  readonly name: QualifiedName;
}

/** `SET` alone lists the settings; `SET k` shows one; `SET k = v` sets it. The value is the raw text after `=`, trimmed. */
export interface SetStatement extends Node {
  readonly kind: 'set';
  readonly key?: string;
  readonly value?: string;
}

export interface ResetStatement extends Node {
  readonly kind: 'reset';
  readonly key?: string;
}

export interface ShowTablesStatement extends Node {
  readonly kind: 'showTables';
}

export interface DescribeStatement extends Node {
  readonly kind: 'describe';
  readonly extended: boolean;
  readonly table: QualifiedName;
}

export interface CacheTableStatement extends Node {
  readonly kind: 'cacheTable';
  readonly lazy: boolean;
  readonly name: QualifiedName;
  readonly query?: Query;
}

export interface UncacheTableStatement extends Node {
  readonly kind: 'uncacheTable';
  readonly ifExists: boolean;
  readonly name: QualifiedName;
}

// ───────────────────────────── queries ─────────────────────────────

/**
 * A full query: optional CTEs, a body, and the clauses that apply to the whole body
 * (ORDER BY, SORT BY, DISTRIBUTE BY, CLUSTER BY, WINDOW, LIMIT, OFFSET).
 */
export interface Query extends Node {
  readonly kind: 'query';
  readonly with?: WithClause;
  readonly body: QueryBody;
  readonly orderBy: readonly SortItem[];
  readonly sortBy: readonly SortItem[];
  readonly distributeBy: readonly Expr[];
  readonly clusterBy: readonly Expr[];
  readonly limit?: Expr;
  readonly offset?: Expr;
}

export interface WithClause extends Node {
  readonly recursive: boolean;
  readonly ctes: readonly CommonTableExpression[];
}

export interface CommonTableExpression extends Node {
  readonly name: string;
  readonly columns?: readonly string[];
  readonly query: Query;
}

export type QueryBody = Select | SetOperation | NestedQuery | ValuesBody | TableBody;

export type SetOperator = 'union' | 'intersect' | 'except';

/**
 * `left op [ALL|DISTINCT] right`. MINUS is parsed as `except`. INTERSECT binds tighter than
 * UNION/EXCEPT, which associate to the left (as in Spark).
 */
export interface SetOperation extends Node {
  readonly kind: 'setOperation';
  readonly op: SetOperator;
  /** true for ALL; false for DISTINCT or no quantifier. */
  readonly all: boolean;
  readonly left: QueryBody;
  readonly right: QueryBody;
}

/** A parenthesised query used as a query body: `(SELECT …) UNION (SELECT …)`. */
export interface NestedQuery extends Node {
  readonly kind: 'nestedQuery';
  readonly query: Query;
}

/** `VALUES (1, 'a'), (2, 'b')` as a whole query body. */
export interface ValuesBody extends Node {
  readonly kind: 'valuesBody';
  readonly rows: readonly (readonly Expr[])[];
}

/** `TABLE t` as a query body. */
export interface TableBody extends Node {
  readonly kind: 'tableBody';
  readonly name: QualifiedName;
}

export interface Select extends Node {
  readonly kind: 'select';
  readonly hints: readonly Hint[];
  readonly distinct: boolean;
  readonly items: readonly SelectItem[];
  /** Comma-separated FROM items; an empty list when there is no FROM. */
  readonly from: readonly Relation[];
  readonly where?: Expr;
  readonly groupBy?: GroupBy;
  readonly having?: Expr;
  readonly windows: readonly NamedWindow[];
  readonly qualify?: Expr;
}

/** `/*+ BROADCAST(t), REPARTITION(8, c) *\/`: name upper-cased; arguments as expressions (table names are column refs). */
export interface Hint extends Node {
  readonly name: string;
  readonly args: readonly Expr[];
}

export type SelectItem = StarItem | ExprItem;

/** `*` or `t.*` in a select list. */
export interface StarItem extends Node {
  readonly kind: 'star';
  readonly qualifier?: QualifiedName;
}

export interface ExprItem extends Node {
  readonly kind: 'exprItem';
  readonly expr: Expr;
  readonly alias?: string;
}

/**
 * GROUP BY items. `GROUP BY a, b WITH ROLLUP` is normalised by the parser into one `rollup` element.
 * `GROUP BY ALL` sets `all`.
 */
export interface GroupBy extends Node {
  readonly all: boolean;
  readonly elements: readonly GroupingElement[];
}

export type GroupingElement =
  | { readonly kind: 'groupExpr'; readonly expr: Expr; readonly span?: Span }
  /** ROLLUP/CUBE over items; each item is one expression or a parenthesised tuple of them. */
  | { readonly kind: 'rollup' | 'cube'; readonly items: readonly (readonly Expr[])[]; readonly span?: Span }
  /** GROUPING SETS ((a, b), (a), ()): each set a tuple (a lone expression is a 1-tuple). */
  | { readonly kind: 'groupingSets'; readonly sets: readonly (readonly Expr[])[]; readonly span?: Span };

export interface NamedWindow extends Node {
  readonly name: string;
  readonly spec: WindowSpec;
}

export interface SortItem extends Node {
  readonly expr: Expr;
  readonly direction?: 'asc' | 'desc';
  readonly nulls?: 'first' | 'last';
}

// ───────────────────────────── relations (FROM items) ─────────────────────────────

export type Relation =
  | TableRelation
  | FileRelation
  | SubqueryRelation
  | ValuesRelation
  | TableFunctionRelation
  | JoinRelation;

export type RelationKind = Relation['kind'];

/** `AS t(a, b)`; `AS` is optional in the source. */
export interface TableAlias extends Node {
  readonly name: string;
  readonly columns?: readonly string[];
}

export interface TableRelation extends Node {
  readonly kind: 'tableRef';
  readonly name: QualifiedName;
  readonly alias?: TableAlias;
}

/** ``parquet.`/path/to/file.parquet` `` */
export interface FileRelation extends Node {
  readonly kind: 'fileRef';
  readonly format: string;
  readonly path: string;
  readonly alias?: TableAlias;
}

export interface SubqueryRelation extends Node {
  readonly kind: 'subqueryRef';
  readonly query: Query;
  readonly alias?: TableAlias;
}

/** `VALUES (1, 'a'), (2, 'b') AS t(a, b)` in FROM. */
export interface ValuesRelation extends Node {
  readonly kind: 'valuesRef';
  readonly rows: readonly (readonly Expr[])[];
  readonly alias?: TableAlias;
}

/** A table-valued function such as `range(10)` or `range(0, 100, 5)`. */
export interface TableFunctionRelation extends Node {
  readonly kind: 'tableFunctionRef';
  readonly name: QualifiedName;
  readonly args: readonly Expr[];
  readonly alias?: TableAlias;
}

export type JoinType = 'inner' | 'left' | 'right' | 'full' | 'cross' | 'semi' | 'anti';

export type JoinCriteria =
  | { readonly kind: 'on'; readonly condition: Expr }
  | { readonly kind: 'using'; readonly columns: readonly string[] };

/** `left [NATURAL] type JOIN right [ON … | USING (…)]`. Comma joins are separate `from` items, not joins. */
export interface JoinRelation extends Node {
  readonly kind: 'join';
  readonly joinType: JoinType;
  readonly natural: boolean;
  readonly left: Relation;
  readonly right: Relation;
  readonly criteria?: JoinCriteria;
}

// ───────────────────────────── expressions ─────────────────────────────

export type Expr =
  | LiteralExpr
  | IntervalExpr
  | ColumnExpr
  | StarExpr
  | UnaryExpr
  | BinaryExpr
  | IsNullExpr
  | IsDistinctFromExpr
  | BetweenExpr
  | InListExpr
  | InSubqueryExpr
  | ExistsExpr
  | ScalarSubqueryExpr
  | LikeExpr
  | CaseExpr
  | CastExpr
  | FunctionCallExpr
  | ExtractExpr
  | SubscriptExpr
  | FieldAccessExpr;

export type ExprKind = Expr['kind'];

/**
 * Literal values as written. Numbers keep their text and suffix so the analyzer can type them as Spark does:
 * `1` int (bigint/decimal if large), `1L` bigint, `1S` smallint, `1Y` tinyint, `1.5` decimal(2,1),
 * `1.5D`/`1e10` double, `1.5F` float, `1.5BD` decimal.
 */
export type Literal =
  | { readonly type: 'null' }
  | { readonly type: 'boolean'; readonly value: boolean }
  /** `text` is the digits as written without sign or suffix, e.g. `1.5`, `1e10`, `.5`. */
  | { readonly type: 'number'; readonly text: string; readonly suffix?: NumberSuffix }
  /** The unescaped string value. */
  | { readonly type: 'string'; readonly value: string }
  /** DATE '…', TIMESTAMP '…', TIMESTAMP_NTZ '…', TIMESTAMP_LTZ '…': the string as written. */
  | { readonly type: 'typed'; readonly typeName: 'date' | 'timestamp' | 'timestamp_ntz' | 'timestamp_ltz'; readonly value: string }
  /** X'0aff': the hex digits as written. */
  | { readonly type: 'binary'; readonly hex: string };

export type NumberSuffix = 'L' | 'S' | 'Y' | 'D' | 'F' | 'BD';

export interface LiteralExpr extends Node {
  readonly kind: 'literal';
  readonly literal: Literal;
}

export type IntervalUnit =
  | 'year'
  | 'month'
  | 'week'
  | 'day'
  | 'hour'
  | 'minute'
  | 'second'
  | 'millisecond'
  | 'microsecond';

/**
 * `INTERVAL '3' DAY`, `INTERVAL 3 DAYS`, `INTERVAL 1 DAY 2 HOURS`, `INTERVAL '1-2' YEAR TO MONTH`,
 * `INTERVAL '1 day 2 hours'`. Each part is a value text (sign included, quotes removed) and a unit;
 * `to` is set for the `X TO Y` form, whose single part's value is the whole string. A bare string form
 * has one part with no unit.
 */
export interface IntervalExpr extends Node {
  readonly kind: 'interval';
  readonly parts: readonly { readonly value: string; readonly unit?: IntervalUnit }[];
  readonly to?: IntervalUnit;
}

/** A possibly qualified column name: `a`, `t.a`, `db.t.a`, or a struct path `s.f.g` (resolved by the analyzer). */
export interface ColumnExpr extends Node {
  readonly kind: 'column';
  readonly parts: QualifiedName;
}

/** `*` as a function argument (`count(*)`), or `t.*` there. */
export interface StarExpr extends Node {
  readonly kind: 'starArg';
  readonly qualifier?: QualifiedName;
}

export type UnaryOperator = '-' | '+' | '~' | 'not';

export interface UnaryExpr extends Node {
  readonly kind: 'unary';
  readonly op: UnaryOperator;
  readonly operand: Expr;
}

/** `==` is parsed as `=`, `!=` as `<>`, `&&` as `and`, `||` as concatenation. */
export type BinaryOperator =
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | 'div'
  | '||'
  | '&'
  | '|'
  | '^'
  | '='
  | '<>'
  | '<'
  | '<='
  | '>'
  | '>='
  | '<=>'
  | 'and'
  | 'or';

export interface BinaryExpr extends Node {
  readonly kind: 'binary';
  readonly op: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
}

export interface IsNullExpr extends Node {
  readonly kind: 'isNull';
  readonly negated: boolean;
  readonly operand: Expr;
}

export interface IsDistinctFromExpr extends Node {
  readonly kind: 'isDistinctFrom';
  /** true for IS NOT DISTINCT FROM. */
  readonly negated: boolean;
  readonly left: Expr;
  readonly right: Expr;
}

export interface BetweenExpr extends Node {
  readonly kind: 'between';
  readonly negated: boolean;
  readonly operand: Expr;
  readonly low: Expr;
  readonly high: Expr;
}

export interface InListExpr extends Node {
  readonly kind: 'inList';
  readonly negated: boolean;
  readonly operand: Expr;
  readonly list: readonly Expr[];
}

export interface InSubqueryExpr extends Node {
  readonly kind: 'inSubquery';
  readonly negated: boolean;
  /** One expression, or several for `(a, b) IN (SELECT x, y …)`. */
  readonly operands: readonly Expr[];
  readonly query: Query;
}

export interface ExistsExpr extends Node {
  readonly kind: 'exists';
  readonly negated: boolean;
  readonly query: Query;
}

export interface ScalarSubqueryExpr extends Node {
  readonly kind: 'scalarSubquery';
  readonly query: Query;
}

/**
 * `a [NOT] LIKE p [ESCAPE 'c']`, `ILIKE`, `RLIKE`/`REGEXP`, and the quantified forms
 * `a LIKE ANY ('x%', 'y%')` / `LIKE ALL (…)`, whose patterns are in `patterns`.
 */
export interface LikeExpr extends Node {
  readonly kind: 'like';
  readonly op: 'like' | 'ilike' | 'rlike';
  readonly negated: boolean;
  readonly operand: Expr;
  readonly quantifier?: 'any' | 'all';
  readonly patterns: readonly Expr[];
  readonly escape?: string;
}

export interface CaseExpr extends Node {
  readonly kind: 'case';
  /** The simple form's `CASE x WHEN …`; absent in the searched form. */
  readonly operand?: Expr;
  readonly whens: readonly { readonly when: Expr; readonly then: Expr }[];
  readonly else?: Expr;
}

/** CAST(e AS t), TRY_CAST(e AS t), `e::t`. */
export interface CastExpr extends Node {
  readonly kind: 'cast';
  readonly safe: boolean;
  readonly operand: Expr;
  readonly type: DataType;
}

export interface FunctionCallExpr extends Node {
  readonly kind: 'call';
  /** As written, e.g. ['sum'] or ['my_db', 'f']; compare case-insensitively. */
  readonly name: QualifiedName;
  readonly distinct: boolean;
  readonly args: readonly Expr[];
  /** `FILTER (WHERE …)` on an aggregate. */
  readonly filter?: Expr;
  /** `IGNORE NULLS` / `RESPECT NULLS` after the call (first_value, lag, …). */
  readonly nulls?: 'ignore' | 'respect';
  readonly over?: WindowSpec | WindowRef;
}

/** `OVER w` — a reference to a named window. */
export interface WindowRef extends Node {
  readonly kind: 'windowRef';
  readonly name: string;
}

export interface WindowSpec extends Node {
  readonly kind: 'windowSpec';
  /** `OVER (w ORDER BY …)`: a named window this spec extends. */
  readonly base?: string;
  readonly partitionBy: readonly Expr[];
  readonly orderBy: readonly SortItem[];
  readonly frame?: WindowFrame;
}

export interface WindowFrame extends Node {
  readonly unit: 'rows' | 'range';
  readonly start: FrameBound;
  /** Absent for the short form `ROWS UNBOUNDED PRECEDING` (end = CURRENT ROW). */
  readonly end?: FrameBound;
}

export type FrameBound =
  | { readonly kind: 'unboundedPreceding' }
  | { readonly kind: 'unboundedFollowing' }
  | { readonly kind: 'currentRow' }
  | { readonly kind: 'preceding' | 'following'; readonly offset: Expr };

/** EXTRACT(field FROM e); also `date_part('field', e)` is an ordinary call. */
export interface ExtractExpr extends Node {
  readonly kind: 'extract';
  /** Lower-cased field name as written: year, month, day, dayofweek, hour, … */
  readonly field: string;
  readonly operand: Expr;
}

/** `arr[0]`, `map['k']`. */
export interface SubscriptExpr extends Node {
  readonly kind: 'subscript';
  readonly base: Expr;
  readonly index: Expr;
}

/** `(expr).field` on a non-name base; dotted names are `column` parts instead. */
export interface FieldAccessExpr extends Node {
  readonly kind: 'fieldAccess';
  readonly base: Expr;
  readonly field: string;
}
