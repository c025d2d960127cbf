// The logical plan layer on hand-built plans: outputs, traversal identity, printer, JSON round trip, validation.
import { describe, expect, it } from 'vitest';
import { T } from '../../../src/types/data-type.js';
import type { Column, LogicalPlan } from '../../../src/logical/plan.js';
import type { Expr } from '../../../src/logical/expr.js';
import { binary, columnRef, literal, and } from '../../../src/logical/expr-builders.js';
import { outputOf } from '../../../src/logical/output.js';
import { printPlan } from '../../../src/logical/print-plan.js';
import { planFromJson, planToJson } from '../../../src/logical/plan-json.js';
import { validatePlan } from '../../../src/logical/validate-plan.js';
import { transformDown, transformExprUp, transformUp, mapPlanExpressions, visitPlan } from '../../../src/logical/traverse.js';
import { SqlError } from '../../../src/common/errors.js';

const a: Column = { id: 0, name: 'a', type: T.int, nullable: false };
const b: Column = { id: 1, name: 'b', type: T.string, nullable: true };
const x: Column = { id: 2, name: 'x', type: T.int, nullable: true };
const scanT: LogicalPlan = {
  kind: 'scan',
  source: { format: 'parquet', name: 't', location: '/data/t', partitionColumns: [] },
  columns: [a, b],
  filters: [],
};
const scanU: LogicalPlan = { ...scanT, source: { ...scanT.source, name: 'u', location: '/data/u' }, columns: [x] };
const join: LogicalPlan = {
  kind: 'join',
  joinType: 'left',
  left: scanT,
  right: scanU,
  condition: binary('=', columnRef(a), columnRef(x), T.boolean),
};
const plan: LogicalPlan = {
  kind: 'sort',
  global: true,
  order: [{ expr: columnRef({ ...x, nullable: true }), ascending: false, nullsFirst: false }],
  input: {
    kind: 'project',
    input: { kind: 'filter', input: join, condition: binary('>', columnRef(a), literal(10, T.int), T.boolean) },
    columns: [
      { id: 0, name: 'a', expr: columnRef(a) },
      { id: 2, name: 'x', expr: columnRef(x) },
      { id: 3, name: 'a_plus_x', expr: binary('+', columnRef(a), columnRef(x), T.int) },
    ],
  },
};

describe('outputs', () => {
  it('makes the right side of a left join nullable and semi joins output the left side only', () => {
    expect(outputOf(join).map((c) => `${c.name}${c.nullable ? '?' : ''}`)).toEqual(['a', 'b?', 'x?']);
    expect(outputOf({ ...join, joinType: 'semi' } as LogicalPlan).map((c) => c.name)).toEqual(['a', 'b']);
    expect(outputOf({ ...join, joinType: 'right' } as LogicalPlan).map((c) => `${c.name}${c.nullable ? '?' : ''}`)).toEqual(['a?', 'b?', 'x?']);
  });
});

describe('printer', () => {
  it('prints one node per line with ids, indented', () => {
    expect(printPlan(plan)).toMatchInlineSnapshot(`
      "Sort: x#2 DESC NULLS LAST
        Project: a#0, x#2, a#0 + x#2 AS a_plus_x#3
          Filter: a#0 > 10
            Join: left, a#0 = x#2
              Scan: parquet t [a#0, b#1]
              Scan: parquet u [x#2]"
    `);
  });

  it('prints types on request and subqueries under their node', () => {
    const withSubquery: LogicalPlan = {
      kind: 'filter',
      input: scanT,
      condition: { kind: 'exists', plan: scanU, type: T.boolean, nullable: false },
    };
    expect(printPlan(withSubquery, { types: true })).toMatchInlineSnapshot(`
      "Filter: EXISTS subquery#1
        : subquery#1
        :   Scan: parquet u [x#2:int]
        Scan: parquet t [a#0:int, b#1:string]"
    `);
  });
});

describe('traversal', () => {
  it('keeps identity when nothing changes', () => {
    expect(transformUp(plan, (p) => p)).toBe(plan);
    expect(transformDown(plan, (p) => p)).toBe(plan);
    expect(mapPlanExpressions(plan, (e) => e)).toBe(plan);
  });

  it('rebuilds only the path to a change', () => {
    const renamed = transformUp(plan, (p) => (p.kind === 'scan' && p.source.name === 'u' ? { ...p, filters: [literal(true, T.boolean)] } : p));
    expect(renamed).not.toBe(plan);
    const leftScans: LogicalPlan[] = [];
    visitPlan(renamed, (p) => {
      if (p.kind === 'join') leftScans.push(p.left);
    });
    expect(leftScans[0]).toBe(scanT);
  });

  it('visits pre-order and can skip children', () => {
    const kinds: string[] = [];
    visitPlan(plan, (p) => {
      kinds.push(p.kind);
      return p.kind !== 'join';
    });
    expect(kinds).toEqual(['sort', 'project', 'filter', 'join']);
  });

  it('transforms expressions bottom-up', () => {
    const e: Expr = and(binary('>', columnRef(a), literal(1, T.int), T.boolean), binary('<', columnRef(a), literal(5, T.int), T.boolean));
    const bumped = transformExprUp(e, (x) => (x.kind === 'literal' && typeof x.value === 'number' ? literal(x.value + 1, x.type) : x));
    expect(JSON.stringify(bumped)).toContain('"value":2');
    expect(JSON.stringify(bumped)).toContain('"value":6');
  });
});

describe('JSON form and validation', () => {
  it('round-trips a plan through JSON', () => {
    expect(planFromJson(planToJson(plan))).toEqual(plan);
  });

  it('rejects JSON that is not a valid plan', () => {
    expect(() => planFromJson('{"kind":"nope"}')).toThrow(SqlError);
    expect(() => planFromJson('not json')).toThrow(/not JSON/);
  });

  it('finds references that do not resolve, and misplaced aggregates', () => {
    expect(validatePlan(plan)).toEqual([]);
    const dangling: LogicalPlan = { kind: 'filter', input: scanU, condition: binary('>', columnRef(a), literal(1, T.int), T.boolean) };
    expect(validatePlan(dangling)).toEqual(['filter: a#0 does not resolve to an input column']);
    const agg: Expr = { kind: 'aggregate', name: 'count', args: [], distinct: false, ignoreNulls: false, type: T.bigint, nullable: false };
    const misplaced: LogicalPlan = { kind: 'project', input: scanT, columns: [{ id: 9, name: 'n', expr: agg }] };
    expect(validatePlan(misplaced)).toEqual(['project: aggregate call count() is not allowed here']);
  });
});
