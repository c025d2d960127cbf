// The nested-loop join's candidate pairs: every probe row of a batch with every build row, in chunks.
import type { Decided, Pairs } from './pairs.js';
import { PairBuffer } from './pairs.js';

/** All (probe row, build row) pairs of a probe batch of `probeLength` rows and `buildLength` build rows. */
export function* crossPairs(probeLength: number, buildLength: number, decided: Decided, chunkSize: number): Generator<Pairs> {
  const probeDone = decided.probe;
  const stopAtFirst = decided.firstPairDecides && probeDone !== undefined;
  const buffer = new PairBuffer(chunkSize);
  for (let p = 0; p < probeLength; p++) {
    for (let b = 0; b < buildLength; b++) {
      if (probeDone !== undefined && probeDone[p] === 1) break;
      if (buffer.push(p, b)) yield buffer.flush();
      if (stopAtFirst) break;
    }
  }
  if (buffer.length > 0) yield buffer.flush();
}
