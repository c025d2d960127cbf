// Checking a call against a parameter list: arity, implicit casts of each argument, and the user-facing errors.
import { typeToString } from '../../types/data-type.js';
import type { DataType } from '../../types/data-type.js';
import { describeExpected, implicitCast } from '../../types/cast-rules.js';
import type { ExpectedType } from '../../types/cast-rules.js';
import { defineFunction, resolved } from './function-def.js';
import type { Arg, FunctionDef, FunctionKind, NullableRule } from './function-def.js';

/** Positional parameters: the required ones, then optional ones, then any number of `variadic` ones. */
export interface Params {
  readonly required: readonly ExpectedType[];
  readonly optional?: readonly ExpectedType[];
  readonly variadic?: ExpectedType;
}

/** `substring(string, int)`: how errors name a call. */
export function callText(name: string, args: readonly Arg[]): string {
  return `\`${name}(${args.map((a) => typeToString(a.type)).join(', ')})\``;
}

/** "function `substring` expects 2 or 3 arguments, got 1", or undefined when the count is allowed. */
export function arityError(name: string, count: number, min: number, max: number): string | undefined {
  if (count >= min && count <= max) return undefined;
  const plural = (n: number): string => `${n} argument${n === 1 ? '' : 's'}`;
  const expected =
    max === Infinity
      ? `at least ${plural(min)}`
      : min === max
        ? plural(min)
        : `${min} ${max === min + 1 ? 'or' : 'to'} ${plural(max)}`;
  return `function \`${name}\` expects ${expected}, got ${count}`;
}

/** "cannot resolve `sum(boolean)`: argument 1 requires a numeric type, got boolean". */
export function argumentError(name: string, args: readonly Arg[], index: number, requirement: string): string {
  const got = args[index] ? `, got ${typeToString(args[index].type)}` : '';
  return `cannot resolve ${callText(name, args)}: argument ${index + 1} requires ${requirement}${got}`;
}

/** "cannot resolve `round(double, int)`: argument 2 must be a constant int". */
export function constantError(name: string, args: readonly Arg[], index: number, what: string): string {
  return `cannot resolve ${callText(name, args)}: argument ${index + 1} must be ${what}`;
}

/**
 * The type each argument is cast to under `params` (Spark's ImplicitCastInputTypes), or an error message for
 * a wrong count or an argument that does not fit.
 */
export function coerceArgs(name: string, args: readonly Arg[], params: Params): DataType[] | string {
  const optional = params.optional ?? [];
  const max = params.variadic ? Infinity : params.required.length + optional.length;
  const arity = arityError(name, args.length, params.required.length, max);
  if (arity) return arity;
  const expected = [...params.required, ...optional];
  const types: DataType[] = [];
  for (const [i, arg] of args.entries()) {
    const want = expected[i] ?? params.variadic!;
    const cast = implicitCast(arg.type, want);
    if (!cast) return argumentError(name, args, i, describeExpected(want));
    types.push(cast);
  }
  return types;
}

/** A function whose parameters and result are fixed or follow from the cast argument types. */
export interface FixedSignature extends Params {
  readonly name: string;
  readonly kind?: FunctionKind;
  readonly aliases?: readonly string[];
  readonly returns: DataType | ((argTypes: readonly DataType[]) => DataType);
  readonly nullable?: NullableRule;
  readonly deterministic?: boolean;
}

/**
 * Defines a function from its signature.
 *
 * @example fixed({ name: 'upper', aliases: ['ucase'], required: [T.string], returns: T.string })
 */
export function fixed(sig: FixedSignature): FunctionDef {
  return defineFunction({
    name: sig.name,
    ...(sig.kind ? { kind: sig.kind } : {}),
    ...(sig.aliases ? { aliases: sig.aliases } : {}),
    resolve: (args) => {
      const types = coerceArgs(sig.name, args, sig);
      if (typeof types === 'string') return types;
      const returnType = typeof sig.returns === 'function' ? sig.returns(types) : sig.returns;
      return resolved(types, returnType, sig.nullable, sig.deterministic);
    },
  });
}

/** The cast type of argument `i`, for `returns` functions (the argument count was checked). */
export function argType(i: number): (argTypes: readonly DataType[]) => DataType {
  return (argTypes) => argTypes[i]!;
}

/** An integer literal's value, or undefined when the argument is not one. */
export function constantInt(arg: Arg | undefined): number | undefined {
  const v = arg?.constant;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : undefined;
  return n !== undefined && Number.isSafeInteger(n) ? n : undefined;
}

/** A string literal's value, or undefined when the argument is not one. */
export function constantString(arg: Arg | undefined): string | undefined {
  return arg?.type.kind === 'string' && typeof arg.constant === 'string' ? arg.constant : undefined;
}

/** Whether a type holds a map anywhere: Spark cannot hash, group or compare such values. */
export function containsMap(t: DataType): boolean {
  if (t.kind === 'map') return true;
  if (t.kind === 'array') return containsMap(t.element);
  return t.kind === 'struct' && t.fields.some((f) => containsMap(f.type));
}
