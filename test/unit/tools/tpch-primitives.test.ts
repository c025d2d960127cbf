// The TPC-H generator's building blocks: random streams, the spec's formulas, value lists and the text pool.
import { describe, expect, it } from 'vitest';
import {
  ADJECTIVES,
  ADVERBS,
  AUXILIARIES,
  COLORS,
  CONTAINERS,
  NATIONS,
  NOUNS,
  PREPOSITIONS,
  TERMINATORS,
  TYPES,
  VERBS,
} from '../../../tools/tpch/distributions.js';
import { dayNumber, isoDate } from '../../../tools/tpch/dates.js';
import { rand32, stream, uniformInt, uniformIntWide } from '../../../tools/tpch/random.js';
import { CURRENT_DATE, LAST_ORDER_DATE, cardinalities, orderKey, retailPriceCents, supplierOfPart } from '../../../tools/tpch/spec.js';
import { generatePool } from '../../../tools/tpch/text-pool.js';

describe('random streams', () => {
  it('are pure functions of (stream, counter)', () => {
    const key = stream('x');
    expect(rand32(key, 12345)).toBe(rand32(stream('x'), 12345));
    expect(rand32(key, 12345)).not.toBe(rand32(stream('y'), 12345));
    expect(rand32(key, 2 ** 40 + 7)).not.toBe(rand32(key, 7)); // the counter's high word counts
  });

  it('give uniform integers over the whole range, and independent streams', () => {
    const a = stream('a');
    const b = stream('b');
    const seen = new Array<number>(11).fill(0);
    let same = 0;
    for (let i = 0; i < 110_000; i++) {
      const v = uniformInt(a, i, 0, 10);
      seen[v]!++;
      if (v === uniformInt(b, i, 0, 10)) same++;
    }
    for (const count of seen) expect(Math.abs(count - 10_000)).toBeLessThan(400);
    expect(Math.abs(same - 10_000)).toBeLessThan(400); // 1 in 11 agree, as for independent draws
  });

  it('reach ranges wider than 2^32', () => {
    const key = stream('wide');
    let max = 0;
    for (let i = 0; i < 1000; i++) {
      const v = uniformIntWide(key, i, 1, 1e12);
      expect(v).toBeGreaterThanOrEqual(1);
      expect(v).toBeLessThanOrEqual(1e12);
      max = Math.max(max, v);
    }
    expect(max).toBeGreaterThan(0.9e12);
  });
});

describe('spec formulas', () => {
  it('sparse order keys use the first 8 of every 32', () => {
    expect([1, 2, 7, 8, 9, 15, 16].map(orderKey)).toEqual([1, 2, 7, 32, 33, 39, 64]);
  });

  it('P_RETAILPRICE follows the key', () => {
    expect(retailPriceCents(1)).toBe(90_100);
    expect(retailPriceCents(200_000)).toBe(90_000 + 20_000 + 0);
  });

  it('PS_SUPPKEY gives each part four distinct suppliers, by the spec formula at standard scale factors', () => {
    const S = 10_000;
    for (const p of [1, 2, 9_999, 10_000, 10_001, 199_999, 200_000]) {
      const suppliers = [0, 1, 2, 3].map((i) => supplierOfPart(p, i, S));
      expect(suppliers).toEqual([0, 1, 2, 3].map((i) => ((p + i * (S / 4 + Math.floor((p - 1) / S))) % S) + 1));
      expect(new Set(suppliers).size).toBe(4);
    }
    // SF 0.001: the spec formula would repeat suppliers for some parts (step 5 with 10 suppliers).
    for (let p = 1; p <= 200; p++) expect(new Set([0, 1, 2, 3].map((i) => supplierOfPart(p, i, 10))).size).toBe(4);
  });

  it('cardinalities scale with SF and truncate fractions', () => {
    expect(cardinalities(0.01)).toEqual({ supplier: 100, customer: 1500, part: 2000, partsupp: 8000, orders: 15000, clerks: 10 });
    expect(cardinalities(0.07).supplier).toBe(700); // not 700.0000000000001 truncated
    expect(cardinalities(10).orders).toBe(15_000_000);
    expect(() => cardinalities(0.0001)).toThrow(/fewer than 4 suppliers/);
    expect(() => cardinalities(0)).toThrow(RangeError);
  });

  it('dates are the spec dates', () => {
    expect(isoDate(CURRENT_DATE)).toBe('1995-06-17');
    expect(isoDate(LAST_ORDER_DATE)).toBe('1998-08-02');
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(() => dayNumber('1995-02-30')).toThrow(/no such date/);
  });
});

describe('value lists', () => {
  it('have the spec sizes', () => {
    expect([COLORS.length, TYPES.length, CONTAINERS.length, NATIONS.length]).toEqual([92, 150, 40, 25]);
    expect(new Set(COLORS).size).toBe(92);
    expect(TYPES[0]).toBe('STANDARD ANODIZED TIN');
    expect(CONTAINERS).toContain('JUMBO PKG');
  });
});

describe('text pool', () => {
  it('is deterministic and made of the grammar words only', () => {
    const pool = generatePool(100_000, stream('test.pool'));
    expect(pool.length).toBe(100_000);
    expect(Buffer.from(generatePool(100_000, stream('test.pool'))).equals(pool)).toBe(true);
    const text = new TextDecoder().decode(pool);
    const vocabulary = new Set(
      [NOUNS, VERBS, ADJECTIVES, ADVERBS, PREPOSITIONS, AUXILIARIES].flatMap((list) => list.flatMap(([w]) => w.split(' '))).concat('the'),
    );
    const words = text
      .slice(0, text.lastIndexOf(' ')) // the pool may end inside a word
      .split(/[ .;:?!,]|--/)
      .filter((w) => w !== '');
    expect(words.filter((w) => !vocabulary.has(w))).toEqual([]);
    const terminators = TERMINATORS.map(([t]) => t);
    expect(terminators.some((t) => text.includes(`${t} `))).toBe(true);
    expect(text).toMatch(/^[a-zA-Z]/);
  });
});
