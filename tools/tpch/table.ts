// What every TPC-H table generator provides, and the context they share within one run.
import { Field, type DataType, type RecordBatch, type Schema } from 'apache-arrow';
import type { Cardinalities } from './spec.js';

export type TpchTableName = 'region' | 'nation' | 'supplier' | 'customer' | 'part' | 'partsupp' | 'orders' | 'lineitem';

export interface TpchContext {
  readonly sf: number;
  readonly cards: Cardinalities;
  /** The pseudo-text pool comments are cut from. */
  readonly pool: Uint8Array;
}

export interface TpchTable {
  readonly name: TpchTableName;
  readonly schema: Schema;
  /**
   * The table's rows in key order, as batches of about `chunkRows` rows (LINEITEM's follow its orders, so
   * they vary). Values depend only on the row, never on `chunkRows`.
   */
  batches(ctx: TpchContext, chunkRows: number): Iterable<RecordBatch>;
}

/** TPC-H columns are all NOT NULL. */
export function column(name: string, type: DataType): Field {
  return new Field(name, type, false);
}

/** [start, count] pairs covering [0, total) in steps of `size`. */
export function* chunks(total: number, size: number): Generator<readonly [start: number, count: number]> {
  for (let start = 0; start < total; start += size) yield [start, Math.min(size, total - start)];
}
