// Where a query runs on several threads: each scan of more than one row group, with the Filters and Projects right
// above it, becomes the input of a GatherExec that runs it in worker threads, a row group per worker in turn.
import { exprContains } from '../logical/traverse.js';
import type { TableSource } from '../logical/plan.js';
import { containsSubquery, isDeterministic } from '../optimizer/expr-facts.js';
import { physicalChildren, physicalExpressions, withPhysicalChildren } from './physical-tree.js';
import type { PhysicalPlan, ScanExec } from './plan.js';

export interface ParallelismOptions {
  /** Threads a query may use (the setting sqlopt.exec.threads); 1 keeps everything on the calling thread. */
  readonly threads: number;
  /** The row groups a table has, when the catalog knows: a scan of fewer than two has nothing to share. */
  readonly rowGroups: (source: TableSource) => number | undefined;
}

/**
 * `plan` with a GatherExec above each scan pipeline (scan, then Filters and Projects) worth running in parallel.
 * Not in parallel: pipelines whose expressions hold a subquery or an outer reference (they need the calling thread's
 * query context) or something non-deterministic (rand() per worker would repeat values), and scans of one row group.
 *
 * @example
 * parallelizeScans(planPhysical(plan).root, { threads: 2, rowGroups: () => 6 })
 * // GatherExec: 2 workers, row groups in turn
 * //   FilterExec: …
 * //     ScanExec: parquet lineitem […]
 */
export function parallelizeScans(plan: PhysicalPlan, options: ParallelismOptions): PhysicalPlan {
  if (options.threads < 2) return plan;
  const rewrite = (p: PhysicalPlan): PhysicalPlan => {
    const scan = pipelineScan(p);
    if (scan) {
      const units = options.rowGroups(scan.source) ?? 0;
      if (units < 2) return p;
      return { kind: 'gatherExec', input: p, workers: Math.min(options.threads, units), output: p.output };
    }
    const children = physicalChildren(p);
    const next = children.map(rewrite);
    return next.every((c, i) => c === children[i]) ? p : withPhysicalChildren(p, next);
  };
  return rewrite(plan);
}

/** The scan at the bottom of `p` when `p` is a pipeline a worker can run alone: Filters and Projects over a scan. */
function pipelineScan(p: PhysicalPlan): ScanExec | undefined {
  for (let node = p; ; ) {
    if (!physicalExpressions(node).every(workerSafe)) return undefined;
    if (node.kind === 'scanExec') return node;
    if (node.kind !== 'filterExec' && node.kind !== 'projectExec') return undefined;
    node = node.input;
  }
}

function workerSafe(e: Parameters<typeof containsSubquery>[0]): boolean {
  return !containsSubquery(e) && isDeterministic(e) && !exprContains(e, (x) => x.kind === 'outerColumn');
}
