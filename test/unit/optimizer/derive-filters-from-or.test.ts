// derive_filters_from_or on analyzed plans: per-relation filters implied by an OR over joined relations.
import { describe, expect, it } from 'vitest';
import { optimize } from '../../../src/optimizer/driver.js';
import { printPlan } from '../../../src/logical/print-plan.js';
import { deriveFiltersFromOr } from '../../../src/optimizer/rules/derive-filters-from-or.js';
import { pushDownFilter } from '../../../src/optimizer/rules/push-down-filter.js';
import { analyzed, beforeAfter, unchanged } from './rule-harness.js';

const rule = deriveFiltersFromOr;

describe('derive_filters_from_or', () => {
  it('adds, beside the OR, the OR of what each branch asks of each relation alone', () => {
    expect(beforeAfter(rule, "SELECT a FROM t, u WHERE (a = 1 AND y = 'p' AND a < x) OR (b = 'q' AND y = 'r')")).toMatchInlineSnapshot(`
      "Project: a#0
        Filter: (((a#0 = 1) AND (y#5 = 'p')) AND (a#0 < x#4)) OR ((b#1 = 'q') AND (y#5 = 'r'))
          Join: inner
            SubqueryAlias: t
              Scan: parquet t [a#0, b#1, c#2, e#3]
            SubqueryAlias: u
              Scan: parquet u [x#4, y#5, z#6]
      →
      Project: a#0
        Filter: (((((a#0 = 1) AND (y#5 = 'p')) AND (a#0 < x#4)) OR ((b#1 = 'q') AND (y#5 = 'r'))) AND ((a#0 = 1) OR (b#1 = 'q'))) AND ((y#5 = 'p') OR (y#5 = 'r'))
          Join: inner
            SubqueryAlias: t
              Scan: parquet t [a#0, b#1, c#2, e#3]
            SubqueryAlias: u
              Scan: parquet u [x#4, y#5, z#6]"
    `);
  });

  it('leaves ORs with a branch that asks nothing of a relation, non-deterministic ORs, and filters not over a join', () => {
    for (const sql of [
      'SELECT a FROM t, u WHERE a = 1 OR x = 2',
      'SELECT a FROM t, u WHERE (a = 1 AND rand() < 0.5) OR (a = 2 AND x = 1)',
      "SELECT a FROM t WHERE (a = 1 AND b = 'p') OR (a = 2 AND b = 'q')",
      'SELECT a FROM t, u WHERE a = x',
    ])
      expect(unchanged(rule, sql), sql).toBe(true);
  });

  it('runs in the first pass only, so the filters push_down_filter moves away are not derived again', () => {
    const result = optimize(analyzed("SELECT a FROM t, u WHERE (a = 1 AND y = 'p') OR (a = 2 AND y = 'q')"), { rules: [rule, pushDownFilter] });
    expect(result.stoppedBy).toBe('fixedPoint');
    const plan = printPlan(result.plan);
    expect(plan).toContain('Filter: (a#0 = 1) OR (a#0 = 2)');
    expect(plan.match(/\(a#0 = 1\) OR \(a#0 = 2\)/g)).toHaveLength(2);
  });
});
