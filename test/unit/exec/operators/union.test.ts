// UnionExec: the inputs' rows one input after another, duplicates kept, empty inputs skipped.
import { describe, expect, it } from 'vitest';
import type { UnionExec } from '../../../../src/physical/plan.js';
import { T } from '../../../../src/types/data-type.js';
import { runRows, testContext, valuesNode } from '../../../helpers/exec.js';

describe('union', () => {
  it('emits each input in turn, keeping duplicates and NULLs', async () => {
    const a = valuesNode([T.int, T.string], [[1, 'x'], [null, 'y'], [1, 'x']]);
    const b = valuesNode([T.int, T.string], [], 10);
    const c = valuesNode([T.int, T.string], [[1, 'x'], [2, null]], 20);
    const plan: UnionExec = { kind: 'unionExec', inputs: [a, b, c], output: a.output };
    expect(await runRows(plan, testContext({ batchSize: 2 }))).toEqual([[1, 'x'], [null, 'y'], [1, 'x'], [1, 'x'], [2, null]]);
  });

  it('gives nothing when every input is empty', async () => {
    const plan: UnionExec = { kind: 'unionExec', inputs: [valuesNode([T.int], []), valuesNode([T.int], [], 5)], output: valuesNode([T.int], []).output };
    expect(await runRows(plan)).toEqual([]);
  });
});
