// Parser tests for statements and scripts: DDL, INSERT, SET/RESET, EXPLAIN, DESCRIBE, CACHE, and `;` separation.
import { describe, expect, it } from 'vitest';
import type { Query, Statement } from '../../../src/ast/ast.js';
import { parseScript, parseStatement } from '../../../src/ast/parse.js';
import { stripSpans } from '../../../src/ast/strip-spans.js';
import { SqlError } from '../../../src/common/errors.js';
import { decimal, T } from '../../../src/types/data-type.js';

const parse = (sql: string): Statement => stripSpans(parseStatement(sql));
const select1: Query = {
  kind: 'query',
  body: {
    kind: 'select',
    hints: [],
    distinct: false,
    items: [{ kind: 'exprItem', expr: { kind: 'literal', literal: { type: 'number', text: '1' } } }],
    from: [],
    windows: [],
  },
  orderBy: [],
  sortBy: [],
  distributeBy: [],
  clusterBy: [],
};
const codesOf = (sql: string): string[] => {
  try {
    parseStatement(sql);
  } catch (e) {
    if (e instanceof SqlError) return e.diagnostics.map((d) => d.code);
    throw e;
  }
  throw new Error(`parsed: ${sql}`);
};

describe('views', () => {
  it('CREATE [OR REPLACE] [GLOBAL] TEMPORARY VIEW … AS', () => {
    expect(parse('CREATE OR REPLACE GLOBAL TEMPORARY VIEW v (x) AS SELECT 1')).toEqual({
      kind: 'createView',
      name: ['v'],
      orReplace: true,
      global: true,
      temporary: true,
      ifNotExists: false,
      columns: ['x'],
      query: select1,
    });
    expect(parse('CREATE TEMP VIEW v AS SELECT 1')).toMatchObject({ kind: 'createView', temporary: true, global: false });
    expect(parse('CREATE VIEW IF NOT EXISTS db.v AS SELECT 1')).toEqual({
      kind: 'createView',
      name: ['db', 'v'],
      orReplace: false,
      global: false,
      temporary: false,
      ifNotExists: true,
      query: select1,
    });
  });

  it('CREATE TEMPORARY VIEW … USING … OPTIONS', () => {
    expect(parse(`CREATE OR REPLACE TEMPORARY VIEW v USING PARQUET OPTIONS (path '/data/v', 'a.b' 'c', k = 'v', n 8, t true)`)).toEqual({
      kind: 'createViewUsing',
      name: ['v'],
      orReplace: true,
      global: false,
      format: 'parquet',
      options: [
        { key: 'path', value: '/data/v' },
        { key: 'a.b', value: 'c' },
        { key: 'k', value: 'v' },
        { key: 'n', value: '8' },
        { key: 't', value: 'true' },
      ],
    });
    expect(parse('CREATE TEMPORARY VIEW v USING parquet')).toMatchObject({ kind: 'createViewUsing', options: [] });
  });

  it('reject contradictory view definitions', () => {
    expect(codesOf('CREATE VIEW v USING parquet')).toEqual(['SYNTAX_INVALID_STATEMENT']);
    expect(codesOf('CREATE GLOBAL VIEW v AS SELECT 1')).toEqual(['SYNTAX_INVALID_STATEMENT']);
    expect(codesOf('CREATE OR REPLACE VIEW IF NOT EXISTS v AS SELECT 1')).toEqual(['SYNTAX_INVALID_STATEMENT']);
  });

  it('a view or table named like a keyword', () => {
    expect(parse('CREATE VIEW if AS SELECT 1')).toMatchObject({ name: ['if'], ifNotExists: false });
    expect(parse('DROP TABLE if')).toMatchObject({ name: ['if'], ifExists: false });
  });
});

