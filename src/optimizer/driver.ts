// The optimizer driver: runs the rules in order, pass after pass until none changes the plan, on the query and on every
// subquery plan inside it; checks after each rule that the output is unchanged and the plan validates; times each rule.
import { fail, InternalError } from '../common/errors.js';
import type { ColumnId } from '../logical/expr.js';
import type { Column, LogicalPlan } from '../logical/plan.js';
import { outputOf } from '../logical/output.js';
import { mapPlanExpressions, planChildren, transformExprUp, transformUp } from '../logical/traverse.js';
import { validatePlan } from '../logical/validate-plan.js';
import { typeToString } from '../types/data-type.js';
import type { OptimizerRule, RuleResult } from './rule.js';
import { DEFAULT_RULES } from './rules/index.js';

export interface OptimizeOptions {
  /** The rules, in order; DEFAULT_RULES when absent. */
  readonly rules?: readonly OptimizerRule[];
  /** Names of rules to skip (the setting `sqlopt.optimizer.disabled`); an unknown name is an error. */
  readonly disabled?: readonly string[];
  /** Record the plan after every rule that changed it (EXPLAIN VERBOSE). */
  readonly trace?: boolean;
}

/** One rule that changed the plan, and the whole plan after it. */
export interface RuleApplication {
  readonly pass: number;
  readonly rule: string;
  readonly plan: LogicalPlan;
}

export interface OptimizeResult {
  readonly plan: LogicalPlan;
  /** Passes run; the last changed nothing when `stoppedBy` is `fixedPoint`. */
  readonly passes: number;
  /**
   * `fixedPoint`: a pass changed nothing. `cycle`: a pass ended on the plan an earlier pass ended on, so the rules
   * undo each other. `maxPasses`: MAX_PASSES passes all changed something. The plan is valid in each case.
   */
  readonly stoppedBy: 'fixedPoint' | 'cycle' | 'maxPasses';
  /** Milliseconds spent in each rule over all passes, in rule order. */
  readonly timings: ReadonlyMap<string, number>;
  /** Empty unless `trace` was asked for. */
  readonly trace: readonly RuleApplication[];
}

/** More passes than a correct rule set needs (the default rules settle in two). */
export const MAX_PASSES = 16;

/**
 * @example
 * const { plan } = optimize(session.analyze('SELECT a FROM t WHERE b > 1').plan, { disabled: ['prune_columns'] });
 */
export function optimize(plan: LogicalPlan, options: OptimizeOptions = {}): OptimizeResult {
  const rules = enabledRules(options.rules ?? DEFAULT_RULES, options.disabled ?? []);
  const timings = new Map(rules.map((r) => [r.name, 0]));
  const trace: RuleApplication[] = [];
  const ended = new Set([JSON.stringify(plan)]);
  let current = plan;
  for (let pass = 1; ; pass++) {
    let changed = false;
    for (const rule of rules) {
      if (rule.once && pass > 1) continue;
      const started = performance.now();
      const result = applyEverywhere(rule, current, new Map());
      timings.set(rule.name, timings.get(rule.name)! + performance.now() - started);
      if (!result.changed) continue;
      const problems = validatePlan(result.plan);
      if (problems.length) throw new InternalError(`optimizer rule ${rule.name} produced an invalid plan: ${problems.join('; ')}`);
      current = result.plan;
      changed = true;
      if (options.trace) trace.push({ pass, rule: rule.name, plan: current });
    }
    const done = (stoppedBy: OptimizeResult['stoppedBy']): OptimizeResult => ({ plan: current, passes: pass, stoppedBy, timings, trace });
    if (!changed) return done('fixedPoint');
    const fingerprint = JSON.stringify(current);
    if (ended.has(fingerprint)) return done('cycle');
    if (pass === MAX_PASSES) return done('maxPasses');
    ended.add(fingerprint);
  }
}

/** The names a setting like `push_down_filter, prune_columns` lists. */
export function ruleNames(setting: string): string[] {
  return setting
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

function enabledRules(rules: readonly OptimizerRule[], disabled: readonly string[]): readonly OptimizerRule[] {
  const names = new Set(rules.map((r) => r.name));
  for (const name of disabled)
    if (!names.has(name))
      fail('CONFIG_INVALID_VALUE', `sqlopt.optimizer.disabled names no rule \`${name}\``, undefined, `the rules are ${[...names].join(', ')}`);
  return rules.filter((r) => !disabled.includes(r.name));
}

/**
 * Runs `rule` on `plan`, then on each subquery plan inside the result (with the columns visible to it as `outer`),
 * checking at each level that the output stayed the same.
 */
function applyEverywhere(rule: OptimizerRule, plan: LogicalPlan, outer: ReadonlyMap<ColumnId, Column>): RuleResult {
  const own = rule.rewrite(plan, { outer });
  // A rule that reports no change keeps the plan it was given, so identity tells later rules and passes the truth.
  const level = own.changed ? own.plan : plan;
  if (own.changed) checkOutput(rule, plan, level);
  let changed = own.changed;
  const rewritten = transformUp(level, (node) => {
    const visible = new Map(outer);
    for (const child of planChildren(node)) for (const c of outputOf(child)) visible.set(c.id, c);
    return mapPlanExpressions(node, (e) =>
      transformExprUp(e, (x) => {
        if (x.kind !== 'scalarSubquery' && x.kind !== 'exists' && x.kind !== 'inSubquery') return x;
        const inner = applyEverywhere(rule, x.plan, visible);
        if (!inner.changed) return x;
        changed = true;
        return { ...x, plan: inner.plan };
      }),
    );
  });
  return { plan: rewritten, changed };
}

function checkOutput(rule: OptimizerRule, before: LogicalPlan, after: LogicalPlan): void {
  const describe = (p: LogicalPlan) => outputOf(p).map((c) => `${c.name}#${c.id}:${typeToString(c.type)}`).join(', ');
  const [was, now] = [describe(before), describe(after)];
  if (was !== now) throw new InternalError(`optimizer rule ${rule.name} changed the output of a plan from [${was}] to [${now}]`);
}
