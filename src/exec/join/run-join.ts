// The loop every join runs once its build side is in memory: stream the probe side, turn candidate pairs into
// matches, and emit pairs, NULL-extended rows, and semi/anti rows as the join type asks.
import type { DataType } from '../../types/data-type.js';
import { concatBatches } from '../kernels/concat.js';
import type { Batch } from '../vector.js';
import type { JoinCondition } from './join-condition.js';
import type { JoinRoles } from './join-roles.js';
import { decidedByFirstMatch } from './join-roles.js';
import type { ColumnSource } from './join-sides.js';
import { gatherRows } from './join-sides.js';
import { markMatched, rowsWhere } from './matched-rows.js';
import type { PairSource } from './pairs.js';

export interface JoinRun {
  readonly roles: JoinRoles;
  /** The join's output columns. */
  readonly output: readonly ColumnSource[];
  /** Where matched pairs may read the output columns from instead (see `pairSources`); `output` when absent. */
  readonly pairOutput?: readonly ColumnSource[];
  /** The materialised side. */
  readonly build: Batch;
  /** Column types of the probe side (NULL-extending build rows needs them when no probe batch is at hand). */
  readonly probeTypes: readonly DataType[];
  readonly pairs: PairSource;
  /** Filters candidate pairs; absent when every candidate pair is a match. */
  readonly condition: JoinCondition | undefined;
  /** Rows per output batch to aim for. */
  readonly batchSize: number;
}

/**
 * Joins the `probe` stream against the build side.
 *
 * @example
 * yield* runJoin({ roles: joinRoles('left', 'right'), output, build, probeTypes, pairs, condition, batchSize }, execute(node.left, ctx));
 */
export async function* runJoin(run: JoinRun, probe: AsyncIterable<Batch>): AsyncGenerator<Batch> {
  const { roles, output, build, condition } = run;
  const pairOutput = run.pairOutput ?? output;
  const buildMatched = roles.build === 'none' ? undefined : new Uint8Array(build.length);
  const buildDecided = decidedByFirstMatch(roles.build) ? buildMatched : undefined;
  let buildMatchedCount = 0;
  // Without build rows and without anything to say about unmatched probe rows, the probe side cannot add a row.
  const probeMatters = build.length > 0 || roles.probe !== 'none';
  if (probeMatters) {
    for await (const batch of probe) {
      if (batch.length === 0) continue;
      const probeMatched = roles.probe === 'none' ? undefined : new Uint8Array(batch.length);
      const decided = {
        firstPairDecides: condition === undefined,
        ...(decidedByFirstMatch(roles.probe) ? { probe: probeMatched } : {}),
        ...(buildDecided ? { build: buildDecided } : {}),
      };
      for (const candidates of await run.pairs(batch, decided)) {
        const matched = condition ? await condition.filter(candidates, batch, build) : candidates;
        if (matched.probe.length === 0) continue;
        if (probeMatched) markMatched(probeMatched, matched.probe);
        if (buildMatched) buildMatchedCount += markMatched(buildMatched, matched.build);
        if (roles.emitPairs) yield gatherRows(pairOutput, batch, matched.probe, build, matched.build);
      }
      if (probeMatched) {
        const rows = rowsWhere(probeMatched, roles.probe === 'semi');
        if (rows.length > 0) yield gatherRows(output, batch, rows, build, nullRows(rows.length));
      }
      // Semi and anti joins that build their output side are settled once every build row has matched.
      if (buildDecided && buildMatchedCount === build.length) break;
    }
  }
  if (buildMatched) {
    const rows = rowsWhere(buildMatched, roles.build === 'semi');
    const noProbe = concatBatches([], run.probeTypes);
    for (let start = 0; start < rows.length; start += run.batchSize) {
      const slice = rows.subarray(start, start + run.batchSize);
      yield gatherRows(output, noProbe, nullRows(slice.length), build, slice);
    }
  }
}

/** Row indices that all mean "no row": the NULL side of an outer row. */
function nullRows(length: number): Int32Array {
  return new Int32Array(length).fill(-1);
}
