// EXPLAIN: the plans of one query as text (sections like Spark's) or JSON.
import type { ExplainMode, Statement } from '../ast/ast.js';
import type { Diagnostic } from '../common/diagnostic.js';
import { printSql } from '../ast/print-sql.js';
import { stripSpans } from '../ast/strip-spans.js';
import type { LogicalPlan } from '../logical/plan.js';
import { printPlan } from '../logical/print-plan.js';
import { outputOf } from '../logical/output.js';
import { typeToString } from '../types/data-type.js';

export type ExplainFormat = 'text' | 'json';

export interface ExplainOptions {
  /** Also show the parsed query (and, as the optimizer and physical planner land, their plans). */
  readonly extended?: boolean;
  readonly format?: ExplainFormat;
  /** Show each column's type in the plans. */
  readonly types?: boolean;
}

export interface ExplainParts {
  readonly statement: Statement;
  readonly analyzed: LogicalPlan;
  readonly warnings: readonly Diagnostic[];
}

/** The options an `EXPLAIN <mode>` statement stands for. */
export function optionsForMode(mode: ExplainMode): ExplainOptions {
  return { extended: mode !== 'simple', types: mode === 'verbose' || mode === 'formatted' };
}

export function renderExplain(parts: ExplainParts, options: ExplainOptions = {}): string {
  const schema = outputOf(parts.analyzed).map((c) => ({ name: c.name, type: typeToString(c.type), nullable: c.nullable }));
  if (options.format === 'json') {
    return JSON.stringify(
      {
        ...(options.extended ? { parsed: stripSpans(parts.statement) } : {}),
        schema,
        analyzed: parts.analyzed,
        warnings: parts.warnings,
      },
      null,
      2,
    );
  }
  const sections: string[] = [];
  if (options.extended) sections.push(`== Parsed Query ==\n${printSql(parts.statement)}`);
  sections.push(
    `== Analyzed Logical Plan ==\n${schema.map((c) => `${c.name}: ${c.type}`).join(', ')}\n${printPlan(parts.analyzed, { types: options.types ?? false })}`,
  );
  if (parts.warnings.length) sections.push(`== Warnings ==\n${parts.warnings.map((w) => `- ${w.message}`).join('\n')}`);
  return sections.join('\n\n');
}
