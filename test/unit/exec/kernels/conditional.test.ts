// Conditional functions: which argument each row takes, and their NULL rules.
import { describe, expect, it } from 'vitest';
import type { JsValue } from '../../../../src/exec/vector.js';
import { evalColumns, evalValue } from '../expr/sql-expr.js';

describe('conditional functions', () => {
  it.each<[string, JsValue]>([
    ['coalesce(NULL, NULL, 3, 4)', 3],
    ['coalesce(NULL)', null],
    ['nvl(NULL, 2)', 2],
    ['ifnull(1, 2)', 1],
    ['nvl2(NULL, 1, 2)', 2],
    ['nvl2(0, 1, 2)', 1],
    ['nullif(1, 1)', null],
    ['nullif(1, 2)', 1],
    ["if(1 < 2, 'a', 'b')", 'a'],
    ["if(NULL, 'a', 'b')", 'b'],
    ["nanvl(CAST('NaN' AS DOUBLE), 1D)", 1],
    ['nanvl(NULL, 1D)', null],
    ["isnan(CAST('NaN' AS DOUBLE))", true],
    ['isnan(NULL)', false],
    ['isnull(NULL)', true],
    ['isnotnull(1)', true],
    ["CASE WHEN 1 = 2 THEN 'x' WHEN 2 = 2 THEN 'y' END", 'y'],
    ["CASE 3 WHEN 1 THEN 'x' ELSE 'z' END", 'z'],
    ["CASE WHEN NULL THEN 'x' END", null],
  ])('%s', async (expr, expected) => {
    expect(await evalValue(expr)).toEqual(expected);
  });

  it('works on columns with NULLs, mixing decimals of several widths', async () => {
    expect(await evalColumns('coalesce(a, b, 0), CASE WHEN a > 1 THEN a ELSE b END', { a: 'decimal(5,2)?', b: 'decimal(7,1)?' }, [[150n, 10n], [null, 20n], [null, null]])).toEqual([
      [150n, 200n, 0n],
      [150n, 200n, null],
    ]);
  });
});
