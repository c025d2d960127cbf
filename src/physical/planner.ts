// The physical planner: an optimized logical plan → the operators that run it, subquery plans included.
import { InternalError } from '../common/errors.js';
import type { Expr, NamedExpr } from '../logical/expr.js';
import type { Join, LogicalPlan, Project, Sort } from '../logical/plan.js';
import { columnRef, conjunction, conjuncts } from '../logical/expr-builders.js';
import { outputOf } from '../logical/output.js';
import { subqueryPlans } from '../logical/traverse.js';
import { containsCorrelatedSubquery, containsSubquery } from '../optimizer/expr-facts.js';
import { extractJoinKeys } from './join-keys.js';
import { rowEstimator } from '../cost/row-estimates.js';
import type { TableStatistics } from '../cost/row-estimates.js';
import { chooseBuildSide, hintOf } from './join-selection.js';
import { narrowOutputs } from './narrow-outputs.js';
import { parallelizeScans } from './parallelism.js';
import type { ParallelismOptions } from './parallelism.js';
import { physicalChildren, physicalExpressions } from './physical-tree.js';
import type { PhysicalPlan } from './plan.js';

export interface PlannerOptions {
  /** Row counts of tables (the session's catalog has them), to build the smaller side of inner joins. */
  readonly tableStatistics?: TableStatistics;
  /** Threads to run scan pipelines on, and the tables' row groups (see parallelism.ts); default one thread. */
  readonly parallelism?: ParallelismOptions;
}

/** A planned query: its operators and those of every subquery inside it. */
export interface PhysicalQuery {
  readonly root: PhysicalPlan;
  /** The physical plan of each subquery plan found in the expressions (keyed by the logical plan the expression holds). */
  readonly subqueries: ReadonlyMap<LogicalPlan, PhysicalPlan>;
}

/**
 * @example
 * const query = planPhysical(optimize(session.analyze(sql).plan).plan, { tableStatistics });
 * printPhysicalPlan(query);
 */
export function planPhysical(plan: LogicalPlan, options: PlannerOptions = {}): PhysicalQuery {
  const subqueries = new Map<LogicalPlan, PhysicalPlan>();
  const estimate = rowEstimator(options.tableStatistics);

  const planJoin = (p: Join): PhysicalPlan => {
    const [left, right] = [planNode(p.left), planNode(p.right)];
    const output = outputOf(p);
    const nestedLoop = (reason: string): PhysicalPlan => ({
      kind: 'nestedLoopJoinExec',
      joinType: p.joinType,
      left,
      right,
      output,
      ...(p.condition ? { condition: p.condition } : {}),
      reason,
    });
    if (p.joinType === 'cross' || !p.condition) return nestedLoop('no condition: every pair');
    const keys = extractJoinKeys(p.condition, outputOf(p.left), outputOf(p.right));
    // The hash join is the only operator with NOT IN's NULL semantics; the rule that makes such joins gives them only key equalities.
    if (p.nullAware && (keys.leftKeys.length === 0 || keys.residual.length > 0))
      throw new InternalError('a null-aware anti join whose condition is not only key equalities');
    if (keys.leftKeys.length === 0) return nestedLoop('no equality between the sides');
    if (p.joinType === 'inner' && (hintOf(p.left) === 'shuffle_replicate_nl' || hintOf(p.right) === 'shuffle_replicate_nl'))
      return nestedLoop('shuffle_replicate_nl hint');
    const { build, reason } = chooseBuildSide(p.joinType, p.left, p.right, estimate, p.nullAware === true);
    return {
      kind: 'hashJoinExec',
      joinType: p.joinType,
      left,
      right,
      leftKeys: keys.leftKeys,
      rightKeys: keys.rightKeys,
      ...(keys.residual.length ? { residual: conjunction(keys.residual) } : {}),
      build,
      nullAware: p.nullAware === true,
      output,
      reason,
    };
  };

  const planNode = (p: LogicalPlan): PhysicalPlan => {
    const output = outputOf(p);
    switch (p.kind) {
      case 'scan':
        return { kind: 'scanExec', source: p.source, filters: p.filters, output };
      case 'values':
        return { kind: 'valuesExec', rows: p.rows, output };
      case 'range':
        return { kind: 'rangeExec', start: p.start, end: p.end, step: p.step, output };
      case 'filter':
        return planFilter(p.condition, planNode(p.input));
      case 'project':
        return { kind: 'projectExec', input: planNode(p.input), columns: p.columns, output };
      case 'aggregate':
        return { kind: 'hashAggregateExec', input: planNode(p.input), groupKeys: p.groupKeys, aggregates: p.aggregates, output };
      case 'distinct':
        return distinctOf(planNode(p.input));
      case 'expand':
        return { kind: 'expandExec', input: planNode(p.input), projections: p.projections, output };
      case 'join':
        return planJoin(p);
      case 'sort':
        // SORT BY sorts each partition; with one partition that is a full sort.
        return { kind: 'sortExec', input: planNode(p.input), order: p.order, output };
      case 'limit': {
        const ordered = p.limit === undefined ? undefined : orderedBelow(p.input);
        if (!ordered) return { kind: 'limitExec', input: planNode(p.input), ...(p.limit !== undefined ? { limit: p.limit } : {}), offset: p.offset, output };
        const { sort, project } = ordered;
        const topN: PhysicalPlan = { kind: 'topNExec', input: planNode(sort.input), order: sort.order, limit: p.limit!, offset: p.offset, output: outputOf(sort) };
        // A Project between them (ORDER BY a column not selected) runs on the few rows top-N keeps, as Spark's TakeOrderedAndProject does.
        return project ? { kind: 'projectExec', input: topN, columns: project.columns, output } : topN;
      }
      case 'union': {
        const all: PhysicalPlan = { kind: 'unionExec', inputs: p.inputs.map(planNode), output };
        return p.all ? all : distinctOf(all);
      }
      case 'intersect':
      case 'except':
        return { kind: 'setOperationExec', op: p.kind, all: p.all, left: planNode(p.left), right: planNode(p.right), output };
      case 'window':
        return { kind: 'windowExec', input: planNode(p.input), windows: p.windows, output };
      // Names and hints have done their work (join selection reads hints from the logical plan); execution is
      // single-partition for now, so repartitioning does nothing.
      case 'subqueryAlias':
      case 'hint':
      case 'repartition':
        return planNode(p.input);
    }
  };

  const planSubqueries = (node: PhysicalPlan): void => {
    for (const e of physicalExpressions(node))
      for (const sub of subqueryPlans(e))
        if (!subqueries.has(sub)) {
          const physical = planNode(sub);
          subqueries.set(sub, physical);
          planSubqueries(physical);
        }
    physicalChildren(node).forEach(planSubqueries);
  };

  const root = planNode(plan);
  planSubqueries(root);
  // Narrowing first: the pipelines a gather sends to its workers then carry only the columns read above them.
  const finish = (p: PhysicalPlan) => (options.parallelism ? parallelizeScans(narrowOutputs(p), options.parallelism) : narrowOutputs(p));
  return { root: finish(root), subqueries: new Map([...subqueries].map(([logical, physical]) => [logical, finish(physical)])) };
}

