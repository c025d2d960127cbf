// Compiles a bound expression once per query into a function over whole batches: each node becomes a call of a
// vectorized kernel, subtrees without column references are evaluated once at compile time, and comparisons,
// LIKE and IN against constants take the kernels' constant paths (dictionary columns are then decided per entry).
import { assertNever } from '../../common/assert-never.js';
import { fail } from '../../common/errors.js';
import type { BinaryExpr, ColumnId, Expr, LikeExpr } from '../../logical/expr.js';
import { exprChildren } from '../../logical/traverse.js';
import type { Column } from '../../logical/plan.js';
import { T } from '../../types/data-type.js';
import type { ExecContext } from '../context.js';
import { arithmetic, negate } from '../kernels/arithmetic.js';
import { bitNot, bitwise } from '../kernels/bitwise.js';
import { caseWhen } from '../kernels/case.js';
import { castVector } from '../kernels/cast.js';
import { getField, subscript } from '../kernels/collection-functions.js';
import { compare, compareToConstant, flip } from '../kernels/compare.js';
import { isNull } from '../kernels/conditional.js';
import { datetimeArithmetic, negateIntervals } from '../kernels/datetime-arithmetic.js';
import { inConstantSet, inSet, inVectors } from '../kernels/in-list.js';
import type { Matcher } from '../kernels/like.js';
import { likeMatcher, matchRows, matchVector, regexMatcher } from '../kernels/like.js';
import { allRowsAre, and, not, or } from '../kernels/logic.js';
import { zoneRules } from '../kernels/time-zone.js';
import type { ZoneRules } from '../kernels/time-zone.js';
import type { Batch, Vector } from '../vector.js';
import { valueAt } from '../vector.js';
import { compileCall, isDeterministic } from './call.js';
import type { CompiledExpr } from './compiled-expr.js';
import type { Evaluator, FunctionEnv } from './evaluator.js';
import { constantEvaluator } from './evaluator.js';
import { literalJsValue } from './literal-value.js';
import { queryStartMicros } from './query-clock.js';
import { exprKey, repeatedSubtrees } from './shared-subexpressions.js';
import { compileSubquery } from './subquery.js';
import type { Preparer } from './subquery.js';

/**
 * Compiles `expr`, whose column references resolve against `input` (the columns of the batches it will see).
 *
 * @example
 * const cond = compileExpr(filter.condition, filter.input.output, ctx);
 * if (cond.hasSubqueries) await cond.prepare(batch);
 * const mask = cond.evaluate(batch); // a boolean vector
 */
export function compileExpr(expr: Expr, input: readonly Column[], ctx: ExecContext): CompiledExpr {
  return compileOne(new ExprCompiler(input, ctx), expr);
}

/**
 * Compiles several expressions that are evaluated on the same batches (an aggregate's inputs, a projection's
 * columns): a subtree they repeat is computed once per batch ({@link repeatedSubtrees}).
 *
 * @example
 * const [a, b] = compileExprs([sumArg, otherSumArg], child.output, ctx);
 */
export function compileExprs(exprs: readonly Expr[], input: readonly Column[], ctx: ExecContext): CompiledExpr[] {
  const compiler = new ExprCompiler(input, ctx, repeatedSubtrees(exprs));
  return exprs.map((expr) => compileOne(compiler, expr));
}

// Subtrees holding subqueries are never shared, so the preparers an expression adds are its own.
function compileOne(compiler: ExprCompiler, expr: Expr): CompiledExpr {
  const first = compiler.preparers.length;
  const root = compiler.compile(expr);
  const preparers = compiler.preparers.slice(first);
  return {
    type: expr.type,
    evaluate: root.evaluate,
    prepare: async (batch) => {
      for (const p of preparers) await p(batch);
    },
    hasSubqueries: preparers.length > 0,
  };
}

/** The state of compiling one expression tree. */
export class ExprCompiler {
  readonly preparers: Preparer[] = [];
  private readonly columnIndex = new Map<ColumnId, number>();
  private readonly compiled = new Map<Expr, Evaluator>();
  /** The evaluators of repeated subtrees by key, once compiled. */
  private readonly sharedByKey = new Map<string, Evaluator>();
  readonly env: FunctionEnv;

