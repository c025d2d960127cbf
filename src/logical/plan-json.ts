// The JSON form of a plan: plans are plain JSON-safe data already, so this is JSON plus a validity check on the way in.
import { SqlError } from '../common/errors.js';
import { diagnostic } from '../common/diagnostic.js';
import type { LogicalPlan } from './plan.js';
import { validatePlan } from './validate-plan.js';

export function planToJson(plan: LogicalPlan, indent = 2): string {
  return JSON.stringify(plan, null, indent);
}

/** Parses a plan written by `planToJson`; throws SqlError (PLAN_INVALID_JSON) if it is not a valid plan. */
export function planFromJson(text: string): LogicalPlan {
  let plan: LogicalPlan;
  try {
    plan = JSON.parse(text) as LogicalPlan;
  } catch (e) {
    throw new SqlError([diagnostic('PLAN_INVALID_JSON', `not JSON: ${(e as Error).message}`)]);
  }
  let problems: string[];
  try {
    problems = validatePlan(plan);
  } catch {
    problems = ['not a plan: unknown node or expression kind, or a missing field'];
  }
  if (problems.length) throw new SqlError(problems.map((p) => diagnostic('PLAN_INVALID_JSON', p)));
  return plan;
}
