// Walks any result source (a Table, or sync or async batches) as one async sequence, for the text writers.
import { Table } from 'apache-arrow';
import type { RecordBatch, Schema } from 'apache-arrow';
import type { BatchSource } from './parquet-writer.js';

/**
 * The batches of `source`, in order. Breaking out of the loop returns the source's iterator, so a query
 * feeding it stops.
 *
 * @example for await (const batch of batchesOf(table)) write(batch);
 */
export async function* batchesOf(source: BatchSource): AsyncGenerator<RecordBatch, void, undefined> {
  if (source instanceof Table) yield* source.batches;
  else yield* source;
}

/** The schema a source declares before any batch is read: a Table's, or the one given for a stream. */
export function declaredSchema(source: BatchSource, schema: Schema | undefined): Schema | undefined {
  return source instanceof Table ? source.schema : schema;
}