  constructor(
    readonly input: readonly Column[],
    readonly ctx: ExecContext,
    /** Keys of subtrees to compute once per batch, from {@link repeatedSubtrees}. */
    private readonly shared: ReadonlySet<string> = new Set(),
  ) {
    input.forEach((c, i) => this.columnIndex.set(c.id, i));
    const zone = zoneRules(ctx.timeZone) ?? fail('EXEC_INVALID_TIME_ZONE', `unknown time zone '${ctx.timeZone}'`);
    this.env = { zone, zoneId: ctx.timeZone, nowMicros: queryStartMicros(ctx) };
  }

  get zone(): ZoneRules {
    return this.env.zone;
  }

  /** The input position of a column, if the batches have it. */
  inputIndex(id: ColumnId): number | undefined {
    return this.columnIndex.get(id);
  }

  compile(expr: Expr): Evaluator {
    let ev = this.compiled.get(expr);
    if (!ev) {
      ev = this.shared.size > 0 ? this.compileShared(expr) : this.fold(expr, this.compileNode(expr));
      this.compiled.set(expr, ev);
    }
    return ev;
  }

  // A repeated subtree is compiled once and remembers its vector for the last batch it saw.
  private compileShared(expr: Expr): Evaluator {
    const key = exprKey(expr);
    if (!this.shared.has(key)) return this.fold(expr, this.compileNode(expr));
    let ev = this.sharedByKey.get(key);
    if (!ev) {
      ev = memoizeLastBatch(this.fold(expr, this.compileNode(expr)));
      this.sharedByKey.set(key, ev);
    }
    return ev;
  }

  // A node whose children are all constants is a constant too, unless it reads rows, runs a subquery or is not
  // deterministic: evaluate it once on a one-row batch.
  private fold(expr: Expr, ev: Evaluator): Evaluator {
    if (ev.constant) return ev;
    switch (expr.kind) {
      case 'column':
      case 'scalarSubquery':
      case 'exists':
      case 'inSubquery':
      case 'aggregate':
      case 'window':
        return ev;
      case 'call':
        if (!isDeterministic(expr.name)) return ev;
        break;
      default:
        break;
    }
    if (!exprChildren(expr).every((c) => this.compiled.get(c)?.constant)) return ev;
    const v = ev.evaluate({ length: 1, columns: [] });
    return constantEvaluator(expr.type, valueAt(v, 0));
  }

  private compileNode(expr: Expr): Evaluator {
    const type = expr.type;
    const make = (evaluate: (batch: Batch) => Vector): Evaluator => ({ type, evaluate });
    switch (expr.kind) {
      case 'column': {
        const index = this.inputIndex(expr.id);
        if (index === undefined) return fail('EXEC_INTERNAL', `column ${expr.name}#${expr.id} is not an input of the expression`);
        return make((batch) => batch.columns[index]!);
      }
      case 'outerColumn':
        // A correlated subquery is planned and run with its outer values bound: they are constants here.
        return constantEvaluator(type, this.ctx.outer.get(expr.id) ?? null);
      case 'literal':
        return constantEvaluator(type, literalJsValue(expr.value, type));
      case 'binary':
        return this.compileBinary(expr);
      case 'unary': {
        const operand = this.compile(expr.operand);
        const op = expr.op;
        switch (op) {
          case 'not':
            return make((batch) => not(operand.evaluate(batch)));
          case 'negate':
            if (type.kind === 'interval') return make((batch) => negateIntervals(operand.evaluate(batch)));
            return make((batch) => negate(operand.evaluate(batch)));
          case 'bit_not':
            return make((batch) => bitNot(operand.evaluate(batch)));
          default:
            return assertNever(op, 'unary operator');
        }
      }
      case 'isNull': {
        const operand = this.compile(expr.operand);
        return make((batch) => isNull(operand.evaluate(batch), expr.negated));
      }
      case 'inList':
        return this.compileInList(expr.operand, expr.list);
      case 'like':
        return this.compileLike(expr);
      case 'case': {
        const conditions = expr.whens.map((w) => this.compile(w.when));
        const values = expr.whens.map((w) => this.compile(w.then));
        const otherwise = expr.else ? this.compile(expr.else) : undefined;
        return make((batch) =>
          caseWhen(
            type,
            conditions.map((c) => c.evaluate(batch)),
            values.map((v) => v.evaluate(batch)),
            otherwise?.evaluate(batch),
          ),
        );
      }
      case 'cast': {
        const operand = this.compile(expr.operand);
        const zone = this.zone;
        return make((batch) => castVector(operand.evaluate(batch), type, zone));
      }
      case 'call':
        return make(compileCall(expr.name, expr.args.map((a) => this.compile(a)), type, this.env));
      case 'field': {
        const operand = this.compile(expr.operand);
        return make((batch) => getField(operand.evaluate(batch), expr.field, type));
      }
      case 'subscript': {
        const operand = this.compile(expr.operand);
        const index = this.compile(expr.index);
        return make((batch) => subscript(operand.evaluate(batch), index.evaluate(batch), type));
      }
      case 'scalarSubquery':
      case 'exists':
      case 'inSubquery':
        return compileSubquery(expr, this);
      case 'aggregate':
      case 'window':
        return fail('EXEC_INTERNAL', `${expr.kind} expressions are evaluated by their operators, not compiled as scalars`);
      default:
        return assertNever(expr, 'expression');
    }
  }

