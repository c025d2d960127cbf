// Decodes an in-memory Parquet file with parquet-wasm's sync reader and copies the batches out to Arrow JS via FFI.
//
// The C data interface (arrow-js-ffi) copies the decoded buffers straight out of wasm memory: 1.1–2.2x faster than
// serialising to IPC and parsing that (tools/bench-scan.ts). Everything allocated in wasm is freed before returning,
// so wasm memory holds at most one decode at a time.
import { tableFromIPC } from 'apache-arrow';
import type { RecordBatch, Schema } from 'apache-arrow';
import { parseRecordBatch } from 'arrow-js-ffi';
import { isWasmTrap, parquetWasm, replaceParquetWasm } from './wasm.js';

/**
 * The record batches of every row group in `parquet` (a whole Parquet file in memory), at most `batchSize` rows
 * each, in file order. Throws the decoder's `Error` for bad data, {@link ArrowConversionError} for a type arrow-js-ffi
 * cannot read, and rethrows a wasm trap after replacing the instance.
 *
 * @example
 * decodeParquet(readFileSync('t.parquet'), 65_536).reduce((n, b) => n + b.numRows, 0); // the file's row count
 */
export function decodeParquet(parquet: Uint8Array, batchSize: number): RecordBatch[] {
  return guardTraps(() => {
    const pw = parquetWasm();
    // intoFFI consumes the table, so only the FFI stream is left to free.
    const stream = pw.readParquet(parquet, { batchSize }).intoFFI();
    try {
      const schemaAddress = stream.schemaAddr();
      const batches: RecordBatch[] = [];
      for (let i = 0; i < stream.numArrays(); i++) {
        // `true` copies out of wasm memory; the buffer is read each time because any wasm call may have grown it.
        batches.push(toArrowJs(pw.wasmMemory().buffer, stream.arrayAddr(i), schemaAddress));
      }
      return batches;
    } finally {
      stream.free();
    }
  });
}

/**
 * The Arrow schema the decoder gives `parquet`'s columns (a file's footer is enough; row groups are not read).
 *
 * @example
 * decodeParquetSchema(bytes).fields.map(String); // ['l_shipdate: Date32<DAY>', …]
 */
export function decodeParquetSchema(parquet: Uint8Array): Schema {
  return guardTraps(() => tableFromIPC(parquetWasm().readSchema(parquet).intoIPCStream()).schema);
}

/** arrow-js-ffi could not read a decoded batch: a type it does not support, not bad data. */
export class ArrowConversionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArrowConversionError';
  }
}

function toArrowJs(memory: ArrayBuffer, arrayAddress: number, schemaAddress: number): RecordBatch {
  try {
    return parseRecordBatch(memory, arrayAddress, schemaAddress, true);
  } catch (e) {
    throw new ArrowConversionError(`cannot convert the decoded data to Arrow JS: ${(e as Error).message}`);
  }
}

function guardTraps<T>(decode: () => T): T {
  try {
    return decode();
  } catch (e) {
    if (isWasmTrap(e)) replaceParquetWasm();
    throw e;
  }
}
