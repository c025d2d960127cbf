// The shape of a built-in function's definition: how the analyzer asks for its argument casts and result type.
import type { DataType } from '../../types/data-type.js';
import type { LiteralValue } from '../../logical/expr.js';

/** Scalar functions go anywhere; aggregates in GROUP BY queries or over a window; window functions only with OVER. */
export type FunctionKind = 'scalar' | 'aggregate' | 'window';

/**
 * When the result can be NULL:
 * - `any`: when some argument can be (most functions; conservative where Spark looks at fewer arguments);
 * - `all`: only when every argument can be (coalesce, greatest);
 * - `always`: even for non-null arguments (a failed parse, division by zero, an empty group, a row outside the frame);
 * - `never`: not even for NULL arguments (count, isnull, size).
 */
export type NullableRule = 'any' | 'all' | 'always' | 'never';

/** The outcome of resolving one call. */
export interface ResolvedCall {
  /** The type each argument must be cast to (the analyzer inserts a cast where it differs). */
  readonly argTypes: readonly DataType[];
  readonly returnType: DataType;
  readonly nullable: NullableRule;
  /**
   * false when the result is not a function of the arguments alone: rand, uuid, order-dependent aggregates
   * (first, collect_list), and the current time (fixed for one query, as Spark's ComputeCurrentTime does, but
   * not to be folded into a plan that outlives the query).
   */
  readonly deterministic: boolean;
}

/**
 * What the analyzer knows of an argument beside its type. Every field is optional; some functions need one:
 * round's scale, ntile's n, named_struct's names and window's durations must be literals, and struct(a, b) takes
 * its field names from the arguments.
 */
export interface ArgInfo {
  /** The value when the argument is a literal (after constant folding); undefined when it is not one. */
  readonly constant?: LiteralValue;
  /** The name Spark gives the argument when it is a column or an alias (struct field names). */
  readonly name?: string;
  /** Whether the argument can be NULL; assumed true when absent. */
  readonly nullable?: boolean;
}

/**
 * A built-in function. `resolve` takes the argument types (and, where the analyzer has them, per-argument
 * facts) and returns the casts and result type, or an error message for the user.
 *
 * @example
 * lookupFunction('substr')!.resolve([T.string, T.int]) // { argTypes: [string, int], returnType: string, … }
 * lookupFunction('round')!.resolve([decimal(15,2), T.int], [{}, { constant: 1 }]) // returnType decimal(15,1)
 */
export interface FunctionDef {
  /** The canonical lower-case name, which bound expressions carry. */
  readonly name: string;
  readonly kind: FunctionKind;
  /** Other lower-case names for the same function (substr → substring). */
  readonly aliases: readonly string[];
  readonly resolve: (argTypes: readonly DataType[], info?: readonly (ArgInfo | undefined)[]) => ResolvedCall | string;
}

/** One argument as a resolver sees it: type and facts together. */
export interface Arg {
  readonly type: DataType;
  readonly constant?: LiteralValue;
  readonly name?: string;
  readonly nullable: boolean;
}

export interface FunctionSpec {
  readonly name: string;
  readonly kind?: FunctionKind;
  readonly aliases?: readonly string[];
  readonly resolve: (args: readonly Arg[]) => ResolvedCall | string;
}

/** Builds a FunctionDef whose resolver works on Args (types zipped with what the analyzer knows). */
export function defineFunction(spec: FunctionSpec): FunctionDef {
  return {
    name: spec.name,
    kind: spec.kind ?? 'scalar',
    aliases: spec.aliases ?? [],
    resolve: (argTypes, info = []) =>
      spec.resolve(
        argTypes.map((type, i) => {
          const facts = info[i];
          return {
            type,
            nullable: facts?.nullable ?? true,
            ...(facts?.constant !== undefined ? { constant: facts.constant } : {}),
            ...(facts?.name !== undefined ? { name: facts.name } : {}),
          };
        }),
      ),
  };
}

/** A ResolvedCall; most functions are deterministic and null when an argument is. */
export function resolved(
  argTypes: readonly DataType[],
  returnType: DataType,
  nullable: NullableRule = 'any',
  deterministic = true,
): ResolvedCall {
  return { argTypes, returnType, nullable, deterministic };
}
