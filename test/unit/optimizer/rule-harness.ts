// Shared by the rule tests: analyzed plans of SQL over small fake tables, and a rule's before/after as printed plans.
import { analyzeQuery } from '../../../src/analyzer/analyze.js';
import { parseQuery } from '../../../src/ast/parse.js';
import type { LogicalPlan } from '../../../src/logical/plan.js';
import { printPlan } from '../../../src/logical/print-plan.js';
import { optimize } from '../../../src/optimizer/driver.js';
import type { OptimizerRule } from '../../../src/optimizer/rule.js';
import { fakeCatalog } from '../../helpers/fake-catalog.js';

export const catalog = fakeCatalog({
  t: { columns: { a: 'int', b: 'string?', c: 'decimal(15,2)', e: 'bigint?' } },
  u: { columns: { x: 'int', y: 'string?', z: 'double?' } },
});

export function analyzed(sql: string): LogicalPlan {
  return analyzeQuery(parseQuery(sql), catalog).plan;
}

/** The analyzed plan, then the plan after running `rule` alone (through the driver, so it is checked and reaches subqueries). */
export function beforeAfter(rule: OptimizerRule, sql: string): string {
  const before = analyzed(sql);
  const after = optimize(before, { rules: [rule] }).plan;
  return `${printPlan(before)}\n→\n${printPlan(after)}`;
}

/** Whether `rule` leaves the plan of `sql` as it is. */
export function unchanged(rule: OptimizerRule, sql: string): boolean {
  const before = analyzed(sql);
  return optimize(before, { rules: [rule] }).plan === before;
}
