// Hashes, digests and the other catalogue functions of Spark's misc group: hash (Murmur3, seed 42) and xxhash64
// (seed 42) computed per value type exactly as Spark's HashExpression does, md5 / sha1 / sha2 / crc32 through
// node:crypto and zlib, uuid, typeof.
import { createHash, randomUUID } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { IntervalValue } from '../../logical/expr.js';
import type { DataType } from '../../types/data-type.js';
import { typeToString } from '../../types/data-type.js';
import type { FunctionCompiler } from '../expr/evaluator.js';
import { vectorized } from '../expr/evaluator.js';
import type { JsValue, Vector } from '../vector.js';
import { constantVector, valueAt } from '../vector.js';
import { hashBytes, hashInt, hashLong } from './murmur3.js';
import { rowFunction } from './row-function.js';
import { i32Vector, int64FromBigints, strVector } from './vector-helpers.js';
import { xxhashBytes, xxhashInt, xxhashLong } from './xxhash64.js';

const utf8 = new TextEncoder();
const SEED = 42;

/** A 32- or 64-bit hash family: how Spark's HashExpression hashes an int, a long and bytes. */
interface HashFamily<H> {
  int(value: number, seed: H): H;
  long(value: bigint, seed: H): H;
  bytes(value: Uint8Array, seed: H): H;
}

const MURMUR3: HashFamily<number> = { int: hashInt, long: hashLong, bytes: hashBytes };
const XXHASH64: HashFamily<bigint> = { int: xxhashInt, long: xxhashLong, bytes: xxhashBytes };

const bits = new DataView(new ArrayBuffer(8));

/** Java's floatToIntBits / doubleToLongBits after Spark's normalisation of -0.0 to 0.0 (NaN is canonical in both). */
function floatBits(f: number): number {
  bits.setFloat32(0, f === 0 ? 0 : f);
  return bits.getInt32(0);
}

function doubleBits(d: number): bigint {
  bits.setFloat64(0, d === 0 ? 0 : Number.isNaN(d) ? NaN : d);
  return bits.getBigInt64(0);
}

/** BigInteger.toByteArray: big-endian two's complement in bitLength / 8 + 1 bytes. */
function twosComplementBytes(v: bigint): Uint8Array {
  const bitLength = v === 0n ? 0 : (v < 0n ? -v - 1n : v).toString(2).length;
  const width = Math.floor(bitLength / 8) + 1;
  const bytes = new Uint8Array(width);
  let rest = BigInt.asUintN(width * 8, v);
  for (let i = width - 1; i >= 0; i--) {
    bytes[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return bytes;
}

/** One value folded into the running hash, as Spark's HashExpression.computeHash; NULL leaves the hash as it is. */
function hashValue<H>(family: HashFamily<H>, type: DataType, v: JsValue, seed: H): H {
  if (v === null || v === undefined) return seed;
  switch (type.kind) {
    case 'null':
      return seed;
    case 'boolean':
      return family.int(v ? 1 : 0, seed);
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'date':
      return family.int(v as number, seed);
    case 'bigint':
    case 'timestamp':
    case 'timestamp_ntz':
      return family.long(v as bigint, seed);
    case 'float':
      return family.int(floatBits(v as number), seed);
    case 'double':
      return family.long(doubleBits(v as number), seed);
    case 'decimal':
      // Decimals that fit a long hash their unscaled long; wider ones the bytes of their unscaled BigInteger.
      return type.precision <= 18 ? family.long(v as bigint, seed) : family.bytes(twosComplementBytes(v as bigint), seed);
    case 'string':
      return family.bytes(utf8.encode(v as string), seed);
    case 'binary':
      return family.bytes(v as Uint8Array, seed);
    case 'interval': {
      const iv = v as IntervalValue;
      return family.int(iv.months, family.int(iv.days, family.long(BigInt(iv.micros), seed)));
    }
    case 'array': {
      let h = seed;
      for (const e of v as readonly JsValue[]) h = hashValue(family, type.element, e, h);
      return h;
    }
    case 'struct': {
      let h = seed;
      for (const f of type.fields) h = hashValue(family, f.type, (v as Record<string, JsValue>)[f.name], h);
      return h;
    }
    case 'map': {
      let h = seed;
      for (const [k, x] of v as Map<JsValue, JsValue>) h = hashValue(family, type.value, x, hashValue(family, type.key, k, h));
      return h;
    }
  }
}

function hashRows<H>(family: HashFamily<H>, args: readonly Vector[], seed: H): H[] {
  const n = args[0]?.length ?? 0;
  const out = new Array<H>(n);
  for (let i = 0; i < n; i++) {
    let h = seed;
    for (const a of args) h = hashValue(family, a.type, valueAt(a, i), h);
    out[i] = h;
  }
  return out;
}

function digest(algorithm: string): (bytes: Uint8Array) => string {
  return (bytes) => createHash(algorithm).update(bytes).digest('hex');
}

const SHA2: Readonly<Record<number, string>> = { 0: 'sha256', 224: 'sha224', 256: 'sha256', 384: 'sha384', 512: 'sha512' };

export const HASH_KERNELS: Readonly<Record<string, FunctionCompiler>> = {
  hash: vectorized((args, type) => i32Vector(type, Int32Array.from(hashRows(MURMUR3, args, SEED)), undefined)),
  xxhash64: vectorized((args, type) => int64FromBigints(type, hashRows(XXHASH64, args, BigInt(SEED)), undefined)),
  md5: rowFunction(([b]) => digest('md5')(b as Uint8Array)),
  sha1: rowFunction(([b]) => digest('sha1')(b as Uint8Array)),
  // An unsupported bit length gives NULL.
  sha2: rowFunction(([b, length]) => {
    const algorithm = SHA2[length as number];
    return algorithm ? digest(algorithm)(b as Uint8Array) : null;
  }),
  crc32: rowFunction(([b]) => BigInt(crc32(b as Uint8Array))),
  uuid: (_args, type) => (batch) => strVector(type, Array.from({ length: batch.length }, () => randomUUID()), undefined),
  typeof: (args, type) => {
    const name = typeToString(args[0]!.type);
    return (batch) => constantVector(type, name, batch.length);
  },
};
