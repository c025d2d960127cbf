// The 22 TPC-H queries parse and analyze against real TPC-H Parquet files; their analyzed plans are golden files,
// and the tables and columns they read agree with what a second parser (node-sql-parser, hive dialect) finds.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createRequire } from 'node:module';
import { Session } from '../../src/api/session.js';
import { parseQuery } from '../../src/ast/parse.js';
import { printPlan } from '../../src/logical/print-plan.js';
import { visitPlan, planExpressions, visitExpr } from '../../src/logical/traverse.js';
import type { LogicalPlan } from '../../src/logical/plan.js';
import { expectGolden, tpchQuery, tpchQueryNames } from '../helpers/golden.js';

// The hive build alone loads in ~11 ms instead of ~200 ms for all dialects.
const { Parser } = createRequire(import.meta.url)('node-sql-parser/build/hive') as typeof import('node-sql-parser');

let session: Session;
beforeAll(() => {
  session = new Session();
  session.registerDataDir(inject('tpchDir'));
});

/** The tables a plan scans and the names of the scanned columns it references (subquery plans included). */
function scannedColumns(plan: LogicalPlan): { tables: Set<string>; columns: Set<string> } {
  const tables = new Set<string>();
  const scanColumns = new Map<number, string>();
  const referenced = new Set<number>();
  const walk = (p: LogicalPlan) =>
    visitPlan(p, (node) => {
      if (node.kind === 'scan') {
        tables.add(node.source.name.toLowerCase());
        for (const c of node.columns) scanColumns.set(c.id, c.name.toLowerCase());
      }
      for (const e of planExpressions(node))
        visitExpr(e, (x) => {
          if (x.kind === 'column' || x.kind === 'outerColumn') referenced.add(x.id);
          if (x.kind === 'scalarSubquery' || x.kind === 'exists' || x.kind === 'inSubquery') walk(x.plan);
        });
    });
  walk(plan);
  return { tables, columns: new Set([...referenced].flatMap((id) => (scanColumns.has(id) ? [scanColumns.get(id)!] : []))) };
}

/** Tables and column names node-sql-parser (hive) finds, without CTE names. */
function secondParserReferences(sql: string): { tables: Set<string>; columns: Set<string>; star: boolean } {
  // Its hive grammar cannot read a decimal with no leading digit (`.06`, Q6), which Spark accepts.
  const theirSql = sql.replace(/(?<![\w.])\.(\d)/g, '0.$1');
  const parser = new Parser();
  const opt = { database: 'hive' };
  const ctes = new Set(parseQuery(sql).with?.ctes.map((c) => c.name.toLowerCase()) ?? []);
  const last = (entry: string) => entry.split('::')[2]!.toLowerCase();
  const tables = new Set(parser.tableList(theirSql, opt).map(last).filter((t) => !ctes.has(t)));
  const columns = parser.columnList(theirSql, opt).map(last);
  return { tables, columns: new Set(columns.filter((c) => c !== '(.*)')), star: columns.includes('(.*)') };
}

describe('TPC-H queries', () => {
  for (const name of tpchQueryNames()) {
    it(`${name} analyzes to its golden plan`, () => {
      const { plan } = session.analyze(tpchQuery(name));
      expectGolden(printPlan(plan, { types: true }), `corpus/tpch/analyzed/${name}.plan`);
    });

    it(`${name} reads the tables and columns node-sql-parser finds`, () => {
      const sql = tpchQuery(name);
      const { plan } = session.analyze(sql);
      const ours = scannedColumns(plan);
      const theirs = secondParserReferences(sql);
      expect([...ours.tables].sort()).toEqual([...theirs.tables].sort());
      // Only table columns count: node-sql-parser also lists select aliases.
      const tableColumns = new Set(
        [...ours.tables].flatMap((t) => {
          const entry = session.catalog.lookup([t]);
          return entry?.kind === 'table' ? [...entry.table.dataColumns, ...entry.table.partitionColumns].map((c) => c.name.toLowerCase()) : [];
        }),
      );
      const theirColumns = [...theirs.columns].filter((c) => tableColumns.has(c)).sort();
      // A `*` it cannot attribute to a table (`(.*)`): our plan reads those columns too, so theirs must be a subset.
      if (theirs.star) expect([...ours.columns].filter((c) => theirColumns.includes(c)).sort()).toEqual(theirColumns);
      else expect([...ours.columns].sort()).toEqual(theirColumns);
    });
  }
});
