// The public API of sqlopt as a library: parse, analyze, optimize, plan, explain and run Spark SQL; plans as plain data.
// Running queries loads the executor (and Apache Arrow, parquet-wasm) on first use only.
import type { Query } from './ast/ast.js';
import { parseQuery } from './ast/parse.js';
import { analyzeQuery } from './analyzer/analyze.js';
import type { AnalyzerCatalog, AnalyzerOptions } from './analyzer/context.js';
import type { LogicalPlan } from './logical/plan.js';
import { Session } from './api/session.js';
import type { ExplainOptions } from './api/explain.js';
import type { PhysicalQuery } from './physical/planner.js';
import type { RunOptions } from './exec/run-query.js';
import type { Batch } from './exec/vector.js';

export { parseScript as parse, parseStatement, parseQuery, parseExpression } from './ast/parse.js';
export { printSql } from './ast/print-sql.js';
export { stripSpans } from './ast/strip-spans.js';
export type * as Ast from './ast/ast.js';

export { analyzeQuery } from './analyzer/analyze.js';
export type { AnalyzedQuery } from './analyzer/analyze.js';
export type { AnalyzerCatalog, AnalyzerOptions, CatalogTable, CatalogColumn, CatalogView, CatalogEntry as AnalyzerCatalogEntry } from './analyzer/context.js';

export { Session } from './api/session.js';
export type { SessionOptions, CommandResult, PlannedQuery } from './api/session.js';
export type { ExplainOptions, ExplainFormat } from './api/explain.js';

export { Catalog, openParquetTable } from './catalog/index.js';
export type { ParquetTable, ParquetFile, ViewDefinition, FileStatistics, RowGroupStatistics, ColumnChunkStatistics } from './catalog/index.js';

export type { LogicalPlan, PlanKind, Column, Scan, TableSource, Statistics } from './logical/plan.js';
export type { Expr, ExprKind, NamedExpr, SortKey, ColumnId, LiteralValue } from './logical/expr.js';
export { outputOf } from './logical/output.js';
export { transformUp, transformDown, visitPlan, planChildren, transformExprUp, transformExprDown, visitExpr } from './logical/traverse.js';
export { printPlan } from './logical/print-plan.js';
export { printExpr } from './logical/print-expr.js';
export { planToJson, planFromJson } from './logical/plan-json.js';
export { validatePlan } from './logical/validate-plan.js';

export { optimize, ruleNames, MAX_PASSES } from './optimizer/driver.js';
export type { OptimizeOptions, OptimizeResult, RuleApplication } from './optimizer/driver.js';
export type { OptimizerRule, RuleContext, RuleResult } from './optimizer/rule.js';
export { DEFAULT_RULES } from './optimizer/rules/index.js';

export { planPhysical } from './physical/planner.js';
export type { PhysicalQuery, PlannerOptions } from './physical/planner.js';
export type { PhysicalPlan, PhysicalKind } from './physical/plan.js';
export { printPhysicalPlan } from './physical/print-physical.js';
export type { PrintPhysicalOptions } from './physical/print-physical.js';

export type { RunOptions } from './exec/run-query.js';
export type { Batch, Vector, VectorData, JsValue } from './exec/vector.js';
export { batchRows } from './exec/vector.js';

export type { DataType } from './types/data-type.js';
export { typeToString } from './types/data-type.js';

export { SqlError } from './common/errors.js';
export type { Diagnostic, Span, Position } from './common/diagnostic.js';
export { renderDiagnostic, renderDiagnostics } from './common/render-diagnostic.js';
export { Config, CONFIG_ENTRIES } from './common/config.js';

/**
 * Parses and analyzes one query against a catalog (a Session's, or your own AnalyzerCatalog).
 *
 * @example
 * const session = new Session();
 * session.registerParquet('t', 'data/t.parquet');
 * const plan = analyze('SELECT a, count(*) FROM t GROUP BY a', session.catalog);
 */
export function analyze(sql: string | Query, catalog: AnalyzerCatalog, options?: AnalyzerOptions): LogicalPlan {
  return analyzeQuery(typeof sql === 'string' ? parseQuery(sql) : sql, catalog, options).plan;
}

/**
 * Explains the queries of a script in a session (a new empty one by default).
 *
 * @example
 * explain("SELECT * FROM parquet.`data/t.parquet` WHERE a > 1", { extended: true })
 */
export function explain(sql: string, options: ExplainOptions & { readonly session?: Session } = {}): string {
  const { session = new Session(), ...rest } = options;
  return session.explain(sql, rest);
}

/**
 * Runs a planned query and yields its batches (columns: `query.root.output`); the executor loads on first use.
 *
 * @example
 * const { physical } = session.planQuery('SELECT n_name FROM nation');
 * for await (const batch of execute(physical, { timeZone: 'UTC' })) console.log(batchRows(batch));
 */
export async function* execute(query: PhysicalQuery, options: RunOptions): AsyncGenerator<Batch> {
  const { runPlan } = await import('./exec/run-query.js');
  yield* runPlan(query, options);
}
