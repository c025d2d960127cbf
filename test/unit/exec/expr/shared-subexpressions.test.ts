// Subexpressions shared by the expressions of one operator: found, computed once per batch, and never shared when
// nondeterministic; constants cut to shorter batches.
import { describe, expect, it } from 'vitest';
import { compileExpr, compileExprs } from '../../../../src/exec/expr/compile.js';
import { exprKey, repeatedSubtrees } from '../../../../src/exec/expr/shared-subexpressions.js';
import { printExpr } from '../../../../src/logical/print-expr.js';
import { vectorValues } from '../../../../src/exec/vector.js';
import { testContext } from '../../../helpers/exec.js';
import { analyzeSelect, inputBatch } from './sql-expr.js';

const lineitem = { p: 'decimal(15,2)', d: 'decimal(15,2)?', t: 'decimal(15,2)' };

describe('shared subexpressions', () => {
  it("finds Q1's repeated product and computes it once per batch", () => {
    const { exprs, input } = analyzeSelect('p * (1 - d), p * (1 - d) * (1 + t), 1 + t', lineitem);
    const repeated = repeatedSubtrees(exprs);
    const keys = [...repeated];
    expect(keys).toContain(exprKey(exprs[0]!));
    expect(keys).toContain(exprKey(exprs[2]!));
    // `1 - d` occurs only inside the repeated product: computed as part of it.
    expect(keys).toHaveLength(2);

    const [disc, charge, tax] = compileExprs(exprs, input, testContext());
    const batch = inputBatch(input, [
      [9061966n, 4n, 2n],
      [4521100n, null, 6n],
    ]);
    const first = disc!.evaluate(batch);
    expect(disc!.evaluate(batch)).toBe(first);
    expect(vectorValues(first)).toEqual([869948736n, null]);
    expect(vectorValues(charge!.evaluate(batch))).toEqual([88734771072n, null]);
    expect(vectorValues(tax!.evaluate(batch))).toEqual([102n, 106n]);
    // A new batch is computed anew.
    const next = inputBatch(input, [[100n, 0n, 0n]]);
    expect(vectorValues(disc!.evaluate(next))).toEqual([10000n]);
  });

  it('does not share nondeterministic calls', () => {
    const { exprs } = analyzeSelect('rand() + p, rand() + p', lineitem);
    expect(printExpr(exprs[0]!)).toContain('rand');
    // Only the cast of `p` to double, inside the sums, may be shared.
    expect([...repeatedSubtrees(exprs)].filter((k) => k.includes('"name":"rand"'))).toEqual([]);
  });

  it('cuts a constant to shorter batches and grows it for longer ones', () => {
    const { exprs, input } = analyzeSelect('p + 1', lineitem);
    const c = compileExpr(exprs[0]!, input, testContext());
    for (const n of [3, 1, 5, 0, 2]) {
      const rows = Array.from({ length: n }, (_, i) => [BigInt(i), 0n, 0n]);
      expect(vectorValues(c.evaluate(inputBatch(input, rows)))).toEqual(rows.map((r) => (r[0] as bigint) + 100n));
    }
  });
});
