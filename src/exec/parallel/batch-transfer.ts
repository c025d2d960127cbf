// Batches between threads: a batch is plain data (typed arrays, JS arrays, plain objects), so postMessage copies it
// as it is; its typed arrays are copied once more on the sending side and their buffers transferred, so the receiving
// thread does no copying and the sender keeps every array it may still use (a cached constant, a shared dictionary).
import type { Batch, Vector, VectorData } from '../vector.js';

export interface Transferable {
  readonly batch: Batch;
  /** The buffers to list in postMessage's transfer list. */
  readonly transfer: ArrayBuffer[];
}

/**
 * @example
 * const { batch: message, transfer } = transferable(batch);
 * parentPort.postMessage({ type: 'batch', batch: message }, transfer);
 */
export function transferable(batch: Batch): Transferable {
  const transfer: ArrayBuffer[] = [];
  const own = <T extends Uint8Array | Int32Array | Float64Array>(a: T): T => {
    const copy = a.slice() as T;
    transfer.push(copy.buffer as ArrayBuffer);
    return copy;
  };
  const columns = batch.columns.map((v): Vector => {
    const data = ownData(v.data, own);
    return v.nulls ? { ...v, data, nulls: own(v.nulls) } : { ...v, data };
  });
  return { batch: { length: batch.length, columns }, transfer };
}

function ownData(d: VectorData, own: <T extends Uint8Array | Int32Array | Float64Array>(a: T) => T): VectorData {
  switch (d.layout) {
    case 'bool':
      return { layout: 'bool', values: own(d.values) };
    case 'i32':
      return { layout: 'i32', values: own(d.values) };
    case 'f64':
      return { layout: 'f64', values: own(d.values) };
    case 'dict':
      return { layout: 'dict', codes: own(d.codes), dictionary: d.dictionary };
    default:
      // bigints, strings and objects are copied by postMessage itself.
      return d;
  }
}
