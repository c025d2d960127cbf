// AND, OR and NOT with SQL's three-valued logic: FALSE AND NULL is FALSE, TRUE OR NULL is TRUE, otherwise NULL wins.
import type { Vector } from '../vector.js';
import { boolVector } from './vector-helpers.js';

function boolValues(v: Vector): Uint8Array {
  if (v.data.layout !== 'bool') throw new TypeError(`expected a boolean vector, got layout ${v.data.layout}`);
  return v.data.values;
}

/** Whether every row is `value` and none is NULL (then AND with all-false or OR with all-true needs no right side). */
export function allRowsAre(v: Vector, value: boolean): boolean {
  const a = boolValues(v);
  const want = value ? 1 : 0;
  const nulls = v.nulls;
  for (let i = 0; i < a.length; i++) if (a[i] !== want || nulls?.[i] === 1) return false;
  return true;
}

export function and(left: Vector, right: Vector): Vector {
  return combine(left, right, 0);
}

export function or(left: Vector, right: Vector): Vector {
  return combine(left, right, 1);
}

// AND and OR differ only in which value decides the result alone: 0 for AND, 1 for OR.
function combine(left: Vector, right: Vector, decisive: 0 | 1): Vector {
  const a = boolValues(left);
  const b = boolValues(right);
  const n = a.length;
  const out = new Uint8Array(n);
  const na = left.nulls;
  const nb = right.nulls;
  if (!na && !nb) {
    if (decisive === 0) andBytes(a, b, out);
    else orBytes(a, b, out);
    return boolVector(left.type, out, undefined);
  }
  let nulls: Uint8Array | undefined;
  for (let i = 0; i < n; i++) {
    const aNull = na !== undefined && na[i] === 1;
    const bNull = nb !== undefined && nb[i] === 1;
    if ((!aNull && a[i] === decisive) || (!bNull && b[i] === decisive)) out[i] = decisive;
    else if (aNull || bNull) (nulls ??= new Uint8Array(n))[i] = 1;
    else out[i] = 1 - decisive;
  }
  return boolVector(left.type, out, nulls);
}

// Without NULLs, AND and OR of 0/1 bytes are bitwise, so they run four bytes at a time through Int32Array views
// where the inputs are 4-byte aligned (filters AND several full-batch masks; a byte loop cost real time).

function andBytes(a: Uint8Array, b: Uint8Array, out: Uint8Array): void {
  const n = out.length;
  let i = 0;
  if (a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0) {
    const words = n >> 2;
    const wa = new Int32Array(a.buffer, a.byteOffset, words);
    const wb = new Int32Array(b.buffer, b.byteOffset, words);
    const wo = new Int32Array(out.buffer, out.byteOffset, words);
    for (let w = 0; w < words; w++) wo[w] = wa[w]! & wb[w]!;
    i = words * 4;
  }
  for (; i < n; i++) out[i] = a[i]! & b[i]!;
}

function orBytes(a: Uint8Array, b: Uint8Array, out: Uint8Array): void {
  const n = out.length;
  let i = 0;
  if (a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0) {
    const words = n >> 2;
    const wa = new Int32Array(a.buffer, a.byteOffset, words);
    const wb = new Int32Array(b.buffer, b.byteOffset, words);
    const wo = new Int32Array(out.buffer, out.byteOffset, words);
    for (let w = 0; w < words; w++) wo[w] = wa[w]! | wb[w]!;
    i = words * 4;
  }
  for (; i < n; i++) out[i] = a[i]! | b[i]!;
}

export function not(v: Vector): Vector {
  const a = boolValues(v);
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! ^ 1;
  return boolVector(v.type, out, v.nulls);
}
