// Math functions: Spark's mathExpressions and arithmetic functions, with the decimal rules of round, ceil and floor.
import { T, isOrderable, typeToString } from '../../types/data-type.js';
import { A } from '../../types/cast-rules.js';
import { arithmeticType, unaryMinusType, widerTypeWithoutStringPromotionOf } from '../../types/coercion.js';
import { ceilFloorDecimalType, roundDecimalType } from '../../types/decimal-rules.js';
import { defineFunction, resolved } from './function-def.js';
import type { FunctionDef } from './function-def.js';
import { argType, argumentError, arityError, callText, coerceArgs, constantError, constantInt, fixed } from './signature.js';

const D = T.double;

// round(x[, d]) and bround: the scale must be a literal, since a decimal result's type depends on it.
function roundFunction(name: string): FunctionDef {
  return defineFunction({
    name,
    resolve: (args) => {
      const types = coerceArgs(name, args, { required: [A.numeric], optional: [T.int] });
      if (typeof types === 'string') return types;
      const scale = args.length > 1 ? constantInt(args[1]) : 0;
      if (scale === undefined) return constantError(name, args, 1, 'a constant int');
      const x = types[0]!;
      return resolved(types, x.kind === 'decimal' ? roundDecimalType(x, scale) : x, 'always');
    },
  });
}

// ceil(x) / floor(x) give bigint, or a decimal for a decimal; ceil(x, d) rounds a decimal to d digits.
function ceilFloorFunction(name: string, aliases: readonly string[] = []): FunctionDef {
  return defineFunction({
    name,
    aliases,
    resolve: (args) => {
      if (args.length === 2) {
        const types = coerceArgs(name, args, { required: [A.decimal, T.int] });
        if (typeof types === 'string') return types;
        const scale = constantInt(args[1]);
        if (scale === undefined) return constantError(name, args, 1, 'a constant int');
        const x = types[0]!;
        return resolved(types, x.kind === 'decimal' ? roundDecimalType(x, scale) : x);
      }
      const types = coerceArgs(name, args, { required: [A.oneOf(D, A.decimal, T.bigint)] });
      if (typeof types === 'string') return types;
      const x = types[0]!;
      return resolved(types, x.kind === 'decimal' ? ceilFloorDecimalType(x) : T.bigint);
    },
  });
}

// mod and pmod type like the `%` operator.
function remainderFunction(name: string, aliases: readonly string[] = []): FunctionDef {
  return defineFunction({
    name,
    aliases,
    resolve: (args) => {
      const arity = arityError(name, args.length, 2, 2);
      if (arity) return arity;
      const coerced = arithmeticType('%', args[0]!.type, args[1]!.type, { left: args[0]!.constant, right: args[1]!.constant });
      if (!coerced || coerced.kind !== 'operator') return `cannot resolve ${callText(name, args)}: arguments must be numeric`;
      return resolved([coerced.leftType, coerced.rightType], coerced.resultType, 'always');
    },
  });
}

// greatest / least: a common type without string promotion, which must be orderable; NULL only if all are.
function extremeFunction(name: string): FunctionDef {
  return defineFunction({
    name,
    resolve: (args) => {
      const arity = arityError(name, args.length, 2, Infinity);
      if (arity) return arity;
      const common = widerTypeWithoutStringPromotionOf(args.map((a) => a.type));
      if (!common) return `cannot resolve ${callText(name, args)}: arguments have no common type`;
      if (!isOrderable(common)) return `cannot resolve ${callText(name, args)}: ${typeToString(common)} values cannot be ordered`;
      return resolved(args.map(() => common), common, 'all');
    },
  });
}

function unaryFunction(name: string): FunctionDef {
  return defineFunction({
    name,
    resolve: (args) => {
      const arity = arityError(name, args.length, 1, 1);
      if (arity) return arity;
      const t = unaryMinusType(args[0]!.type);
      return t ? resolved([t], t) : argumentError(name, args, 0, 'a numeric or interval type');
    },
  });
}

// Spark's UnaryMathExpression family: double in, double out, declared nullable.
function doubleFunction(name: string, aliases: readonly string[] = []): FunctionDef {
  return fixed({ name, aliases, required: [D], returns: D, nullable: 'always' });
}

// rand / randn take an optional literal seed and are never NULL.
function randomFunction(name: string, aliases: readonly string[] = []): FunctionDef {
  const seed = A.oneOf(T.int, T.bigint);
  return fixed({ name, aliases, required: [], optional: [seed], returns: D, nullable: 'never', deterministic: false });
}

export const MATH_FUNCTIONS: readonly FunctionDef[] = [
  fixed({ name: 'abs', required: [A.oneOf(A.numeric, T.interval)], returns: argType(0) }),
  unaryFunction('negative'),
  unaryFunction('positive'),
  roundFunction('round'),
  roundFunction('bround'),
  ceilFloorFunction('ceil', ['ceiling']),
  ceilFloorFunction('floor'),
  remainderFunction('mod'),
  remainderFunction('pmod'),
  extremeFunction('greatest'),
  extremeFunction('least'),
  fixed({ name: 'pow', aliases: ['power'], required: [D, D], returns: D }),
  fixed({ name: 'atan2', required: [D, D], returns: D }),
  // log(x) is the natural logarithm; log(base, x) any base.
  fixed({ name: 'log', required: [D], optional: [D], returns: D, nullable: 'always' }),
  ...['sqrt', 'cbrt', 'exp', 'expm1', 'ln', 'log10', 'log2', 'log1p'].map((name) => doubleFunction(name)),
  ...['sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh'].map((name) => doubleFunction(name)),
  doubleFunction('degrees'),
  doubleFunction('radians'),
  doubleFunction('rint'),
  doubleFunction('signum', ['sign']),
  fixed({ name: 'factorial', required: [T.int], returns: T.bigint, nullable: 'always' }),
  fixed({ name: 'pi', required: [], returns: D, nullable: 'never' }),
  fixed({ name: 'e', required: [], returns: D, nullable: 'never' }),
  randomFunction('rand', ['random']),
  randomFunction('randn'),
];