/**
 * A filter's conjuncts run cheapest first, each tier in a FilterExec of its own, so that subqueries only run for rows
 * that passed the cheaper conjuncts: plain ones, then those with uncorrelated subqueries (one run, then a lookup per
 * row), then those with correlated subqueries (a run per distinct outer row).
 */
function planFilter(condition: Expr, input: PhysicalPlan): PhysicalPlan {
  const cost = (e: Expr): number => (containsCorrelatedSubquery(e) ? 2 : containsSubquery(e) ? 1 : 0);
  const parts = conjuncts(condition);
  return [0, 1, 2].reduce<PhysicalPlan>((below, tier) => {
    const cond = parts.filter((c) => cost(c) === tier);
    return cond.length ? { kind: 'filterExec', input: below, condition: conjunction(cond), output: below.output } : below;
  }, input);
}

/** DISTINCT as grouping by every column, without aggregates. */
function distinctOf(input: PhysicalPlan): PhysicalPlan {
  const groupKeys: NamedExpr[] = input.output.map((c) => ({ id: c.id, name: c.name, expr: columnRef(c) }));
  return { kind: 'hashAggregateExec', input, groupKeys, aggregates: [], output: input.output };
}

/** The Sort right under a Limit, possibly under a Project, looking through the nodes the planner drops. */
function orderedBelow(p: LogicalPlan, project?: Project): { sort: Sort; project?: Project } | undefined {
  switch (p.kind) {
    case 'sort':
      return { sort: p, ...(project ? { project } : {}) };
    case 'project':
      return project ? undefined : orderedBelow(p.input, p);
    case 'subqueryAlias':
    case 'hint':
    case 'repartition':
      return orderedBelow(p.input, project);
    default:
      return undefined;
  }
}

/** The physical plan of a subquery of `query`; every subquery plan in its expressions was planned with it. */
export function subqueryOf(query: PhysicalQuery, plan: LogicalPlan): PhysicalPlan {
  const physical = query.subqueries.get(plan);
  if (!physical) throw new InternalError('a subquery was not planned with the query that holds it');
  return physical;
}
