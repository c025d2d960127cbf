// EXPLAIN: the plans of one query as text (sections like Spark's) or JSON.
import type { ExplainMode, Statement } from '../ast/ast.js';
import type { Diagnostic } from '../common/diagnostic.js';
import { printSql } from '../ast/print-sql.js';
import { stripSpans } from '../ast/strip-spans.js';
import type { LogicalPlan } from '../logical/plan.js';
import { printPlan } from '../logical/print-plan.js';
import { outputOf } from '../logical/output.js';
import type { OptimizeResult } from '../optimizer/driver.js';
import type { PhysicalQuery } from '../physical/planner.js';
import { printPhysicalPlan } from '../physical/print-physical.js';
import { typeToString } from '../types/data-type.js';

export type ExplainFormat = 'text' | 'json';

export interface ExplainOptions {
  /** Show every stage: the parsed query, the analyzed and optimized logical plans, and the physical plan. */
  readonly extended?: boolean;
  readonly format?: ExplainFormat;
  /** Show each column's type in the plans. */
  readonly types?: boolean;
  /** Also show the plan after each optimizer rule that changed it, and the time each rule took. */
  readonly verbose?: boolean;
}

export interface ExplainParts {
  readonly statement: Statement;
  readonly analyzed: LogicalPlan;
  readonly warnings: readonly Diagnostic[];
  /** With its trace when `verbose` was asked for. */
  readonly optimized: OptimizeResult;
  readonly physical: PhysicalQuery;
}

/** The options an `EXPLAIN <mode>` statement stands for. */
export function optionsForMode(mode: ExplainMode): ExplainOptions {
  return { extended: mode !== 'simple', types: mode === 'verbose' || mode === 'formatted', verbose: mode === 'verbose' };
}

/**
 * Spark's sections: by default only `== Physical Plan ==`; `extended` adds the parsed query and the analyzed and
 * optimized logical plans before it.
 */
export function renderExplain(parts: ExplainParts, options: ExplainOptions = {}): string {
  const schema = outputOf(parts.analyzed).map((c) => ({ name: c.name, type: typeToString(c.type), nullable: c.nullable }));
  if (options.format === 'json') {
    return JSON.stringify(
      {
        ...(options.extended ? { parsed: stripSpans(parts.statement) } : {}),
        schema,
        analyzed: parts.analyzed,
        optimized: parts.optimized.plan,
        physical: parts.physical.root,
        warnings: parts.warnings,
      },
      null,
      2,
    );
  }
  const printOptions = { types: options.types ?? false };
  const sections: string[] = [];
  if (options.extended) {
    sections.push(`== Parsed Query ==\n${printSql(parts.statement)}`);
    sections.push(`== Analyzed Logical Plan ==\n${schema.map((c) => `${c.name}: ${c.type}`).join(', ')}\n${printPlan(parts.analyzed, printOptions)}`);
  }
  if (options.verbose) sections.push(`== Optimizer ==\n${describeOptimizer(parts.optimized, printOptions)}`);
  if (options.extended) sections.push(`== Optimized Logical Plan ==\n${printPlan(parts.optimized.plan, printOptions)}`);
  sections.push(`== Physical Plan ==\n${printPhysicalPlan(parts.physical, printOptions)}`);
  if (parts.warnings.length) sections.push(`== Warnings ==\n${parts.warnings.map((w) => `- ${w.message}`).join('\n')}`);
  return sections.join('\n\n');
}

/** How the optimizer ended, each rule's time, then the plan after each rule that changed it. */
function describeOptimizer(result: OptimizeResult, options: { readonly types: boolean }): string {
  const stopped = { fixedPoint: 'a fixed point', cycle: 'a cycle (rules undoing each other)', maxPasses: 'the pass limit' }[result.stoppedBy];
  const timings = [...result.timings].map(([rule, ms]) => `${rule} ${ms.toFixed(1)} ms`).join(', ');
  const lines = [`${result.passes} passes, stopped at ${stopped}; ${timings}`];
  for (const step of result.trace) lines.push(`-- pass ${step.pass}, ${step.rule}:`, printPlan(step.plan, options));
  return lines.join('\n');
}
