// Conditional functions: branches and fallbacks share the wider type of their values, as in Spark's CASE.
import { T, typeToString } from '../../types/data-type.js';
import type { DataType } from '../../types/data-type.js';
import { A } from '../../types/cast-rules.js';
import { booleanOperandType, comparisonType, widerTypeOf } from '../../types/coercion.js';
import { defineFunction, resolved } from './function-def.js';
import type { Arg, FunctionDef, NullableRule, ResolvedCall } from './function-def.js';
import { argumentError, arityError, callText, coerceArgs, fixed } from './signature.js';

function noCommonType(name: string, args: readonly Arg[], values: readonly Arg[]): string {
  return `cannot resolve ${callText(name, args)}: ${values.map((a) => typeToString(a.type)).join(', ')} have no common type`;
}

// coalesce and nvl: every argument is a candidate result, so all share their wider type.
function fallbackFunction(name: string, min: number, max: number, aliases: readonly string[] = []): FunctionDef {
  return defineFunction({
    name,
    aliases,
    resolve: (args) => {
      const arity = arityError(name, args.length, min, max);
      if (arity) return arity;
      const common = widerTypeOf(args.map((a) => a.type));
      return common ? resolved(args.map(() => common), common, 'all') : noCommonType(name, args, args);
    },
  });
}

// `tests` are the cast types of the leading arguments that are only tested; the rest are values of the result.
function branchTypes(
  name: string,
  args: readonly Arg[],
  tests: readonly DataType[],
  nullable: NullableRule,
): ResolvedCall | string {
  const values = args.slice(tests.length);
  const common = widerTypeOf(values.map((a) => a.type));
  if (!common) return noCommonType(name, args, values);
  return resolved([...tests, ...values.map(() => common)], common, nullable);
}

const ifFunction = defineFunction({
  name: 'if',
  resolve: (args) => {
    const arity = arityError('if', args.length, 3, 3);
    if (arity) return arity;
    const condition = booleanOperandType(args[0]!.type);
    if (!condition) return argumentError('if', args, 0, 'boolean');
    return branchTypes('if', args, [condition], 'any');
  },
});

/** nvl2(a, b, c): b when a is not NULL, else c. `a` is only tested, so it keeps its type. */
const nvl2 = defineFunction({
  name: 'nvl2',
  resolve: (args) => {
    const arity = arityError('nvl2', args.length, 3, 3);
    return arity ?? branchTypes('nvl2', args, [args[0]!.type], 'any');
  },
});

/**
 * nullif(a, b): NULL when a = b, else a. Both sides take the comparison type of `a = b` and so does the result;
 * Spark keeps `a`'s own type for the result, which differs only when the operands' types differ.
 */
const nullif = defineFunction({
  name: 'nullif',
  resolve: (args) => {
    const arity = arityError('nullif', args.length, 2, 2);
    if (arity) return arity;
    const common = comparisonType('=', args[0]!.type, args[1]!.type, { left: args[0]!.constant, right: args[1]!.constant });
    if (!common) return `cannot resolve ${callText('nullif', args)}: the arguments cannot be compared`;
    return resolved([common, common], common, 'always');
  },
});

const FLOATING = A.oneOf(T.double, T.float);

// nanvl(a, b): b when a is NaN. Float when both are floats (or NULL), else double.
const nanvl = defineFunction({
  name: 'nanvl',
  resolve: (args) => {
    const types = coerceArgs('nanvl', args, { required: [FLOATING, FLOATING] });
    if (typeof types === 'string') return types;
    const floatOrNull = (a: Arg): boolean => a.type.kind === 'float' || a.type.kind === 'null';
    const common = args.every(floatOrNull) && args.some((a) => a.type.kind === 'float') ? T.float : T.double;
    return resolved([common, common], common);
  },
});

export const CONDITIONAL_FUNCTIONS: readonly FunctionDef[] = [
  fallbackFunction('coalesce', 1, Infinity),
  fallbackFunction('nvl', 2, 2, ['ifnull']),
  nvl2,
  nullif,
  ifFunction,
  nanvl,
  fixed({ name: 'isnull', required: [A.any], returns: T.boolean, nullable: 'never' }),
  fixed({ name: 'isnotnull', required: [A.any], returns: T.boolean, nullable: 'never' }),
  fixed({ name: 'isnan', required: [FLOATING], returns: T.boolean, nullable: 'never' }),
];
