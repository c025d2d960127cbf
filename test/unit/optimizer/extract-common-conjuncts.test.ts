// extract_common_conjuncts: the conjuncts all branches of an OR share come out of it, and nothing else changes.
import { describe, expect, it } from 'vitest';
import { extractCommonConjuncts } from '../../../src/optimizer/rules/extract-common-conjuncts.js';
import { beforeAfter, unchanged } from './rule-harness.js';

describe('extract_common_conjuncts', () => {
  it('factors the shared conjuncts out of every branch, so the join gets a key', () => {
    expect(
      beforeAfter(extractCommonConjuncts, "SELECT a FROM t, u WHERE (a = x AND b = 'p') OR (a = x AND b = 'q' AND z > 1) OR (x = 7 AND a = x)"),
    ).toMatchInlineSnapshot(`
      "Project: a#0
        Filter: (((a#0 = x#4) AND (b#1 = 'p')) OR (((a#0 = x#4) AND (b#1 = 'q')) AND (z#6 > CAST(1 AS double)))) OR ((x#4 = 7) AND (a#0 = x#4))
          Join: inner
            SubqueryAlias: t
              Scan: parquet t [a#0, b#1, c#2, e#3]
            SubqueryAlias: u
              Scan: parquet u [x#4, y#5, z#6]
      →
      Project: a#0
        Filter: (a#0 = x#4) AND (((b#1 = 'p') OR ((b#1 = 'q') AND (z#6 > CAST(1 AS double)))) OR (x#4 = 7))
          Join: inner
            SubqueryAlias: t
              Scan: parquet t [a#0, b#1, c#2, e#3]
            SubqueryAlias: u
              Scan: parquet u [x#4, y#5, z#6]"
    `);
  });

  it('absorbs a branch that is only the shared part', () => {
    expect(beforeAfter(extractCommonConjuncts, "SELECT a FROM t WHERE (a = 1 AND b = 'p') OR a = 1")).toMatchInlineSnapshot(`
      "Project: a#0
        Filter: ((a#0 = 1) AND (b#1 = 'p')) OR (a#0 = 1)
          SubqueryAlias: t
            Scan: parquet t [a#0, b#1, c#2, e#3]
      →
      Project: a#0
        Filter: a#0 = 1
          SubqueryAlias: t
            Scan: parquet t [a#0, b#1, c#2, e#3]"
    `);
  });

  it('leaves ORs without shared conjuncts and non-deterministic ones alone', () => {
    expect(unchanged(extractCommonConjuncts, "SELECT a FROM t WHERE (a = 1 AND b = 'p') OR (a = 2 AND b = 'q')")).toBe(true);
    expect(unchanged(extractCommonConjuncts, 'SELECT a FROM t WHERE (rand() < 0.5 AND a = 1) OR (rand() < 0.5 AND a = 2)')).toBe(true);
  });
});
