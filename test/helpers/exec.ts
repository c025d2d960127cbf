// Helpers for executor tests: batches from rows, a context, and running an operator to a list of rows.
import type { DataType } from '../../src/types/data-type.js';
import type { Column } from '../../src/logical/plan.js';
import type { ExecContext, OperatorMetrics } from '../../src/exec/context.js';
import type { PhysicalPlan, ValuesExec } from '../../src/physical/plan.js';
import type { LiteralValue } from '../../src/logical/expr.js';
import { literal } from '../../src/logical/expr-builders.js';
import type { Batch, JsValue } from '../../src/exec/vector.js';
import { batchRows, vectorFromValues } from '../../src/exec/vector.js';
import { execute } from '../../src/exec/execute.js';

/** A batch from rows of JsValues (see vector.ts for which JS type each SQL type takes). */
export function batchOf(types: readonly DataType[], rows: readonly (readonly JsValue[])[]): Batch {
  return { length: rows.length, columns: types.map((t, c) => vectorFromValues(t, rows.map((r) => r[c] ?? null))) };
}

/** Output columns with ids 0…n-1 named c0, c1, … */
export function columnsOf(types: readonly DataType[], firstId = 0): Column[] {
  return types.map((type, i) => ({ id: firstId + i, name: `c${firstId + i}`, type, nullable: true }));
}

/** A context without subqueries (override `runSubquery` to test them). */
export function testContext(overrides: Partial<ExecContext> = {}): ExecContext {
  const metrics = new Map<PhysicalPlan, OperatorMetrics>();
  return {
    timeZone: 'UTC',
    batchSize: 1024,
    outer: new Map(),
    runSubquery: () => Promise.reject(new Error('this test context runs no subqueries')),
    metricsOf: (node) => {
      let m = metrics.get(node);
      if (!m) metrics.set(node, (m = { rows: 0, batches: 0, timeMs: 0 }));
      return m;
    },
    ...overrides,
  };
}

/** Runs a plan and returns all its rows as JsValues. */
export async function runRows(plan: PhysicalPlan, ctx: ExecContext = testContext()): Promise<JsValue[][]> {
  const rows: JsValue[][] = [];
  for await (const b of execute(plan, ctx)) rows.push(...batchRows(b));
  return rows;
}

/**
 * A ValuesExec producing `rows` (JsValues) as columns of `types`, ids from `firstId`; the values operator cuts its
 * output into batches of `ctx.batchSize` rows, so a small batch size tests batch boundaries.
 */
export function valuesNode(types: readonly DataType[], rows: readonly (readonly JsValue[])[], firstId = 0): ValuesExec {
  const output = columnsOf(types, firstId);
  return { kind: 'valuesExec', output, rows: rows.map((r) => types.map((t, c) => literal(literalValueOf(r[c] ?? null, t), t))) };
}

/** The plan literal (JSON-safe form) of a JsValue of type `t`. */
export function literalValueOf(v: JsValue, t: DataType): LiteralValue {
  if (v === null || v === undefined) return null;
  if (t.kind === 'decimal') {
    const u = BigInt(v as bigint);
    const neg = u < 0n;
    const digits = (neg ? -u : u).toString().padStart(t.scale + 1, '0');
    const text = t.scale ? `${digits.slice(0, -t.scale)}.${digits.slice(-t.scale)}` : digits;
    return (neg ? '-' : '') + text;
  }
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Uint8Array) return Buffer.from(v).toString('hex');
  return v as LiteralValue;
}
