// SELECT hints: join strategy hints name relations of the FROM clause; COALESCE/REPARTITION wrap the result.
import type * as ast from '../ast/ast.js';
import { diagnostic } from '../common/diagnostic.js';
import { fail } from '../common/errors.js';
import type { Expr } from '../logical/expr.js';
import type { JoinStrategyHint, LogicalPlan } from '../logical/plan.js';
import { outputOf } from '../logical/output.js';
import type { AnalyzerContext } from './context.js';
import { scopeOf } from './scope.js';
import { bindExpr } from './bind-expr.js';

const JOIN_HINTS: Record<string, JoinStrategyHint> = {
  BROADCAST: 'broadcast',
  BROADCASTJOIN: 'broadcast',
  MAPJOIN: 'broadcast',
  MERGE: 'merge',
  SHUFFLE_MERGE: 'merge',
  MERGEJOIN: 'merge',
  SHUFFLE_HASH: 'shuffle_hash',
  SHUFFLE_REPLICATE_NL: 'shuffle_replicate_nl',
};

/** Join hints by lower-cased relation name or alias; `used` is set when a relation picks one up. */
export type JoinHints = Map<string, { strategy: JoinStrategyHint; used: boolean }>;

export interface SelectHints {
  readonly joinHints: JoinHints;
  /** Wraps the SELECT's plan in the COALESCE/REPARTITION hints, outermost last. */
  applyRepartition(plan: LogicalPlan): LogicalPlan;
}

export function readHints(hints: readonly ast.Hint[], ctx: AnalyzerContext): SelectHints {
  const joinHints: JoinHints = new Map();
  const partitioning: ast.Hint[] = [];
  for (const h of hints) {
    const strategy = JOIN_HINTS[h.name];
    if (strategy) {
      for (const a of h.args) {
        if (a.kind !== 'column') fail('ANALYSIS_INVALID_HINT', `${h.name} takes table names`, a.span ?? h.span);
        else joinHints.set(a.parts[a.parts.length - 1]!.toLowerCase(), { strategy, used: false });
      }
    } else if (h.name === 'COALESCE' || h.name === 'REPARTITION') {
      partitioning.push(h);
    } else {
      ctx.warnings.push({ ...diagnostic('ANALYSIS_UNKNOWN_HINT', `hint ${h.name} is not supported and was ignored`, h.span), severity: 'warning' });
    }
  }
  return {
    joinHints,
    applyRepartition(plan) {
      for (const h of partitioning) plan = repartition(h, plan, ctx);
      for (const [name, h] of joinHints)
        if (!h.used)
          ctx.warnings.push({ ...diagnostic('ANALYSIS_UNUSED_HINT', `join hint for \`${name}\` matches no relation in FROM and was ignored`), severity: 'warning' });
      return plan;
    },
  };
}

function repartition(h: ast.Hint, input: LogicalPlan, ctx: AnalyzerContext): LogicalPlan {
  const [first, ...rest] = h.args;
  const count = first && first.kind === 'literal' && first.literal.type === 'number' ? Number(first.literal.text) : undefined;
  if (count !== undefined && (!Number.isInteger(count) || count < 1))
    fail('ANALYSIS_INVALID_HINT', `${h.name} needs a positive number of partitions`, first?.span ?? h.span);
  const keyArgs = count === undefined ? h.args : rest;
  if (h.name === 'COALESCE') {
    if (count === undefined || keyArgs.length) fail('ANALYSIS_INVALID_HINT', 'COALESCE takes exactly one number of partitions', h.span);
    return { kind: 'repartition', input, keys: [], partitions: count!, shuffle: false };
  }
  const scope = scopeOf(outputOf(input));
  const keys: Expr[] = keyArgs.map((a) => bindExpr(a, { ctx, scope, clause: 'a REPARTITION hint', allowAggregates: false, allowWindows: false }));
  return { kind: 'repartition', input, keys, ...(count !== undefined ? { partitions: count } : {}), shuffle: true };
}
