// reorder_joins on analyzed plans: relations connected by a condition join first; it settles, and leaves other trees alone.
import { describe, expect, it } from 'vitest';
import { fakeCatalog } from '../../helpers/fake-catalog.js';
import { analyzeQuery } from '../../../src/analyzer/analyze.js';
import { parseQuery } from '../../../src/ast/parse.js';
import { printPlan } from '../../../src/logical/print-plan.js';
import { optimize } from '../../../src/optimizer/driver.js';
import { reorderJoins } from '../../../src/optimizer/rules/reorder-joins.js';

const catalog = fakeCatalog({
  part: { columns: { p_key: 'int', p_name: 'string' } },
  supplier: { columns: { s_key: 'int', s_name: 'string' } },
  partsupp: { columns: { ps_p: 'int', ps_s: 'int' } },
});
const plan = (sql: string) => analyzeQuery(parseQuery(sql), catalog).plan;

describe('reorder_joins', () => {
  it('joins the relation a condition connects before the unconnected one, keeping the output order', () => {
    const before = plan('SELECT * FROM part, supplier, partsupp WHERE p_key = ps_p AND s_key = ps_s');
    const after = optimize(before, { rules: [reorderJoins] });
    expect(printPlan(after.plan)).toMatchInlineSnapshot(`
      "Project: p_key#0, p_name#1, s_key#2, s_name#3, ps_p#4, ps_s#5
        Project: p_key#0, p_name#1, s_key#2, s_name#3, ps_p#4, ps_s#5
          Filter: (p_key#0 = ps_p#4) AND (s_key#2 = ps_s#5)
            Join: inner
              Join: inner
                SubqueryAlias: part
                  Scan: parquet part [p_key#0, p_name#1]
                SubqueryAlias: partsupp
                  Scan: parquet partsupp [ps_p#4, ps_s#5]
              SubqueryAlias: supplier
                Scan: parquet supplier [s_key#2, s_name#3]"
    `);
    expect(after.passes).toBe(2);
  });

  it('leaves a tree whose order is already connected, two relations, and outer joins alone', () => {
    for (const sql of [
      'SELECT * FROM part, partsupp, supplier WHERE p_key = ps_p AND s_key = ps_s',
      'SELECT * FROM part, supplier WHERE p_key = s_key',
      'SELECT * FROM part LEFT JOIN supplier ON p_key = s_key JOIN partsupp ON p_key = ps_p AND s_key = ps_s',
      'SELECT * FROM part, supplier, partsupp',
    ]) {
      const before = plan(sql);
      expect(optimize(before, { rules: [reorderJoins] }).plan, sql).toBe(before);
    }
  });

  it('settles together with the other rules: the second pass changes nothing', () => {
    const result = optimize(plan('SELECT p_name, s_name FROM part, supplier, partsupp WHERE p_key = ps_p AND s_key = ps_s'), { trace: true });
    expect(result.stoppedBy).toBe('fixedPoint');
    expect(result.trace.every((t) => t.pass === 1)).toBe(true);
    expect(printPlan(result.plan)).toMatchInlineSnapshot(`
      "Project: p_name#1, s_name#3
        Join: inner, s_key#2 = ps_s#5
          Join: inner, p_key#0 = ps_p#4
            SubqueryAlias: part
              Scan: parquet part [p_key#0, p_name#1]
            SubqueryAlias: partsupp
              Scan: parquet partsupp [ps_p#4, ps_s#5]
          SubqueryAlias: supplier
            Scan: parquet supplier [s_key#2, s_name#3]"
    `);
  });
});
