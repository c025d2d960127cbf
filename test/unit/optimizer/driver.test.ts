// The optimizer driver: rule order and fixed point, switching rules off, the checks after each rule, cycles, tracing.
import { describe, expect, it } from 'vitest';
import { Session } from '../../../src/api/session.js';
import { InternalError, SqlError } from '../../../src/common/errors.js';
import type { LogicalPlan } from '../../../src/logical/plan.js';
import { printPlan } from '../../../src/logical/print-plan.js';
import { MAX_PASSES, optimize, ruleNames } from '../../../src/optimizer/driver.js';
import type { OptimizerRule } from '../../../src/optimizer/rule.js';
import { DEFAULT_RULES } from '../../../src/optimizer/rules/index.js';
import { analyzed } from './rule-harness.js';

const query = "SELECT a, y FROM t, u WHERE a = x AND b = 'k'";

/** A rule doing `f` to the top of the plan, reporting a change when `f` returns a new object. */
const ruleOf = (name: string, f: (p: LogicalPlan) => LogicalPlan): OptimizerRule => ({
  name,
  rewrite: (plan) => {
    const next = f(plan);
    return { plan: next, changed: next !== plan };
  },
});

describe('optimize', () => {
  it('runs the default rules to a fixed point: a pass that changes something, then one that does not', () => {
    const result = optimize(analyzed(query), { trace: true });
    expect(result.stoppedBy).toBe('fixedPoint');
    expect(result.passes).toBe(2);
    expect(result.trace.map((t) => `${t.pass} ${t.rule}`)).toEqual(['1 push_down_filter', '1 prune_columns']);
    expect(result.trace.at(-1)!.plan).toBe(result.plan);
    expect([...result.timings.keys()]).toEqual(DEFAULT_RULES.map((r) => r.name));
    expect(printPlan(result.plan)).toMatchInlineSnapshot(`
      "Project: a#0, y#5
        Join: inner, a#0 = x#4
          SubqueryAlias: t
            Filter: b#1 = 'k'
              Scan: parquet t [a#0, b#1] filters=[b#1 = 'k']
          SubqueryAlias: u
            Scan: parquet u [x#4, y#5]"
    `);
  });

  it('records no trace unless asked', () => {
    expect(optimize(analyzed(query)).trace).toEqual([]);
  });

  it('skips disabled rules and rejects unknown names', () => {
    const plan = analyzed(query);
    const result = optimize(plan, { disabled: ['push_down_filter'] });
    expect(printPlan(result.plan)).toContain('Filter: (a#0 = x#4) AND (b#1 = \'k\')');
    expect(optimize(plan, { disabled: ['push_down_filter', 'prune_columns'] }).plan).toBe(plan);
    expect(() => optimize(plan, { disabled: ['push_down_filters'] })).toThrow(SqlError);
    expect(() => optimize(plan, { disabled: ['push_down_filters'] })).toThrow(/names no rule `push_down_filters`/);
    expect(ruleNames(' Push_Down_Filter, ,prune_columns ')).toEqual(['push_down_filter', 'prune_columns']);
  });

  it('names the rule that changed the output columns', () => {
    const dropLast = ruleOf('drop_last_column', (p) => (p.kind === 'project' ? { ...p, columns: p.columns.slice(0, -1) } : p));
    expect(() => optimize(analyzed('SELECT a, b FROM t'), { rules: [dropLast] })).toThrow(InternalError);
    expect(() => optimize(analyzed('SELECT a, b FROM t'), { rules: [dropLast] })).toThrow(/rule drop_last_column changed the output/);
  });

  it('names the rule that left an invalid plan', () => {
    // Replaces the project's input by an empty VALUES, so a#0 no longer resolves.
    const unhook = ruleOf('unhook', (p) => (p.kind === 'project' && p.input.kind !== 'values' ? { ...p, input: { kind: 'values', output: [], rows: [] } } : p));
    expect(() => optimize(analyzed('SELECT a FROM t'), { rules: [unhook] })).toThrow(/rule unhook produced an invalid plan: project: a#0 does not resolve/);
  });

  it('stops when the rules undo each other, and after MAX_PASSES passes that all change the plan', () => {
    const wrap = ruleOf('wrap', (p) => (p.kind === 'subqueryAlias' ? p : { kind: 'subqueryAlias', alias: 'w', input: p }));
    const unwrap = ruleOf('unwrap', (p) => (p.kind === 'subqueryAlias' ? p.input : p));
    const plan = analyzed('SELECT a FROM t');
    const cycle = optimize(plan, { rules: [wrap, unwrap] });
    expect(cycle.stoppedBy).toBe('cycle');
    expect(cycle.passes).toBe(1);
    const deeper = ruleOf('deeper', (p) => ({ kind: 'subqueryAlias', alias: 'w', input: p }));
    const endless = optimize(plan, { rules: [deeper] });
    expect(endless.stoppedBy).toBe('maxPasses');
    expect(endless.passes).toBe(MAX_PASSES);
  });

  it('runs each rule on subquery plans too, telling it the outer columns in scope', () => {
    const seen: string[] = [];
    const spy: OptimizerRule = {
      name: 'spy',
      rewrite: (plan, ctx) => {
        seen.push(`${plan.kind} outer=[${[...ctx.outer.values()].map((c) => c.name).join(', ')}]`);
        return { plan, changed: false };
      },
    };
    optimize(analyzed('SELECT a FROM t WHERE EXISTS (SELECT * FROM u WHERE x = t.a AND x IN (SELECT a FROM t))'), { rules: [spy] });
    expect(seen).toEqual([
      'project outer=[]',
      'project outer=[a, b, c, e]',
      'project outer=[a, b, c, e, x, y, z]',
    ]);
  });
});

describe('the session', () => {
  it('reads sqlopt.optimizer.disabled', () => {
    const session = new Session();
    session.runCommand({ kind: 'set', key: 'sqlopt.optimizer.disabled', value: 'prune_columns' });
    const { optimized } = session.planQuery('SELECT a FROM VALUES (1, 2) AS v(a, b) WHERE a > 1');
    expect(printPlan(optimized.plan)).toMatchInlineSnapshot(`
      "Project: a#2
        SubqueryAlias: v
          Project: col1#0 AS a#2, col2#1 AS b#3
            Filter: col1#0 > 1
              Values: [col1#0, col2#1] rows=1"
    `);
  });

  it('shows the rules that changed the plan, and their times, under EXPLAIN VERBOSE', () => {
    const text = new Session().explain('EXPLAIN VERBOSE SELECT a FROM VALUES (1, 2) AS v(a, b) WHERE a > 1');
    const sections = [...text.matchAll(/^== (.*) ==$/gm)].map((m) => m[1]);
    expect(sections).toEqual(['Parsed Query', 'Analyzed Logical Plan', 'Optimizer', 'Optimized Logical Plan', 'Physical Plan']);
    expect(text).toMatch(/^2 passes, stopped at a fixed point; rewrite_predicate_subquery \d+\.\d ms, decorrelate_scalar_subquery \d+\.\d ms, extract_common_conjuncts \d+\.\d ms, derive_filters_from_or \d+\.\d ms, reorder_joins/m);
    expect(text.match(/^-- pass \d, \w+:$/gm)).toEqual(['-- pass 1, push_down_filter:', '-- pass 1, prune_columns:', '-- pass 1, remove_noop_project:']);
  });
});
