// hash (Murmur3) and xxhash64 match Spark's published examples and per-type rules; digests and misc functions.
import { describe, expect, it } from 'vitest';
import type { JsValue } from '../../../../src/exec/vector.js';
import { evalColumns, evalValue } from '../expr/sql-expr.js';

describe('hash functions', () => {
  it.each<[string, JsValue]>([
    // The examples in Spark's function documentation.
    ["hash('Spark', array(123), 2)", -1321691492],
    ["xxhash64('Spark', array(123), 2)", 5602566077635097486n],
    ['hash(NULL)', 42],
    ['hash(0D) = hash(-0D)', true],
    ['hash(1L) = hash(1)', false],
    ["md5('Spark')", '8cde774d6f7333752ed72cacddb05126'],
    ["sha1('Spark')", '85f5955f4b27a9a4c2aab6ffe5d7189fc298b92c'],
    ["sha2('Spark', 256)", '529bc3b07127ecb7e53a4dcf1991d9152c24537d919178022b2c42657f79a26b'],
    ["sha2('Spark', 7)", null],
    ["crc32('Spark')", 1557323817n],
    ['typeof(1)', 'int'],
    ['typeof(array(1.5))', 'array<decimal(2,1)>'],
  ])('%s', async (expr, expected) => {
    expect(await evalValue(expr)).toEqual(expected);
  });

  it('hashes wide decimals by the bytes of their unscaled value, and is stable across layouts', async () => {
    const [a, b] = (await evalColumns('hash(x), hash(CAST(x AS DECIMAL(30,2)))', { x: 'decimal(15,2)' }, [[12345n], [12345n]])) as number[][];
    expect(a![0]).toBe(a![1]);
    expect(b![0]).not.toBe(a![0]);
  });

  it('gives each row its own uuid', async () => {
    const [ids] = (await evalColumns('uuid()', { a: 'int' }, [[1], [2]])) as string[][];
    expect(ids![0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids![0]).not.toBe(ids![1]);
  });
});
