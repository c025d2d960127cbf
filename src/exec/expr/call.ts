// Scalar function calls: the kernel of each catalogue function, by its canonical name. Functions without a kernel
// fail at compile time with EXEC_UNSUPPORTED_FUNCTION, naming the function.
import { fail } from '../../common/errors.js';
import type { DataType } from '../../types/data-type.js';
import { COLLECTION_KERNELS } from '../kernels/collection-functions.js';
import { CONDITIONAL_KERNELS } from '../kernels/conditional.js';
import { DATETIME_KERNELS } from '../kernels/datetime-functions.js';
import { HASH_KERNELS } from '../kernels/hash-functions.js';
import { MATH_KERNELS } from '../kernels/math-functions.js';
import { STRING_KERNELS } from '../kernels/string-functions.js';
import type { Batch, Vector } from '../vector.js';
import type { Evaluator, FunctionCompiler, FunctionEnv } from './evaluator.js';

const KERNELS: ReadonlyMap<string, FunctionCompiler> = new Map(
  [STRING_KERNELS, DATETIME_KERNELS, MATH_KERNELS, CONDITIONAL_KERNELS, COLLECTION_KERNELS, HASH_KERNELS].flatMap((family) =>
    Object.entries(family),
  ),
);

// Calls whose value is not a function of their arguments within one query (current_date and current_timestamp are:
// they are fixed per query), so they are never folded into constants.
const NONDETERMINISTIC = new Set(['rand', 'randn', 'uuid']);

export function isDeterministic(name: string): boolean {
  return !NONDETERMINISTIC.has(name);
}

export function compileCall(name: string, args: readonly Evaluator[], resultType: DataType, env: FunctionEnv): (batch: Batch) => Vector {
  const kernel = KERNELS.get(name);
  if (!kernel) return fail('EXEC_UNSUPPORTED_FUNCTION', `the function \`${name}\` is not supported by the executor`);
  return kernel(args, resultType, env);
}
