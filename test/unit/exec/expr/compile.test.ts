// compileExpr: every expression kind through SQL, constant folding, the dictionary and short-circuit paths, errors.
import { describe, expect, it } from 'vitest';
import { T, decimal } from '../../../../src/types/data-type.js';
import type { Expr } from '../../../../src/logical/expr.js';
import { SqlError } from '../../../../src/common/errors.js';
import { compileExpr } from '../../../../src/exec/expr/compile.js';
import type { Batch } from '../../../../src/exec/vector.js';
import { vectorValues } from '../../../../src/exec/vector.js';
import { columnsOf, testContext } from '../../../helpers/exec.js';
import { vec } from '../kernels/vectors.js';
import { analyzeSelect, evalColumns, evalValue } from './sql-expr.js';

const lineitem = { l_extendedprice: 'decimal(15,2)', l_discount: 'decimal(15,2)', l_tax: 'decimal(15,2)', l_quantity: 'decimal(15,2)?' };

describe('compileExpr', () => {
  it("evaluates TPC-H Q1's expressions exactly", async () => {
    const rows = [
      [9061966n, 4n, 2n, 1700n],
      [4521100n, 10n, 6n, null],
    ];
    const [disc, charge, small] = await evalColumns(
      'l_extendedprice * (1 - l_discount), l_extendedprice * (1 - l_discount) * (1 + l_tax), l_quantity < 24',
      lineitem,
      rows,
    );
    expect(disc).toEqual([869948736n, 406899000n]);
    expect(charge).toEqual([88734771072n, 43131294000n]);
    expect(small).toEqual([true, null]);
  });

  it('folds constant subtrees once, at compile time', () => {
    const { exprs, input } = analyzeSelect("l_discount + CAST('0.01' AS DECIMAL(3,2)), DATE '1998-12-01' - INTERVAL '90' DAY", lineitem);
    const ctx = testContext();
    const folded = compileExpr(exprs[1]!, input, ctx);
    const empty: Batch = { length: 3, columns: input.map((c) => vec(c.type, [null, null, null])) };
    expect(vectorValues(folded.evaluate(empty))).toEqual(Array(3).fill(Date.parse('1998-09-02') / 86_400_000));
    expect(folded.hasSubqueries).toBe(false);
  });

  it('evaluates every batch size, including empty batches', async () => {
    expect(await evalColumns('l_discount * 2, l_tax > 0', lineitem, [])).toEqual([[], []]);
  });

  it('keeps dictionary columns encoded through string functions and decides predicates per entry', () => {
    const { exprs, input } = analyzeSelect("substring(s, 1, 2), s LIKE 'ab%', s IN ('ab', 'cd'), s = 'cd'", { s: 'string?' });
    const batch: Batch = { length: 4, columns: [vec(T.string, ['abc', 'cd', null, 'abx'], 'dict')] };
    const ctx = testContext();
    const values = exprs.map((e) => compileExpr(e, input, ctx).evaluate(batch));
    expect(values[0]!.data.layout).toBe('dict');
    expect(values.map(vectorValues)).toEqual([
      ['ab', 'cd', null, 'ab'],
      [true, false, null, true],
      [false, true, null, false],
      [false, true, null, false],
    ]);
  });

  it('skips the right side of AND when the left is false everywhere', () => {
    const { exprs, input } = analyzeSelect('a > 10 AND 1 / (a - a) > 0', { a: 'int' });
    const c = compileExpr(exprs[0]!, input, testContext());
    expect(vectorValues(c.evaluate({ length: 2, columns: [vec(T.int, [1, 2])] }))).toEqual([false, false]);
    expect(vectorValues(c.evaluate({ length: 2, columns: [vec(T.int, [1, 20])] }))).toEqual([false, null]);
  });

  it('reads outer column values from the context', () => {
    const outer: Expr = { kind: 'outerColumn', id: 99, name: 'o', type: T.int, nullable: true };
    const col: Expr = { kind: 'column', id: 0, name: 'c0', type: T.int, nullable: true };
    const sum: Expr = { kind: 'binary', op: '+', left: col, right: outer, type: T.int, nullable: true };
    const c = compileExpr(sum, columnsOf([T.int]), testContext({ outer: new Map([[99, 5]]) }));
    expect(vectorValues(c.evaluate({ length: 2, columns: [vec(T.int, [1, null])] }))).toEqual([6, null]);
  });

  it('evaluates casts, NULL literals, IS NULL, nested access and subscripts', async () => {
    expect(await evalColumns('CAST(a AS STRING), a IS NULL, NULL + a, array(a, 2)[0], -a, ~a', { a: 'int?' }, [[1], [null]])).toEqual([
      ['1', null],
      [false, true],
      [null, null],
      [1, null],
      [-1, null],
      [-2, null],
    ]);
  });

  it('names the function in EXEC_UNSUPPORTED_FUNCTION', () => {
    const call: Expr = { kind: 'call', name: 'monotonically_increasing_id', args: [], type: T.bigint, nullable: false };
    try {
      compileExpr(call, [], testContext());
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SqlError);
      expect((e as SqlError).code).toBe('EXEC_UNSUPPORTED_FUNCTION');
      expect((e as SqlError).message).toContain('monotonically_increasing_id');
    }
  });

  it('refuses aggregates and columns that are not inputs', () => {
    const agg: Expr = { kind: 'aggregate', name: 'sum', args: [], distinct: false, ignoreNulls: false, type: decimal(25, 2), nullable: true };
    expect(() => compileExpr(agg, [], testContext())).toThrow(/evaluated by their operators/);
    const missing: Expr = { kind: 'column', id: 7, name: 'x', type: T.int, nullable: true };
    expect(() => compileExpr(missing, columnsOf([T.int]), testContext())).toThrow(/not an input/);
  });

  it('evaluates shiftright and & for grouping()', () => {
    const gid: Expr = { kind: 'column', id: 0, name: 'spark_grouping_id', type: T.bigint, nullable: false };
    const shifted: Expr = {
      kind: 'call',
      name: 'shiftright',
      args: [gid, { kind: 'literal', value: 1, type: T.int, nullable: false }],
      type: T.bigint,
      nullable: false,
    };
    const bit: Expr = { kind: 'binary', op: '&', left: shifted, right: { kind: 'literal', value: '1', type: T.bigint, nullable: false }, type: T.bigint, nullable: false };
    const grouping: Expr = { kind: 'cast', operand: bit, type: T.tinyint, safe: false, nullable: true };
    const c = compileExpr(grouping, columnsOf([T.bigint]), testContext());
    expect(vectorValues(c.evaluate({ length: 4, columns: [vec(T.bigint, [0n, 1n, 2n, 3n])] }))).toEqual([0, 0, 1, 1]);
  });

  it('fails at compile time for an unknown session time zone', () => {
    expect(() => compileExpr({ kind: 'literal', value: 1, type: T.int, nullable: false }, [], testContext({ timeZone: 'Nowhere/City' }))).toThrow(/time zone/);
  });

  it('evaluates RLIKE and ILIKE with column patterns', async () => {
    expect(await evalColumns("s RLIKE p, s ILIKE upper(p), s LIKE p ESCAPE '#'", { s: 'string', p: 'string?' }, [['abc', 'a%'], ['a%c', 'a#%c'], ['x', null]])).toEqual([
      [false, false, null],
      [true, false, null],
      [true, true, null],
    ]);
    expect(await evalValue("'Ab' ILIKE 'a_'")).toBe(true);
  });
});
