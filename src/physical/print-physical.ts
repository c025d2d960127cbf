// The physical plan printer: one operator per line, `NameExec: args`, children indented; EXPLAIN's "Physical Plan".
// Subquery plans inside an operator's expressions are printed under it as `: subquery#N`, like the logical printer.
import type { NamedExpr } from '../logical/expr.js';
import type { Column, LogicalPlan } from '../logical/plan.js';
import { printExpr, printSortKey } from '../logical/print-expr.js';
import type { SubqueryNamer } from '../logical/print-expr.js';
import { subqueryPlans } from '../logical/traverse.js';
import { typeToString } from '../types/data-type.js';
import { physicalChildren, physicalExpressions } from './physical-tree.js';
import type { PhysicalKind, PhysicalPlan } from './plan.js';
import type { PhysicalQuery } from './planner.js';
import { subqueryOf } from './planner.js';

export interface PrintPhysicalOptions {
  /** Show each output column's type: `a#1:int`. */
  readonly types?: boolean;
}

/**
 * @example
 * printPhysicalPlan(planPhysical(plan))
 * // HashJoinExec: inner, keys=[o_custkey#9 = c_custkey#0], build=right (smaller side (150 <= 1500 rows))
 * //   ScanExec: parquet orders [o_custkey#9, o_totalprice#11]
 * //   ScanExec: parquet customer [c_custkey#0]
 */
export function printPhysicalPlan(query: PhysicalQuery, options: PrintPhysicalOptions = {}): string {
  const lines: string[] = [];
  const ids = new Map<LogicalPlan, number>();
  const namer: SubqueryNamer = {
    name(p) {
      let id = ids.get(p);
      if (id === undefined) ids.set(p, (id = ids.size + 1));
      return `subquery#${id}`;
    },
  };
  const ctx: Ctx = { namer, types: options.types ?? false };
  const walk = (p: PhysicalPlan, indent: string): void => {
    lines.push(indent + (describers[p.kind] as (p: PhysicalPlan, c: Ctx) => string)(p, ctx));
    for (const sub of physicalExpressions(p).flatMap(subqueryPlans)) {
      lines.push(`${indent}  : ${namer.name(sub)}`);
      const before = lines.length;
      walk(subqueryOf(query, sub), `${indent}  :   `);
      for (let i = before; i < lines.length; i++) lines[i] = lines[i]!.replace(/\s+$/, '');
    }
    for (const c of physicalChildren(p)) walk(c, indent + '  ');
  };
  walk(query.root, '');
  return lines.join('\n');
}

interface Ctx {
  readonly namer: SubqueryNamer;
  readonly types: boolean;
}

type Describers = { [K in PhysicalKind]: (p: Extract<PhysicalPlan, { kind: K }>, c: Ctx) => string };

const describers: Describers = {
  gatherExec: (p) => `GatherExec: ${p.workers} workers, row groups in turn`,
  scanExec: (p, c) =>
    `ScanExec: ${p.source.format} ${p.source.name} ${columns(p.output, c)}` +
    (p.filters.length ? ` filters=[${p.filters.map((f) => printExpr(f, c.namer)).join(', ')}]` : ''),
  valuesExec: (p, c) => `ValuesExec: ${columns(p.output, c)} rows=${p.rows.length}`,
  rangeExec: (p, c) => `RangeExec: start=${p.start}, end=${p.end}, step=${p.step} ${columns(p.output, c)}`,
  filterExec: (p, c) => `FilterExec: ${printExpr(p.condition, c.namer)}${p.output.length < p.input.output.length ? ` output=${columns(p.output, c)}` : ''}`,
  projectExec: (p, c) => `ProjectExec: ${p.columns.map((n) => named(n, c)).join(', ')}`,
  hashAggregateExec: (p, c) =>
    `HashAggregateExec: keys=[${p.groupKeys.map((n) => named(n, c)).join(', ')}], aggregates=[${p.aggregates.map((n) => named(n, c)).join(', ')}]`,
  expandExec: (p, c) =>
    `ExpandExec: ${p.projections.map((row) => `[${row.map((e) => printExpr(e, c.namer)).join(', ')}]`).join(', ')} → ${columns(p.output, c)}`,
  hashJoinExec: (p, c) =>
    `HashJoinExec: ${p.joinType}, keys=[${p.leftKeys.map((k, i) => `${printExpr(k, c.namer)} = ${printExpr(p.rightKeys[i]!, c.namer)}`).join(', ')}]` +
    (p.residual ? `, residual=${printExpr(p.residual, c.namer)}` : '') +
    (p.nullAware ? ', null-aware' : '') +
    `, build=${p.build}${reason(p)}`,
  nestedLoopJoinExec: (p, c) => `NestedLoopJoinExec: ${p.joinType}${p.condition ? `, ${printExpr(p.condition, c.namer)}` : ''}${reason(p)}`,
  sortExec: (p, c) => `SortExec: ${p.order.map((k) => printSortKey(k, c.namer)).join(', ')}`,
  topNExec: (p, c) => `TopNExec: limit=${p.limit}${p.offset ? `, offset=${p.offset}` : ''}, ${p.order.map((k) => printSortKey(k, c.namer)).join(', ')}`,
  limitExec: (p) => `LimitExec: ${[p.limit !== undefined ? `limit=${p.limit}` : '', p.offset ? `offset=${p.offset}` : ''].filter(Boolean).join(', ')}`,
  unionExec: (p, c) => `UnionExec: ${columns(p.output, c)}`,
  setOperationExec: (p) => `SetOperationExec: ${p.op} ${p.all ? 'all' : 'distinct'}`,
  windowExec: (p, c) => `WindowExec: ${p.windows.map((n) => named(n, c)).join(', ')}`,
};

function reason(p: { readonly reason?: string }): string {
  return p.reason ? ` (${p.reason})` : '';
}

function columns(cols: readonly Column[], c: Ctx): string {
  return `[${cols.map((col) => `${col.name}#${col.id}${c.types ? `:${typeToString(col.type)}` : ''}`).join(', ')}]`;
}

/** `expr AS name#id`, or just the column when the expression is that same column (as the logical printer does). */
function named(n: NamedExpr, c: Ctx): string {
  const e = n.expr;
  const type = c.types ? `:${typeToString(e.type)}` : '';
  if (e.kind === 'column' && e.id === n.id && e.name === n.name) return `${n.name}#${n.id}${type}`;
  return `${printExpr(e, c.namer)} AS ${n.name}#${n.id}${type}`;
}
