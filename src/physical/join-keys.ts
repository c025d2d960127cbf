// Splits a join condition into the equality keys a hash join matches on and the residual it checks on each match.
import type { Expr, LiteralValue } from '../logical/expr.js';
import type { Column } from '../logical/plan.js';
import { call, conjuncts, isNull, literal } from '../logical/expr-builders.js';
import { visitExpr } from '../logical/traverse.js';
import type { DataType } from '../types/data-type.js';
import { sameType } from '../types/data-type.js';
import { containsSubquery, isDeterministic } from '../optimizer/expr-facts.js';

export interface JoinKeys {
  /** `leftKeys[i]` reads only left columns, `rightKeys[i]` only right ones, and both have the same type. */
  readonly leftKeys: readonly Expr[];
  readonly rightKeys: readonly Expr[];
  /** The conjuncts that are not keys, in their original order. */
  readonly residual: readonly Expr[];
}

/**
 * Each conjunct `l = r` (either way round) with `l` over left columns only and `r` over right columns only becomes a
 * key pair. A NULL-safe `l <=> r` becomes two pairs, as in Spark: `coalesce(l, default) = coalesce(r, default)` and
 * `isnull(l) = isnull(r)`; they are never NULL, so the hash join's "NULL matches nothing" gives `<=>`'s answer.
 *
 * @example
 * extractJoinKeys(parse('a#0 = x#5 AND CAST(b#1 AS bigint) = y#6 AND a#0 < x#5'), [a, b], [x, y])
 * // leftKeys [a#0, CAST(b#1 AS bigint)], rightKeys [x#5, y#6], residual [a#0 < x#5]
 */
export function extractJoinKeys(condition: Expr | undefined, left: readonly Column[], right: readonly Column[]): JoinKeys {
  const leftIds = new Set(left.map((c) => c.id));
  const rightIds = new Set(right.map((c) => c.id));
  const sideOf = (e: Expr): 'left' | 'right' | undefined => {
    const refs = columnIds(e);
    // Without columns it is a constant, which no side's hash table can be keyed on.
    if (refs.length === 0 || !isDeterministic(e) || containsSubquery(e)) return undefined;
    if (refs.every((id) => leftIds.has(id))) return 'left';
    if (refs.every((id) => rightIds.has(id))) return 'right';
    return undefined;
  };
  const leftKeys: Expr[] = [];
  const rightKeys: Expr[] = [];
  const residual: Expr[] = [];
  for (const c of condition ? conjuncts(condition) : []) {
    const pair = c.kind === 'binary' && (c.op === '=' || c.op === '<=>') ? orient(c.left, c.right, sideOf) : undefined;
    if (!pair || !sameType(pair[0].type, pair[1].type)) residual.push(c);
    else if (c.kind === 'binary' && c.op === '<=>') {
      const fallback = defaultValue(pair[0].type);
      if (fallback === undefined) {
        residual.push(c);
        continue;
      }
      const [l, r] = pair.map((e) => call('coalesce', [e, literal(fallback, e.type)], e.type, false));
      leftKeys.push(l!, isNull(pair[0]));
      rightKeys.push(r!, isNull(pair[1]));
    } else {
      leftKeys.push(pair[0]);
      rightKeys.push(pair[1]);
    }
  }
  return { leftKeys, rightKeys, residual };
}

/** `[left operand, right operand]` when one reads only the left side and the other only the right, else undefined. */
function orient(a: Expr, b: Expr, sideOf: (e: Expr) => 'left' | 'right' | undefined): [Expr, Expr] | undefined {
  const [sa, sb] = [sideOf(a), sideOf(b)];
  if (sa === 'left' && sb === 'right') return [a, b];
  if (sa === 'right' && sb === 'left') return [b, a];
  return undefined;
}

function columnIds(e: Expr): number[] {
  const ids: number[] = [];
  visitExpr(e, (x) => {
    if (x.kind === 'column') ids.push(x.id);
  });
  return ids;
}

/** A value of the type to stand in for NULL in a `<=>` key (Spark's Literal.default); undefined for nested types. */
function defaultValue(type: DataType): LiteralValue | undefined {
  switch (type.kind) {
    case 'boolean':
      return false;
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'float':
    case 'double':
    case 'date':
      return 0;
    case 'bigint':
    case 'timestamp':
    case 'timestamp_ntz':
      return '0';
    case 'decimal':
      return type.scale ? `0.${'0'.repeat(type.scale)}` : '0';
    case 'string':
    case 'binary':
      return '';
    case 'null':
    case 'interval':
    case 'array':
    case 'map':
    case 'struct':
      return undefined;
  }
}
