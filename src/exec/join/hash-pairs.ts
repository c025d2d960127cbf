// The hash join's candidate pairs: each probe row with every build row of the same key, in probe then build order.
import type { JoinHashTable, Runs } from './hash-table.js';
import type { Decided, Pairs } from './pairs.js';
import type { PairBuffer } from './pairs.js';

/**
 * Pairs of equal keys between a probe batch, `heads[p]` being the first build row with probe row p's key, and the
 * build chains, collected in `buffer` (empty, and left empty).
 */
export function* hashPairs(heads: Int32Array, table: JoinHashTable, decided: Decided, buffer: PairBuffer): Generator<Pairs> {
  if (table.unique) {
    yield* uniquePairs(heads, buffer);
    return;
  }
  const probeDone = decided.probe;
  const buildDone = decided.build;
  if (probeDone === undefined && buildDone === undefined) {
    yield* table.runs ? everyPairInRuns(heads, table.runs, buffer) : everyPair(heads, table.next, buffer);
    return;
  }
  const next = table.next;
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

/**
 * The pairs when build keys are unique: at most one per probe row, so no runs to read and nothing to skip for
 * rows already decided (a pair source may ignore those).
 */
function* uniquePairs(heads: Int32Array, buffer: PairBuffer): Generator<Pairs> {
  const { probe, build, capacity } = buffer;
  for (let start = 0; start < heads.length; start += capacity) {
    const end = Math.min(heads.length, start + capacity);
    let k = 0;
    for (let p = start; p < end; p++) {
      const b = heads[p]!;
      probe[k] = p;
      build[k] = b;
      // Branch-free: a pair without a build row is written over by the next.
      k += (b >>> 31) ^ 1;
    }
    if (k > 0) yield { probe: probe.subarray(0, k), build: build.subarray(0, k) };
  }
}

/** Every pair, when no row is settled early (inner and outer joins): the chains walked without further checks. */
function* everyPair(heads: Int32Array, next: Int32Array, buffer: PairBuffer): Generator<Pairs> {
  const { probe, build, capacity } = buffer;
  let k = 0;
  for (let p = 0; p < heads.length; p++) {
    for (let b = heads[p]!; b >= 0; b = next[b]!) {
      probe[k] = p;
      build[k] = b;
      if (++k === capacity) {
        yield { probe, build };
        k = 0;
      }
    }
  }
  if (k > 0) yield { probe: probe.subarray(0, k), build: build.subarray(0, k) };
}

/** `everyPair` reading each key's rows from its run, in sequence. */
function* everyPairInRuns(heads: Int32Array, runs: Runs, buffer: PairBuffer): Generator<Pairs> {
  const { start, length, rows } = runs;
  const { probe, build, capacity } = buffer;
  let k = 0;
  for (let p = 0; p < heads.length; p++) {
    const first = heads[p]!;
    if (first < 0) continue;
    const end = start[first]! + length[first]!;
    for (let j = start[first]!; j < end; j++) {
      probe[k] = p;
      build[k] = rows[j]!;
      if (++k === capacity) {
        yield { probe, build };
        k = 0;
      }
    }
  }
  if (k > 0) yield { probe: probe.subarray(0, k), build: build.subarray(0, k) };
}
