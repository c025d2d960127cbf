// NULL tests and the conditional functions (coalesce, nvl, nvl2, nullif, if, nanvl, isnull, isnotnull, isnan):
// each builds a per-row choice of argument and lets `choose` gather the values.
import type { FunctionCompiler } from '../expr/evaluator.js';
import { vectorized } from '../expr/evaluator.js';
import type { Vector } from '../vector.js';
import { choose } from './case.js';
import { compare } from './compare.js';
import { boolOf, boolVector, f64Of } from './vector-helpers.js';

/** `v IS NULL` (or IS NOT NULL when negated): never NULL itself. */
export function isNull(v: Vector, negated: boolean): Vector {
  const out = new Uint8Array(v.length);
  const nulls = v.nulls;
  const hit = negated ? 0 : 1;
  if (nulls) for (let i = 0; i < out.length; i++) out[i] = nulls[i] === 1 ? hit : 1 - hit;
  else out.fill(1 - hit);
  return boolVector({ kind: 'boolean' }, out, undefined);
}

/** The first argument that is not NULL, row by row. */
function coalesce(args: readonly Vector[], type: Vector['type']): Vector {
  const n = args[0]?.length ?? 0;
  const choice = new Int32Array(n).fill(-1);
  for (let k = args.length - 1; k >= 0; k--) {
    const nulls = args[k]!.nulls;
    for (let i = 0; i < n; i++) if (nulls === undefined || nulls[i] === 0) choice[i] = k;
  }
  return choose(type, args, choice);
}

/** if(condition, a, b): a where the condition is true, b where it is false or NULL. */
function ifThenElse([condition, a, b]: readonly Vector[], type: Vector['type']): Vector {
  const c = boolOf(condition!);
  const nulls = condition!.nulls;
  const choice = new Int32Array(c.length);
  for (let i = 0; i < c.length; i++) choice[i] = c[i] === 1 && nulls?.[i] !== 1 ? 0 : 1;
  return choose(type, [a!, b!], choice);
}

/** nvl2(test, a, b): a where test is not NULL, else b. */
function nvl2([test, a, b]: readonly Vector[], type: Vector['type']): Vector {
  const nulls = test!.nulls;
  const choice = new Int32Array(test!.length);
  if (nulls) for (let i = 0; i < choice.length; i++) choice[i] = nulls[i]!;
  return choose(type, [a!, b!], choice);
}

/** nullif(a, b): NULL where a = b, else a. */
function nullif([a, b]: readonly Vector[], type: Vector['type']): Vector {
  const eq = compare('=', a!, b!);
  const e = boolOf(eq);
  const choice = new Int32Array(e.length);
  for (let i = 0; i < choice.length; i++) choice[i] = e[i] === 1 && eq.nulls?.[i] !== 1 ? -1 : 0;
  return choose(type, [a!], choice);
}

/** nanvl(a, b): b where a is NaN; NULL where a is NULL. */
function nanvl([a, b]: readonly Vector[], type: Vector['type']): Vector {
  const x = f64Of(a!);
  const choice = new Int32Array(x.length);
  for (let i = 0; i < choice.length; i++) choice[i] = a!.nulls?.[i] === 1 ? -1 : Number.isNaN(x[i]!) ? 1 : 0;
  return choose(type, [a!, b!], choice);
}

/** isnan(x): false for NULL. */
function isnan([a]: readonly Vector[]): Vector {
  const x = f64Of(a!);
  const out = new Uint8Array(x.length);
  for (let i = 0; i < out.length; i++) out[i] = a!.nulls?.[i] !== 1 && Number.isNaN(x[i]!) ? 1 : 0;
  return boolVector({ kind: 'boolean' }, out, undefined);
}

export const CONDITIONAL_KERNELS: Readonly<Record<string, FunctionCompiler>> = {
  coalesce: vectorized(coalesce),
  nvl: vectorized(coalesce),
  nvl2: vectorized(nvl2),
  nullif: vectorized(nullif),
  if: vectorized(ifThenElse),
  nanvl: vectorized(nanvl),
  isnull: vectorized(([a]) => isNull(a!, false)),
  isnotnull: vectorized(([a]) => isNull(a!, true)),
  isnan: vectorized(isnan),
};
