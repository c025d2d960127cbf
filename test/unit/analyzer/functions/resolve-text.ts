// Test helper: resolves a built-in call from type texts and prints the outcome as `(casts) -> result`.
import { lookupFunction } from '../../../../src/analyzer/functions/registry.js';
import type { ArgInfo, ResolvedCall } from '../../../../src/analyzer/functions/registry.js';
import { show, ty } from '../../types/type-text.js';

/** Resolves `name(args…)`; throws if there is no such function. */
export function resolveCall(name: string, args: readonly string[], info?: readonly (ArgInfo | undefined)[]): ResolvedCall | string {
  const def = lookupFunction(name);
  if (!def) throw new Error(`no built-in function ${name}`);
  return def.resolve(args.map(ty), info);
}

/** `(string, int) -> string`, or the error message. */
export function callText(name: string, args: readonly string[], info?: readonly (ArgInfo | undefined)[]): string {
  const r = resolveCall(name, args, info);
  return typeof r === 'string' ? r : `(${r.argTypes.map(show).join(', ')}) -> ${show(r.returnType)}`;
}

/** Literal facts for the arguments at the given positions: `literals({ 1: 2 })` makes argument 2 the literal 2. */
export function literals(values: Readonly<Record<number, string | number | boolean | null>>): (ArgInfo | undefined)[] {
  const info: (ArgInfo | undefined)[] = [];
  for (const [i, v] of Object.entries(values)) info[Number(i)] = { constant: v };
  return info;
}
