// The catalogue of built-in functions the engine supports, looked up by name or alias, case-insensitively.
import { InternalError } from '../../common/errors.js';
import type { FunctionDef } from './function-def.js';
import { AGGREGATE_FUNCTIONS } from './aggregate.js';
import { COLLECTION_FUNCTIONS } from './collection.js';
import { CONDITIONAL_FUNCTIONS } from './conditional.js';
import { DATETIME_FUNCTIONS } from './datetime.js';
import { MATH_FUNCTIONS } from './math.js';
import { MISC_FUNCTIONS } from './misc.js';
import { STRING_FUNCTIONS } from './string.js';
import { WINDOW_FUNCTIONS } from './window.js';

export type { ArgInfo, FunctionDef, FunctionKind, NullableRule, ResolvedCall } from './function-def.js';

const FAMILIES: readonly (readonly FunctionDef[])[] = [
  STRING_FUNCTIONS,
  MATH_FUNCTIONS,
  DATETIME_FUNCTIONS,
  CONDITIONAL_FUNCTIONS,
  COLLECTION_FUNCTIONS,
  MISC_FUNCTIONS,
  AGGREGATE_FUNCTIONS,
  WINDOW_FUNCTIONS,
];

const BY_NAME: ReadonlyMap<string, FunctionDef> = (() => {
  const byName = new Map<string, FunctionDef>();
  for (const def of FAMILIES.flat()) {
    for (const name of [def.name, ...def.aliases]) {
      if (byName.has(name)) throw new InternalError(`built-in function \`${name}\` is defined twice`);
      byName.set(name, def);
    }
  }
  return byName;
})();

/**
 * The built-in function called `name` (any case, aliases included), or undefined.
 *
 * @example lookupFunction('SUBSTR')?.name // 'substring'
 */
export function lookupFunction(name: string): FunctionDef | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/** Every name a function can be called by (canonical names and aliases), sorted; for "did you mean" hints. */
export function functionNames(): readonly string[] {
  return [...BY_NAME.keys()].sort();
}
