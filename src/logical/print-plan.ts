// The plan printer: one node per line, `Name: args`, children indented; both EXPLAIN's output and the test oracle.
// Subquery plans inside a node's expressions are named `subquery#N` and printed under it, prefixed by `: `.
import { planChildren, planExpressions, subqueryPlans } from './traverse.js';
import { printExpr, printSortKey } from './print-expr.js';
import type { SubqueryNamer } from './print-expr.js';
import type { Column, LogicalPlan, PlanKind } from './plan.js';
import type { NamedExpr } from './expr.js';
import { typeToString } from '../types/data-type.js';

export interface PrintPlanOptions {
  /** Show each output column's type: `a#1:int`. */
  readonly types?: boolean;
}

/**
 * @example
 * printPlan(analyze(parseQuery('SELECT a + 1 AS b FROM t'), catalog))
 * // Project: (a#0 + 1) AS b#2
 * //   SubqueryAlias: t
 * //     Scan: parquet t [a#0, c#1]
 */
export function printPlan(plan: LogicalPlan, options: PrintPlanOptions = {}): string {
  const lines: string[] = [];
  const ids = new Map<LogicalPlan, number>();
  const namer: SubqueryNamer = {
    name(p) {
      let id = ids.get(p);
      if (id === undefined) ids.set(p, (id = ids.size + 1));
      return `subquery#${id}`;
    },
  };
  const walk = (p: LogicalPlan, indent: string): void => {
    lines.push(indent + describeNode(p, namer, options));
    for (const sub of planExpressions(p).flatMap(subqueryPlans)) {
      lines.push(`${indent}  : ${namer.name(sub)}`);
      const before = lines.length;
      walk(sub, `${indent}  :   `);
      // Trim trailing spaces of the `:` gutter for tidy snapshots.
      for (let i = before; i < lines.length; i++) lines[i] = lines[i]!.replace(/\s+$/, '');
    }
    for (const c of planChildren(p)) walk(c, indent + '  ');
  };
  walk(plan, '');
  return lines.join('\n');
}

/** One line for one node, without its children. */
export function describeNode(p: LogicalPlan, namer: SubqueryNamer, options: PrintPlanOptions = {}): string {
  const d = describers[p.kind] as (p: LogicalPlan, ctx: Ctx) => string;
  return d(p, { namer, options });
}

interface Ctx {
  readonly namer: SubqueryNamer;
  readonly options: PrintPlanOptions;
}

type Describers = { [K in PlanKind]: (p: Extract<LogicalPlan, { kind: K }>, ctx: Ctx) => string };

const describers: Describers = {
  scan: (p, c) =>
    `Scan: ${p.source.format} ${p.source.name} ${columns(p.columns, c)}` +
    (p.filters.length ? ` filters=[${p.filters.map((f) => printExpr(f, c.namer)).join(', ')}]` : ''),
  values: (p, c) => `Values: ${columns(p.output, c)} rows=${p.rows.length}`,
  range: (p, c) => `Range: start=${p.start}, end=${p.end}, step=${p.step} ${columns(p.output, c)}`,
  project: (p, c) => `Project: ${p.columns.map((n) => named(n, c)).join(', ')}`,
  filter: (p, c) => `Filter: ${printExpr(p.condition, c.namer)}`,
  aggregate: (p, c) =>
    `Aggregate: groupBy=[${p.groupKeys.map((n) => named(n, c)).join(', ')}], aggregates=[${p.aggregates
      .map((n) => named(n, c))
      .join(', ')}]`,
  expand: (p, c) =>
    `Expand: ${p.projections.map((row) => `[${row.map((e) => printExpr(e, c.namer)).join(', ')}]`).join(', ')} → ${columns(
      p.output,
      c,
    )}`,
  join: (p, c) => `Join: ${p.joinType}${p.nullAware ? ' (null-aware)' : ''}${p.condition ? `, ${printExpr(p.condition, c.namer)}` : ''}`,
  sort: (p, c) => `Sort${p.global ? '' : ' (within partitions)'}: ${p.order.map((k) => printSortKey(k, c.namer)).join(', ')}`,
  limit: (p) => (p.limit === undefined ? `Offset: ${p.offset}` : `Limit: ${p.limit}${p.offset ? `, offset=${p.offset}` : ''}`),
  union: (p, c) => `Union: ${p.all ? 'all' : 'distinct'} → ${columns(p.output, c)}`,
  intersect: (p) => `Intersect: ${p.all ? 'all' : 'distinct'}`,
  except: (p) => `Except: ${p.all ? 'all' : 'distinct'}`,
  distinct: () => 'Distinct',
  window: (p, c) => `Window: ${p.windows.map((n) => named(n, c)).join(', ')}`,
  subqueryAlias: (p) => `SubqueryAlias: ${p.alias}`,
  repartition: (p, c) =>
    `${p.shuffle ? 'Repartition' : 'Coalesce'}: ${[
      p.keys.length ? `keys=[${p.keys.map((k) => printExpr(k, c.namer)).join(', ')}]` : '',
      p.partitions !== undefined ? `partitions=${p.partitions}` : '',
    ]
      .filter(Boolean)
      .join(', ')}`,
  hint: (p) => `Hint: ${p.strategy}`,
};

function columns(cols: readonly Column[], c: Ctx): string {
  return `[${cols.map((col) => `${col.name}#${col.id}${c.options.types ? `:${typeToString(col.type)}` : ''}`).join(', ')}]`;
}

/** `expr AS name#id`, or just the column when the expression is that same column. */
function named(n: NamedExpr, c: Ctx): string {
  const e = n.expr;
  const type = c.options.types ? `:${typeToString(e.type)}` : '';
  if (e.kind === 'column' && e.id === n.id && e.name === n.name) return `${n.name}#${n.id}${type}`;
  return `${printExpr(e, c.namer)} AS ${n.name}#${n.id}${type}`;
}
