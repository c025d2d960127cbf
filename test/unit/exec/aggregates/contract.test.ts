// The accumulator contract as window functions use it: rows chosen by `rows`, one at a time, or one row to several
// groups in one update, must give what one GROUP BY update gives.
import { describe, expect, it } from 'vitest';
import { createAccumulator } from '../../../../src/exec/aggregates/index.js';
import { compileExpr } from '../../../../src/exec/expr/compile.js';
import type { AggregateExpr } from '../../../../src/logical/expr.js';
import type { Batch } from '../../../../src/exec/vector.js';
import { vectorFromValues, vectorValues } from '../../../../src/exec/vector.js';
import { T, decimal } from '../../../../src/types/data-type.js';
import { aggregate, arg, ctx, lit } from './harness.js';

const types = [T.int, decimal(12, 2), T.double, T.string, T.boolean, T.bigint];
const rows = Array.from({ length: 40 }, (_, i) => [
  i % 5 === 0 ? null : (i * 7) % 13,
  i % 6 === 0 ? null : BigInt(i * 101 - 900),
  i % 4 === 0 ? null : i / 3,
  i % 7 === 0 ? null : `s${(i * 5) % 9}`,
  i % 3 === 0 ? null : i % 2 === 0,
  i % 8 === 0 ? null : i % 3 === 0 ? 2n ** 60n + BigInt(i) : BigInt(i),
]);
const batch: Batch = { length: rows.length, columns: types.map((t, c) => vectorFromValues(t, rows.map((r) => r[c] ?? null))) };
const columns = types.map((type, id) => ({ id, name: `c${id}`, type, nullable: true }));

const calls: AggregateExpr[] = [
  aggregate('count', [arg(0, T.int)]),
  aggregate('count', [arg(0, T.int), arg(3, T.string)], { distinct: true }),
  aggregate('sum', [arg(0, T.int)]),
  aggregate('sum', [arg(1, decimal(12, 2))]),
  aggregate('sum', [arg(5, T.bigint)]),
  aggregate('avg', [arg(1, decimal(12, 2))]),
  aggregate('avg', [arg(5, T.bigint)]),
  aggregate('min', [arg(3, T.string)]),
  aggregate('max', [arg(5, T.bigint)]),
  aggregate('first', [arg(3, T.string)], { ignoreNulls: true }),
  aggregate('last', [arg(2, T.double)]),
  aggregate('collect_list', [arg(0, T.int)]),
  aggregate('collect_set', [arg(3, T.string)]),
  aggregate('var_samp', [arg(2, T.double)]),
  aggregate('corr', [arg(2, T.double), arg(2, T.double)]),
  aggregate('bool_and', [arg(4, T.boolean)]),
  aggregate('count_if', [arg(4, T.boolean)]),
  aggregate('max_by', [arg(3, T.string), arg(0, T.int)]),
  aggregate('approx_count_distinct', [arg(3, T.string)]),
  aggregate('percentile', [arg(1, decimal(12, 2)), lit(0.3, T.double)]),
  aggregate('percentile_approx', [arg(5, T.bigint), lit(0.5, T.double)]),
];

describe('the accumulator contract', () => {
  it.each(calls.map((c) => [`${c.name}(${c.args.map((a) => a.type.kind).join(', ')})${c.distinct ? ' distinct' : ''}`, c] as const))(
    '%s: row by row, and one row to several groups, equal one update',
    (_, call) => {
      const args = () => {
        const acc = createAccumulator(call, ctx);
        return { acc, args: acc.inputs.map((e) => compileExpr(e, columns, ctx).evaluate(batch)) };
      };
      const groupOf = (i: number) => i % 3;
      const whole = args();
      whole.acc.update(whole.args, Int32Array.from(rows, (_, i) => groupOf(i)), 3);
      const expected = vectorValues(whole.acc.results(3));

      const stepwise = args();
      stepwise.acc.update(stepwise.args, new Int32Array(0), 3, new Int32Array(0));
      const seen: unknown[] = [];
      for (let i = 0; i < rows.length; i++) {
        stepwise.acc.update(stepwise.args, Int32Array.of(groupOf(i)), groupOf(i) + 1, Int32Array.of(i));
        seen.push(stepwise.acc.result(groupOf(i)));
      }
      expect(vectorValues(stepwise.acc.results(3))).toEqual(expected);
      // The last rows (37, 38, 39) are the last of groups 1, 2 and 0: each read then is that group's final value.
      expect(seen.slice(-3)).toEqual([expected[1], expected[2], expected[0]]);
      // Every value read on the way is the aggregate of its group's rows so far, unchanged by the rows added later.
      const prefixes = rows.map((_, i) => {
        const prefix = args();
        const chosen = Int32Array.from(rows.keys()).filter((j) => j <= i && groupOf(j) === groupOf(i));
        prefix.acc.update(prefix.args, new Int32Array(chosen.length), 1, chosen);
        return prefix.acc.result(0);
      });
      expect(seen).toEqual(prefixes);

      const twice = args();
      for (let i = 0; i < rows.length; i++) {
        const g = groupOf(i);
        twice.acc.update(twice.args, Int32Array.of(g, g + 3), 6, Int32Array.of(i, i));
      }
      const doubled = vectorValues(twice.acc.results(6));
      expect(doubled.slice(0, 3)).toEqual(expected);
      expect(doubled.slice(3)).toEqual(expected);
    },
  );
});
