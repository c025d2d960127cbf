// UnionExec (UNION ALL): the rows of each input in turn. The analyzer already cast every input to the output types.
import { execute } from '../execute.js';
import type { Operator } from '../operator.js';

export const union: Operator<'unionExec'> = async function* (node, ctx) {
  for (const input of node.inputs) yield* execute(input, ctx);
};