  private compileBinary(expr: BinaryExpr): Evaluator {
    const type = expr.type;
    const left = this.compile(expr.left);
    const right = this.compile(expr.right);
    const make = (evaluate: (batch: Batch) => Vector): Evaluator => ({ type, evaluate });
    const op = expr.op;
    switch (op) {
      case 'and':
      case 'or': {
        const combine = op === 'and' ? and : or;
        // The right side is skipped when the left alone decides every row (FALSE AND x, TRUE OR x).
        return make((batch) => {
          const l = left.evaluate(batch);
          return allRowsAre(l, op === 'or') ? l : combine(l, right.evaluate(batch));
        });
      }
      case '=':
      case '<>':
      case '<':
      case '<=':
      case '>':
      case '>=':
      case '<=>': {
        if (right.constant) {
          const c = right.constant.value;
          return make((batch) => compareToConstant(op, left.evaluate(batch), c));
        }
        if (left.constant) {
          const c = left.constant.value;
          return make((batch) => compareToConstant(flip(op), right.evaluate(batch), c));
        }
        return make((batch) => compare(op, left.evaluate(batch), right.evaluate(batch)));
      }
      case '&':
      case '|':
      case '^':
        return make((batch) => bitwise(op, left.evaluate(batch), right.evaluate(batch)));
      case '+':
      case '-':
      case '*':
      case '/':
      case '%':
      case 'div': {
        const datetime = [left.type.kind, right.type.kind].some((k) => k === 'interval' || k === 'date' || k === 'timestamp' || k === 'timestamp_ntz');
        if (datetime && op !== '%' && op !== 'div') {
          const zone = this.zone;
          return make((batch) => datetimeArithmetic(op, left.evaluate(batch), right.evaluate(batch), type, zone));
        }
        return make((batch) => arithmetic(op, left.evaluate(batch), right.evaluate(batch), type));
      }
      default:
        return assertNever(op, 'binary operator');
    }
  }

  private compileInList(operandExpr: Expr, list: readonly Expr[]): Evaluator {
    const operand = this.compile(operandExpr);
    const items = list.map((e) => this.compile(e));
    const type = T.boolean;
    if (items.every((i) => i.constant)) {
      const set = inSet(operand.type, items.map((i) => i.constant!.value));
      return { type, evaluate: (batch) => inConstantSet(operand.evaluate(batch), set) };
    }
    return {
      type,
      evaluate: (batch) =>
        inVectors(
          operand.evaluate(batch),
          items.map((i) => i.evaluate(batch)),
        ),
    };
  }

  private compileLike(expr: LikeExpr): Evaluator {
    const operand = this.compile(expr.operand);
    const pattern = this.compile(expr.pattern);
    const type = T.boolean;
    const build = (p: string): Matcher => (expr.op === 'rlike' ? regexMatcher(p) : likeMatcher(p, expr.escape, expr.op === 'ilike'));
    if (pattern.constant) {
      const p = pattern.constant.value;
      if (p === null) return constantEvaluator(type, null);
      const matcher = build(p as string);
      return { type, evaluate: (batch) => matchVector(operand.evaluate(batch), matcher) };
    }
    const cache = new Map<string, Matcher>();
    return { type, evaluate: (batch) => matchRows(operand.evaluate(batch), pattern.evaluate(batch), build, cache) };
  }
}

/** `ev`, computing its vector once per batch however often it is asked (vectors are immutable, so one is shared). */
function memoizeLastBatch(ev: Evaluator): Evaluator {
  if (ev.constant) return ev;
  let last: Batch | undefined;
  let value: Vector | undefined;
  return {
    type: ev.type,
    evaluate: (batch) => {
      if (batch !== last || value === undefined) {
        value = ev.evaluate(batch);
        last = batch;
      }
      return value;
    },
  };
}
