// The thread's parquet-wasm instance: loaded once and kept warm, replaced after a wasm trap may have left it corrupt.
//
// parquet-wasm's Node entry is a CommonJS module that instantiates the wasm at load, so one `require` is one
// instance; dropping it from the require cache and requiring it again gives a fresh one (about 60 ms).
import { createRequire } from 'node:module';
import type * as ParquetWasm from 'parquet-wasm';

export type ParquetWasmModule = typeof ParquetWasm;

const require = createRequire(import.meta.url);

/** The loaded instance and the file it came from; resolved on first use, so importing this module costs nothing. */
let current: { readonly module: ParquetWasmModule; readonly entry: string } | undefined;

// The project's type libraries (ES2023 and Node, not DOM) do not declare WebAssembly's error classes.
const WasmRuntimeError = (globalThis as unknown as { WebAssembly: { RuntimeError: ErrorConstructor } }).WebAssembly.RuntimeError;

/**
 * The current instance, loaded on first use. An `import * from 'parquet-wasm'` elsewhere in the thread shares the
 * first instance, but not the ones that replace it after a trap.
 *
 * @example
 * const table = parquetWasm().readParquet(bytes);
 */
export function parquetWasm(): ParquetWasmModule {
  if (!current) {
    const entry = require.resolve('parquet-wasm/node');
    current = { module: require(entry) as ParquetWasmModule, entry };
  }
  return current.module;
}

/**
 * Drops the current instance; the next {@link parquetWasm} loads a fresh one. Call after a wasm trap (a Rust panic
 * or an allocation failure): the trap unwinds nothing, so the instance may hold leaked memory and broken state.
 * Objects from the old instance must not be used afterwards.
 *
 * @example
 * try { pw.readParquet(bytes) } catch (e) { if (isWasmTrap(e)) replaceParquetWasm(); throw e; }
 */
export function replaceParquetWasm(): void {
  if (current) delete require.cache[current.entry];
  current = undefined;
}

/**
 * Whether `e` is a wasm trap rather than an error the Rust code returned.
 *
 * @example
 * isWasmTrap(new WebAssembly.RuntimeError('unreachable')); // true
 */
export function isWasmTrap(e: unknown): e is Error {
  return e instanceof WasmRuntimeError;
}

/**
 * The size of the current instance's linear memory. It grows to the largest decode so far and never shrinks.
 *
 * @example
 * wasmMemoryBytes(); // 11403264
 */
export function wasmMemoryBytes(): number {
  return parquetWasm().wasmMemory().buffer.byteLength;
}
