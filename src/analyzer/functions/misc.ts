// Hashes, digests and row-identity functions.
import { T } from '../../types/data-type.js';
import type { DataType } from '../../types/data-type.js';
import { A } from '../../types/cast-rules.js';
import { defineFunction, resolved } from './function-def.js';
import type { FunctionDef } from './function-def.js';
import { argumentError, arityError, containsMap, fixed } from './signature.js';

// hash (Murmur3, int) and xxhash64 (bigint) over one or more values of any type but maps, seeded so never NULL.
function hashFunction(name: string, returns: DataType): FunctionDef {
  return defineFunction({
    name,
    resolve: (args) => {
      const arity = arityError(name, args.length, 1, Infinity);
      if (arity) return arity;
      const bad = args.findIndex((a) => containsMap(a.type));
      if (bad >= 0) return argumentError(name, args, bad, 'a type without maps');
      return resolved(
        args.map((a) => a.type),
        returns,
        'never',
      );
    },
  });
}

export const MISC_FUNCTIONS: readonly FunctionDef[] = [
  hashFunction('hash', T.int),
  hashFunction('xxhash64', T.bigint),
  // Digests read bytes: a string argument is cast to binary (UTF-8).
  fixed({ name: 'md5', required: [T.binary], returns: T.string }),
  fixed({ name: 'sha1', aliases: ['sha'], required: [T.binary], returns: T.string }),
  // An unsupported bit length gives NULL.
  fixed({ name: 'sha2', required: [T.binary, T.int], returns: T.string, nullable: 'always' }),
  fixed({ name: 'crc32', required: [T.binary], returns: T.bigint }),
  fixed({ name: 'uuid', required: [], returns: T.string, nullable: 'never', deterministic: false }),
  fixed({ name: 'monotonically_increasing_id', required: [], returns: T.bigint, nullable: 'never', deterministic: false }),
  fixed({ name: 'spark_partition_id', required: [], returns: T.int, nullable: 'never', deterministic: false }),
  fixed({ name: 'typeof', required: [A.any], returns: T.string, nullable: 'never' }),
];
