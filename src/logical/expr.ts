// Bound, typed expressions of the logical plan: plain immutable data, each node with its type and nullability.
import type { DataType } from '../types/data-type.js';
import type { LogicalPlan } from './plan.js';

/** Identifies one column across the whole plan (Spark's exprId); printed as `name#id`. */
export type ColumnId = number;

/**
 * A literal's value in a JSON-safe form chosen by its type:
 * boolean → boolean; tinyint/smallint/int/float/double → number (non-finite float/double as the strings
 * "NaN", "Infinity", "-Infinity", so plans stay JSON); bigint → decimal digits string;
 * decimal → plain decimal string with exactly `scale` fraction digits ("-12.30");
 * string → string; binary → lower-case hex; date → days since 1970-01-01 (number);
 * timestamp/timestamp_ntz → microseconds since the epoch as a digits string; interval → IntervalValue;
 * null → null (of any type).
 */
export type LiteralValue = null | boolean | number | string | IntervalValue;

/** Spark's CalendarInterval. `micros` is a digits string (it can exceed 2^53). */
export interface IntervalValue {
  readonly months: number;
  readonly days: number;
  readonly micros: string;
}

interface Typed {
  readonly type: DataType;
  readonly nullable: boolean;
}

/** A column produced by a child of the node that holds this expression. */
export interface ColumnRef extends Typed {
  readonly kind: 'column';
  readonly id: ColumnId;
  readonly name: string;
}

/** A column of an enclosing query, referenced from inside a correlated subquery. */
export interface OuterColumnRef extends Typed {
  readonly kind: 'outerColumn';
  readonly id: ColumnId;
  readonly name: string;
}

export interface LiteralExpr extends Typed {
  readonly kind: 'literal';
  readonly value: LiteralValue;
}

export type ArithmeticOp = '+' | '-' | '*' | '/' | '%' | 'div';
export type ComparisonOp = '=' | '<>' | '<' | '<=' | '>' | '>=' | '<=>';
export type BitwiseOp = '&' | '|' | '^';
export type LogicalOp = 'and' | 'or';
export type BinaryOp = ArithmeticOp | ComparisonOp | BitwiseOp | LogicalOp;

/** Operands of a binary expression already have the types the operator needs (the analyzer inserted casts). */
export interface BinaryExpr extends Typed {
  readonly kind: 'binary';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
}

export type UnaryOp = 'not' | 'negate' | 'bit_not';

export interface UnaryExpr extends Typed {
  readonly kind: 'unary';
  readonly op: UnaryOp;
  readonly operand: Expr;
}

export interface IsNullExpr extends Typed {
  readonly kind: 'isNull';
  readonly negated: boolean;
  readonly operand: Expr;
}

/** `operand IN (list)`; NOT IN is `not(in)`. All items share the operand's type. */
export interface InListExpr extends Typed {
  readonly kind: 'inList';
  readonly operand: Expr;
  readonly list: readonly Expr[];
}

/** LIKE / ILIKE / RLIKE; NOT LIKE is `not(like)`. */
export interface LikeExpr extends Typed {
  readonly kind: 'like';
  readonly op: 'like' | 'ilike' | 'rlike';
  readonly operand: Expr;
  readonly pattern: Expr;
  /** The escape character of LIKE/ILIKE; Spark's default is backslash. */
  readonly escape: string;
}

/** Searched CASE; the simple form is rewritten to it (`CASE x WHEN v` → `WHEN x = v`). */
export interface CaseExpr extends Typed {
  readonly kind: 'case';
  readonly whens: readonly { readonly when: Expr; readonly then: Expr }[];
  readonly else?: Expr;
}

/** CAST; `safe` for TRY_CAST (NULL instead of an error, which is also non-ANSI Spark's CAST behaviour). */
export interface CastExpr extends Typed {
  readonly kind: 'cast';
  readonly operand: Expr;
  readonly safe: boolean;
}

/** A scalar built-in function, by its canonical lower-case name (aliases resolved). */
export interface CallExpr extends Typed {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly Expr[];
}

/** `struct.field`. */
export interface FieldExpr extends Typed {
  readonly kind: 'field';
  readonly operand: Expr;
  readonly field: string;
}

/** `array[i]` (0-based as in Spark) or `map[key]`. */
export interface SubscriptExpr extends Typed {
  readonly kind: 'subscript';
  readonly operand: Expr;
  readonly index: Expr;
}

/** An aggregate call; appears only in an Aggregate node's aggregate list. */
export interface AggregateExpr extends Typed {
  readonly kind: 'aggregate';
  readonly name: string;
  readonly args: readonly Expr[];
  readonly distinct: boolean;
  readonly filter?: Expr;
  readonly ignoreNulls: boolean;
}

export interface SortKey {
  readonly expr: Expr;
  readonly ascending: boolean;
  readonly nullsFirst: boolean;
}

export type FrameBound =
  | { readonly kind: 'unboundedPreceding' }
  | { readonly kind: 'unboundedFollowing' }
  | { readonly kind: 'currentRow' }
  /** `offset` rows (ROWS) or value distance (RANGE) before/after the current row; a constant. */
  | { readonly kind: 'preceding' | 'following'; readonly offset: Expr };

export interface WindowFrame {
  readonly unit: 'rows' | 'range';
  readonly start: FrameBound;
  readonly end: FrameBound;
}

/** A window function call with its resolved window; appears only in a Window node's list. */
export interface WindowExpr extends Typed {
  readonly kind: 'window';
  readonly name: string;
  readonly args: readonly Expr[];
  /** Aggregates used as window functions keep their own DISTINCT flag. */
  readonly distinct: boolean;
  readonly ignoreNulls: boolean;
  readonly partitionBy: readonly Expr[];
  readonly orderBy: readonly SortKey[];
  readonly frame: WindowFrame;
}

/** `(SELECT one column …)` returning at most one row. */
export interface ScalarSubqueryExpr extends Typed {
  readonly kind: 'scalarSubquery';
  readonly plan: LogicalPlan;
}

/** EXISTS (subquery); NOT EXISTS is `not(exists)`. */
export interface ExistsExpr extends Typed {
  readonly kind: 'exists';
  readonly plan: LogicalPlan;
}

/** `operands IN (subquery)`; NOT IN is `not(inSubquery)` (null-aware). */
export interface InSubqueryExpr extends Typed {
  readonly kind: 'inSubquery';
  readonly operands: readonly Expr[];
  readonly plan: LogicalPlan;
}

export type Expr =
  | ColumnRef
  | OuterColumnRef
  | LiteralExpr
  | BinaryExpr
  | UnaryExpr
  | IsNullExpr
  | InListExpr
  | LikeExpr
  | CaseExpr
  | CastExpr
  | CallExpr
  | FieldExpr
  | SubscriptExpr
  | AggregateExpr
  | WindowExpr
  | ScalarSubqueryExpr
  | ExistsExpr
  | InSubqueryExpr;

export type ExprKind = Expr['kind'];

/** An expression given an output name and column id: Project columns, aggregate outputs, window outputs. */
export interface NamedExpr {
  readonly id: ColumnId;
  readonly name: string;
  readonly expr: Expr;
}
