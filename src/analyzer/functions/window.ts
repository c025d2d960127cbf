// Window-only functions (ranking and offsets); aggregates used with OVER are in aggregate.ts.
import { T, typeToString } from '../../types/data-type.js';
import type { DataType } from '../../types/data-type.js';
import { A, implicitCast } from '../../types/cast-rules.js';
import { defineFunction, resolved } from './function-def.js';
import type { FunctionDef } from './function-def.js';
import { argumentError, coerceArgs, constantError, constantInt, fixed } from './signature.js';

// Ranking functions read only the window's ORDER BY; they take no arguments and are never NULL.
function ranking(name: string, returns: DataType): FunctionDef {
  return fixed({ name, kind: 'window', required: [], returns, nullable: 'never' });
}

const ntile = defineFunction({
  name: 'ntile',
  kind: 'window',
  resolve: (args) => {
    const types = coerceArgs('ntile', args, { required: [T.int] });
    if (typeof types === 'string') return types;
    const buckets = constantInt(args[0]);
    if (buckets === undefined || buckets <= 0) return constantError('ntile', args, 0, 'a constant positive int');
    return resolved(types, T.int, 'never');
  },
});

// lag / lead(x[, offset[, default]]): the offset is a literal (default 1); the default takes x's type. NULL
// where the offset row is outside the partition and no default is given.
function offsetFunction(name: string): FunctionDef {
  return defineFunction({
    name,
    kind: 'window',
    resolve: (args) => {
      const types = coerceArgs(name, args, { required: [A.any], optional: [T.int, A.any] });
      if (typeof types === 'string') return types;
      if (args.length > 1 && constantInt(args[1]) === undefined) return constantError(name, args, 1, 'a constant int');
      const value = types[0]!;
      const fallback = args[2] && implicitCast(args[2].type, value);
      if (args[2] && !fallback) return argumentError(name, args, 2, `a value castable to ${typeToString(value)}`);
      return resolved(fallback ? [value, T.int, fallback] : types, value, 'always');
    },
  });
}

// nth_value(x, n[, ignoreNulls]): x from the n-th row of the frame (1-based).
const nthValue = defineFunction({
  name: 'nth_value',
  kind: 'window',
  resolve: (args) => {
    const types = coerceArgs('nth_value', args, { required: [A.any, T.int], optional: [T.boolean] });
    if (typeof types === 'string') return types;
    const n = constantInt(args[1]);
    if (n === undefined || n <= 0) return constantError('nth_value', args, 1, 'a constant positive int');
    if (args[2] && typeof args[2].constant !== 'boolean') return constantError('nth_value', args, 2, 'a constant boolean');
    return resolved(types, types[0]!, 'always');
  },
});

export const WINDOW_FUNCTIONS: readonly FunctionDef[] = [
  ranking('row_number', T.int),
  ranking('rank', T.int),
  ranking('dense_rank', T.int),
  ranking('percent_rank', T.double),
  ranking('cume_dist', T.double),
  ntile,
  offsetFunction('lag'),
  offsetFunction('lead'),
  nthValue,
];
