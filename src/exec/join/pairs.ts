// Candidate pairs: how a join's matching step (hash probe, nested loop) hands (probe row, build row) pairs on.
import type { Batch } from '../vector.js';

/** Row indices into the current probe batch and the build side, pair k being (probe[k], build[k]). */
export interface Pairs {
  readonly probe: Int32Array;
  readonly build: Int32Array;
}

/**
 * The rows whose outcome is already settled, which a pair source may skip (it may also ignore them): a semi or
 * anti join needs one matching pair per row of the side it decides, not all of them. The flags fill in between
 * the chunks a source yields, as the join consumes them.
 */
export interface Decided {
  /** 1 = this probe row of the current batch has matched (absent when probe rows need every pair). */
  readonly probe?: Uint8Array;
  /** 1 = this build row has matched (absent when build rows need every pair). */
  readonly build?: Uint8Array;
  /** Every candidate pair is a match (the join has no further condition), so a source may stop at the first. */
  readonly firstPairDecides: boolean;
}

/**
 * Produces the candidate pairs of one probe batch in chunks of at most the join's batch size. A chunk's arrays
 * are valid until the next one is requested (sources reuse their buffers).
 */
export type PairSource = (probe: Batch, decided: Decided) => Promise<Iterable<Pairs>>;

/** A fixed-capacity buffer of pairs that a source fills and hands out as a chunk when full. */
export class PairBuffer {
  /** The pairs' rows; sources that fill a chunk in a loop of their own may write them directly. */
  readonly probe: Int32Array;
  readonly build: Int32Array;
  private count = 0;

  constructor(readonly capacity: number) {
    this.probe = new Int32Array(capacity);
    this.build = new Int32Array(capacity);
  }

  get length(): number {
    return this.count;
  }

  /** Adds a pair; returns true when the buffer is now full and must be flushed. */
  push(probeRow: number, buildRow: number): boolean {
    this.probe[this.count] = probeRow;
    this.build[this.count] = buildRow;
    return ++this.count === this.capacity;
  }

  /** The buffered pairs as views (valid until the next push), emptying the buffer. */
  flush(): Pairs {
    const pairs = { probe: this.probe.subarray(0, this.count), build: this.build.subarray(0, this.count) };
    this.count = 0;
    return pairs;
  }
}
