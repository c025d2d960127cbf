// Hashes, digests and identity functions.
import { describe, expect, it } from 'vitest';
import { callText, resolveCall } from './resolve-text.js';

describe('misc functions', () => {
  it.each<[string, string[], string]>([
    ['hash', ['int', 'string', 'array<int>'], '(int, string, array<int>) -> int'],
    ['hash', [], 'function `hash` expects at least 1 argument, got 0'],
    ['hash', ['map<int,int>'], 'cannot resolve `hash(map<int,int>)`: argument 1 requires a type without maps, got map<int,int>'],
    ['xxhash64', ['string'], '(string) -> bigint'],
    ['md5', ['string'], '(binary) -> string'],
    ['sha', ['binary'], '(binary) -> string'],
    ['sha1', ['string'], '(binary) -> string'],
    ['sha2', ['string', 'int'], '(binary, int) -> string'],
    ['crc32', ['string'], '(binary) -> bigint'],
    ['uuid', [], '() -> string'],
    ['monotonically_increasing_id', [], '() -> bigint'],
    ['spark_partition_id', [], '() -> int'],
    ['typeof', ['decimal(5,2)'], '(decimal(5,2)) -> string'],
  ])('%s(%s): %s', (name, args, expected) => {
    expect(callText(name, args)).toBe(expected);
  });

  it('marks uuid and row identities non-deterministic', () => {
    const deterministic = (name: string, args: string[]): unknown => {
      const r = resolveCall(name, args);
      return typeof r === 'string' ? r : r.deterministic;
    };
    expect([deterministic('uuid', []), deterministic('monotonically_increasing_id', []), deterministic('hash', ['int'])]).toEqual([
      false,
      false,
      true,
    ]);
  });
});
