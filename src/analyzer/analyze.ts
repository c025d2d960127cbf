// The analyzer's entry point: an AST query plus a catalog → the analyzed logical plan (the only stage that may
// change meaning: names are bound, `*` expanded, types coerced, and SQL sugar desugared).
import type { Query } from '../ast/ast.js';
import type { Diagnostic } from '../common/diagnostic.js';
import { InternalError } from '../common/errors.js';
import type { LogicalPlan } from '../logical/plan.js';
import { validatePlan } from '../logical/validate-plan.js';
import { newContext } from './context.js';
import type { AnalyzerCatalog, AnalyzerOptions } from './context.js';
import { DEFAULT_ANALYZER_OPTIONS } from './context.js';
import { bindQuery } from './bind-query.js';

export interface AnalyzedQuery {
  readonly plan: LogicalPlan;
  /** Non-fatal findings: ignored hints and the like. */
  readonly warnings: readonly Diagnostic[];
}

/**
 * Binds `query` against `catalog`. Throws SqlError with a span for unknown names, type errors and the like.
 *
 * @example
 * const { plan } = analyzeQuery(parseQuery('SELECT l_orderkey FROM lineitem'), session.catalog);
 * console.log(printPlan(plan));
 */
export function analyzeQuery(query: Query, catalog: AnalyzerCatalog, options: AnalyzerOptions = DEFAULT_ANALYZER_OPTIONS): AnalyzedQuery {
  const ctx = newContext(catalog, options);
  const plan = bindQuery(query, ctx);
  const problems = validatePlan(plan);
  // The analyzer built an inconsistent plan: a bug in sqlopt, never the user's fault.
  if (problems.length) throw new InternalError(`the analyzer produced an invalid plan: ${problems.join('; ')}`);
  return { plan, warnings: ctx.warnings };
}
