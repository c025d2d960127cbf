// Arrays, maps and structs: construction, access, size, containment, NULL rules.
import { describe, expect, it } from 'vitest';
import type { JsValue } from '../../../../src/exec/vector.js';
import { SqlError } from '../../../../src/common/errors.js';
import { evalValue } from '../expr/sql-expr.js';

describe('collection functions', () => {
  it.each<[string, JsValue]>([
    ['array(1, NULL, 3)', [1, null, 3]],
    ['array(1, 2)[0]', 1],
    ['array(1, 2)[2]', null],
    ['array(1, 2)[-1]', null],
    ["map('a', 1, 'b', 2)['b']", 2],
    ["map('a', 1)['z']", null],
    ['map(1.5, 1)[1.5]', 1],
    ["struct(1, 'x').col2", 'x'],
    ["named_struct('a', 1, 'b', NULL)", { a: 1, b: null }],
    ['size(array(1, 2, 3))', 3],
    ['size(map(1, 2))', 1],
    ['size(NULL)', -1],
    ['element_at(array(1, 2, 3), 2)', 2],
    ['element_at(array(1, 2, 3), -3)', 1],
    ['element_at(array(1, 2, 3), 4)', null],
    ["element_at(map('a', 1), 'a')", 1],
    ['array_contains(array(1, 2), 2)', true],
    ['array_contains(array(1, NULL), 2)', null],
    ['array_contains(array(1, 2), 3)', false],
    ['array_contains(CAST(NULL AS ARRAY<INT>), 3)', null],
    ["map_keys(map('a', 1, 'b', 2))", ['a', 'b']],
    ["map_values(map('a', 1, 'b', NULL))", [1, null]],
  ])('%s', async (expr, expected) => {
    expect(await evalValue(expr)).toEqual(expected);
  });

  it('fails where Spark fails: index 0, NULL and duplicate map keys', async () => {
    await expect(evalValue('element_at(array(1), 0)')).rejects.toThrow(SqlError);
    await expect(evalValue('map(NULL, 1)')).rejects.toThrow(/NULL as a map key/);
    await expect(evalValue('map(1, 1, 1, 2)')).rejects.toThrow(/duplicate/);
  });
});
