// The hash join's candidate pairs: each probe row with every build row of the same key, in probe then build order.
import type { JoinHashTable } from './hash-table.js';
import type { JoinKey } from './join-keys.js';
import type { Decided, Pairs } from './pairs.js';
import { PairBuffer } from './pairs.js';

/** Pairs of equal keys between a probe batch (`probeKeys`, one per row) and the build table. */
export function* hashPairs(table: JoinHashTable, probeKeys: readonly JoinKey[], decided: Decided, chunkSize: number): Generator<Pairs> {
  const { first, next } = table;
  const probeDone = decided.probe;
  const buildDone = decided.build;
  const stopAtFirst = decided.firstPairDecides && probeDone !== undefined;
  const buffer = new PairBuffer(chunkSize);
  for (let p = 0; p < probeKeys.length; p++) {
    const key = probeKeys[p];
    if (key === undefined) continue;
    for (let b = first(key); b >= 0; b = next[b]!) {
      if (probeDone !== undefined && probeDone[p] === 1) break;
      if (buildDone !== undefined && buildDone[b] === 1) continue;
      if (buffer.push(p, b)) yield buffer.flush();
      if (stopAtFirst) break;
    }
  }
  if (buffer.length > 0) yield buffer.flush();
}