describe('tables', () => {
  it('CREATE TABLE with columns, options, partitioning, location, AS', () => {
    expect(
      parse(
        `CREATE TABLE IF NOT EXISTS db.t (id bigint NOT NULL COMMENT 'the key', price decimal(15,2), day date) USING parquet ` +
          `OPTIONS (compression 'snappy') PARTITIONED BY (day) LOCATION '/data/t' AS SELECT 1`,
      ),
    ).toEqual({
      kind: 'createTable',
      name: ['db', 't'],
      orReplace: false,
      ifNotExists: true,
      columns: [
        { name: 'id', type: T.bigint, nullable: false, comment: 'the key' },
        { name: 'price', type: decimal(15, 2), nullable: true },
        { name: 'day', type: T.date, nullable: true },
      ],
      format: 'parquet',
      options: [{ key: 'compression', value: 'snappy' }],
      partitionedBy: ['day'],
      location: '/data/t',
      query: select1,
    });
  });

  it('the clauses after USING come in any order, once each', () => {
    expect(parse(`CREATE OR REPLACE TABLE t USING json LOCATION '/x' PARTITIONED BY (a, b) SELECT 1`)).toEqual({
      kind: 'createTable',
      name: ['t'],
      orReplace: true,
      ifNotExists: false,
      format: 'json',
      options: [],
      partitionedBy: ['a', 'b'],
      location: '/x',
      query: select1,
    });
    expect(codesOf(`CREATE TABLE t USING parquet LOCATION '/x' LOCATION '/y'`)).toEqual(['SYNTAX_INVALID_STATEMENT']);
  });

  it('INSERT INTO / OVERWRITE [TABLE] with static and dynamic partitions', () => {
    expect(parse(`INSERT OVERWRITE TABLE t PARTITION (dt = '2024-01-01', hour) SELECT 1`)).toEqual({
      kind: 'insert',
      table: ['t'],
      overwrite: true,
      partition: [{ column: 'dt', value: { kind: 'literal', literal: { type: 'string', value: '2024-01-01' } } }, { column: 'hour' }],
      query: select1,
    });
    expect(parse('INSERT INTO db.t SELECT 1')).toEqual({ kind: 'insert', table: ['db', 't'], overwrite: false, query: select1 });
    expect(parse('INSERT INTO table SELECT 1')).toMatchObject({ table: ['table'] });
  });

  it('DROP TABLE / VIEW [IF EXISTS]', () => {
    expect(parse('DROP TABLE IF EXISTS db.t')).toEqual({ kind: 'drop', objectType: 'table', ifExists: true, name: ['db', 't'] });
    expect(parse('drop view v')).toEqual({ kind: 'drop', objectType: 'view', ifExists: false, name: ['v'] });
  });

  it('DESCRIBE, SHOW TABLES, CACHE, UNCACHE', () => {
    expect(parse('DESCRIBE TABLE EXTENDED db.t')).toEqual({ kind: 'describe', extended: true, table: ['db', 't'] });
    expect(parse('DESC t')).toEqual({ kind: 'describe', extended: false, table: ['t'] });
    expect(parse('DESC extended')).toEqual({ kind: 'describe', extended: false, table: ['extended'] });
    expect(parse('SHOW TABLES')).toEqual({ kind: 'showTables' });
    expect(parse('CACHE LAZY TABLE t AS SELECT 1')).toEqual({ kind: 'cacheTable', lazy: true, name: ['t'], query: select1 });
    expect(parse('CACHE TABLE t')).toEqual({ kind: 'cacheTable', lazy: false, name: ['t'] });
    expect(parse('UNCACHE TABLE IF EXISTS t')).toEqual({ kind: 'uncacheTable', ifExists: true, name: ['t'] });
  });
});

describe('SET and RESET', () => {
  it('keep the key and value as written, trimmed', () => {
    expect(parse('SET spark.sql.shuffle.partitions=8')).toEqual({ kind: 'set', key: 'spark.sql.shuffle.partitions', value: '8' });
    expect(parse('SET sqlopt.optimizer.disabled = push_down_filter,prune_columns ;')).toEqual({
      kind: 'set',
      key: 'sqlopt.optimizer.disabled',
      value: 'push_down_filter,prune_columns',
    });
    expect(parse(`SET k = 'a; b'  `)).toEqual({ kind: 'set', key: 'k', value: `'a; b'` });
    expect(parse('SET k = a = b')).toEqual({ kind: 'set', key: 'k', value: 'a = b' });
    expect(parse('SET k =')).toEqual({ kind: 'set', key: 'k', value: '' });
  });

  it('SET alone lists, SET k shows, RESET [k]', () => {
    expect(parse('SET')).toEqual({ kind: 'set' });
    expect(parse('SET -v')).toEqual({ kind: 'set', key: '-v' });
    expect(parse('SET spark.sql.adaptive.enabled')).toEqual({ kind: 'set', key: 'spark.sql.adaptive.enabled' });
    expect(parse('RESET')).toEqual({ kind: 'reset' });
    expect(parse('RESET spark.sql.shuffle.partitions')).toEqual({ kind: 'reset', key: 'spark.sql.shuffle.partitions' });
  });
});

describe('EXPLAIN', () => {
  it('every mode, around any statement', () => {
    expect(parse('EXPLAIN SELECT 1')).toEqual({ kind: 'explain', mode: 'simple', statement: { kind: 'queryStatement', query: select1 } });
    for (const mode of ['extended', 'formatted', 'cost', 'codegen', 'verbose', 'analyze'] as const) {
      expect(parse(`EXPLAIN ${mode.toUpperCase()} SELECT 1`)).toMatchObject({ kind: 'explain', mode });
    }
    expect(parse('EXPLAIN INSERT INTO t SELECT 1')).toMatchObject({ statement: { kind: 'insert' } });
  });
});

describe('scripts', () => {
  it('split on `;`, allowing empty statements', () => {
    const script = stripSpans(parseScript(';SELECT 1;; SET a=1 ;\n'));
    expect(script.statements.map((s) => s.kind)).toEqual(['queryStatement', 'set']);
    expect(stripSpans(parseScript('')).statements).toEqual([]);
    expect(stripSpans(parseScript('-- only a comment')).statements).toEqual([]);
  });

  it('parseStatement wants exactly one', () => {
    expect(codesOf('SELECT 1; SELECT 2')).toEqual(['SYNTAX_MULTIPLE_STATEMENTS']);
    expect(codesOf(' ; ')).toEqual(['SYNTAX_UNEXPECTED_EOF']);
    expect(parse('SELECT 1;')).toEqual({ kind: 'queryStatement', query: select1 });
  });
});
