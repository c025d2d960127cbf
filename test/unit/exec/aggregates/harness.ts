// Runs one accumulator the way the hash aggregate does (inputs compiled over the argument columns, group ids per
// row, batches of a chosen size), for the aggregate tests in this folder.
import { lookupFunction } from '../../../../src/analyzer/functions/registry.js';
import type { AggregateExpr, Expr, LiteralValue } from '../../../../src/logical/expr.js';
import type { DataType } from '../../../../src/types/data-type.js';
import { compileExpr } from '../../../../src/exec/expr/compile.js';
import { createAccumulator } from '../../../../src/exec/aggregates/index.js';
import type { ExecContext } from '../../../../src/exec/context.js';
import type { Batch, JsValue } from '../../../../src/exec/vector.js';
import { vectorFromValues, vectorValues } from '../../../../src/exec/vector.js';

export const ctx: ExecContext = {
  timeZone: 'UTC',
  batchSize: 1024,
  outer: new Map(),
  runSubquery: () => Promise.reject(new Error('no subqueries here')),
  metricsOf: () => ({ rows: 0, batches: 0, timeMs: 0 }),
};

/** Argument i of a call: a reference to column i. */
export function arg(i: number, type: DataType): Expr {
  return { kind: 'column', id: i, name: `c${i}`, type, nullable: true };
}

export function lit(value: LiteralValue, type: DataType): Expr {
  return { kind: 'literal', value, type, nullable: value === null };
}

/** An aggregate call typed as the analyzer would type it. */
export function aggregate(name: string, args: readonly Expr[], options: { distinct?: boolean; ignoreNulls?: boolean } = {}): AggregateExpr {
  const def = lookupFunction(name);
  if (!def) throw new Error(`no function ${name}`);
  const resolved = def.resolve(
    args.map((a) => a.type),
    args.map((a) => (a.kind === 'literal' ? { constant: a.value } : {})),
  );
  if (typeof resolved === 'string') throw new Error(resolved);
  return {
    kind: 'aggregate',
    name: def.name,
    args,
    distinct: options.distinct ?? false,
    ignoreNulls: options.ignoreNulls ?? false,
    type: resolved.returnType,
    nullable: true,
  };
}

export interface RunOptions {
  /** The group of each row (default: all in group 0). */
  readonly groups?: readonly number[];
  /** How many groups to read results for (default: one more than the largest group id, at least 1). */
  readonly groupCount?: number;
  readonly batchSize?: number;
}

/**
 * The result of `call` per group over `rows` (one JsValue per argument column, typed `types`), checking that
 * `results()` and `result(g)` agree.
 */
export function run(call: AggregateExpr, types: readonly DataType[], rows: readonly (readonly JsValue[])[], options: RunOptions = {}): JsValue[] {
  const acc = createAccumulator(call, ctx);
  const columns = types.map((type, i) => ({ id: i, name: `c${i}`, type, nullable: true }));
  const inputs = acc.inputs.map((e) => compileExpr(e, columns, ctx));
  const groupIds = options.groups ?? rows.map(() => 0);
  const groupCount = options.groupCount ?? Math.max(0, ...groupIds) + 1;
  const size = options.batchSize ?? 1024;
  for (let start = 0; start < rows.length; start += size) {
    const chunk = rows.slice(start, start + size);
    const batch: Batch = { length: chunk.length, columns: types.map((t, c) => vectorFromValues(t, chunk.map((r) => r[c] ?? null))) };
    const groups = Int32Array.from(groupIds.slice(start, start + size));
    const seen = Math.max(-1, ...groups) + 1;
    acc.update(
      inputs.map((e) => e.evaluate(batch)),
      groups,
      seen,
    );
  }
  const vector = acc.results(groupCount);
  if (vector.length !== groupCount) throw new Error(`results() gave ${vector.length} values for ${groupCount} groups`);
  const values = vectorValues(vector);
  const single = Array.from({ length: groupCount }, (_, g) => acc.result(g));
  if (JSON.stringify(single, replacer) !== JSON.stringify(values, replacer)) {
    throw new Error(`result(g) ${JSON.stringify(single, replacer)} differs from results() ${JSON.stringify(values, replacer)}`);
  }
  return values;
}

/** `run` for a single group. */
export function runOne(call: AggregateExpr, types: readonly DataType[], rows: readonly (readonly JsValue[])[], batchSize?: number): JsValue {
  return run(call, types, rows, batchSize ? { batchSize } : {})[0];
}

function replacer(_: string, v: unknown): unknown {
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  if (v instanceof Uint8Array) return Array.from(v);
  return v;
}
