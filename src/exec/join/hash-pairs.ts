// The hash join's candidate pairs: each probe row with every build row of the same key, in probe then build order.
import type { Decided, Pairs } from './pairs.js';
import type { PairBuffer } from './pairs.js';

/**
 * Pairs of equal keys between a probe batch, `heads[p]` being the first build row with probe row p's key, and the
 * build chains, collected in `buffer` (empty, and left empty).
 */
export function* hashPairs(heads: Int32Array, next: Int32Array, decided: Decided, buffer: PairBuffer): Generator<Pairs> {
  const probeDone = decided.probe;
  const buildDone = decided.build;
  const stopAtFirst = decided.firstPairDecides && probeDone !== undefined;
  for (let p = 0; p < heads.length; p++) {
    for (let b = heads[p]!; b >= 0; b = next[b]!) {
      if (probeDone !== undefined && probeDone[p] === 1) break;
      if (buildDone !== undefined && buildDone[b] === 1) continue;
      if (buffer.push(p, b)) yield buffer.flush();
      if (stopAtFirst) break;
    }
  }
  if (buffer.length > 0) yield buffer.flush();
}
