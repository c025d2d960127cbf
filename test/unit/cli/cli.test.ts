// The CLI end to end in process: explain, query and run inline and from files, table registration, result formats and
// --output files, and error output.
import { describe, expect, inject, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/main.js';
import type { CliIo } from '../../../src/cli/main.js';

async function run(args: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => (stdout += t + '\n'),
    stderr: (t) => (stderr += t + '\n'),
    readFile: (p) => {
      if (p in files) return files[p]!;
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    },
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

describe('sqlopt explain', () => {
  it('explains an inline query over a --data-dir', async () => {
    const r = await run(['explain', 'SELECT n_name FROM nation WHERE n_regionkey = 1', '--data-dir', inject('tpchDir')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatchInlineSnapshot(`
      "== Physical Plan ==
      ProjectExec: n_name#1
        FilterExec: n_regionkey#2 = 1 output=[n_name#1]
          ScanExec: parquet nation [n_name#1, n_regionkey#2] filters=[n_regionkey#2 = 1]
      "
    `);
  });

  it('explains a script file whose views the query uses, with --extended', async () => {
    const dir = inject('tpchDir');
    const script = `CREATE TEMPORARY VIEW r USING parquet OPTIONS (path '${join(dir, 'region')}');\nSELECT r_name FROM r ORDER BY r_name;`;
    const r = await run(['explain', '--extended', '-f', 'q.sql'], { 'q.sql': script });
    expect(r.code).toBe(0);
    const sections = [...r.stdout.matchAll(/^== (.*) ==$/gm)].map((m) => m[1]);
    expect(sections).toEqual(['Parsed Query', 'Analyzed Logical Plan', 'Optimized Logical Plan', 'Physical Plan']);
    expect(r.stdout).toContain('Scan: parquet r [r_regionkey#');
    expect(r.stdout).toContain('ScanExec: parquet r [r_name#');
  });

  it('shows the optimizer rules that changed the plan with --verbose', async () => {
    const sql = 'SELECT n_name FROM nation WHERE EXISTS (SELECT * FROM region WHERE r_regionkey = n_regionkey)';
    const r = await run(['explain', '--verbose', sql, '--data-dir', inject('tpchDir')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^== Optimizer ==\n\d+ passes, stopped at a fixed point; rewrite_predicate_subquery \d+\.\d ms/m);
    expect(r.stdout).toContain('-- pass 1, rewrite_predicate_subquery:\n');
    expect(r.stdout).toContain('HashJoinExec: semi, keys=[n_regionkey#');
  });

  it('registers single tables with --table and prints JSON with --format json', async () => {
    const r = await run(['explain', '--format', 'json', '--table', `reg=${join(inject('tpchDir'), 'region')}`, 'SELECT count(*) FROM reg']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.schema).toEqual([{ name: 'count(1)', type: 'bigint', nullable: false }]);
    expect(json.analyzed.kind).toBe('project');
  });

  it('renders a syntax error with line, column and a caret, exit code 1', async () => {
    const r = await run(['explain', '-f', 'bad.sql'], { 'bad.sql': 'SELECT a,\n  FROM t' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatchInlineSnapshot(`
      "error[SYNTAX_UNEXPECTED_TOKEN]: bad.sql:2:3: unexpected \`FROM\`, expected an expression
        |
      2 |   FROM t
        |   ^^^^
      "
    `);
  });

  it('renders an unknown column with suggestions', async () => {
    const r = await run(['explain', 'SELECT n_nme FROM nation', '--data-dir', inject('tpchDir')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('did you mean `n_name`');
    expect(r.stderr).toContain('^^^^^');
  });

  it('names a missing SQL file and a missing data path', async () => {
    expect((await run(['explain', '-f', 'nope.sql'])).stderr).toContain("cannot read 'nope.sql': no such file");
    const missing = join(mkdtempSync(join(tmpdir(), 'sqlopt-cli-')), 'missing');
    const r = await run(['explain', 'SELECT 1', '--table', `t=${missing}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(missing);
  });

  it('reports a corrupt Parquet file by name, without a stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqlopt-cli-'));
    const file = join(dir, 'broken.parquet');
    writeFileSync(file, 'PAR1 this is not parquet');
    const r = await run(['explain', 'SELECT 1', '--table', `b=${file}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(file);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('answers usage errors with exit code 2 and help with 0', async () => {
    expect((await run(['explain'])).code).toBe(2);
    expect((await run(['frobnicate'])).stderr).toContain('unknown command');
    expect((await run(['--help'])).stdout).toContain('Usage:');
  });
});

describe('sqlopt query and run', () => {
  const nationSql = 'SELECT n_nationkey, n_name FROM nation WHERE n_regionkey = 1 ORDER BY n_nationkey';

  it('prints a query result as an aligned table', async () => {
    const r = await run(['query', '--data-dir', inject('tpchDir'), nationSql]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatchInlineSnapshot(`
      "+-----------+-------------+
      |n_nationkey|n_name       |
      +-----------+-------------+
      |1          |ARGENTINA    |
      |2          |BRAZIL       |
      |3          |CANADA       |
      |17         |PERU         |
      |24         |UNITED STATES|
      +-----------+-------------+
      "
    `);
  });

  it('shows 20 rows by default and says so, and any number with --max-rows', async () => {
    const all = await run(['query', '--data-dir', inject('tpchDir'), 'SELECT n_name FROM nation ORDER BY n_name']);
    expect(all.stdout.trimEnd().split('\n')).toHaveLength(3 + 20 + 1 + 1);
    expect(all.stdout.trimEnd().endsWith('only showing top 20 rows')).toBe(true);
    const two = await run(['query', '--max-rows', '2', '--data-dir', inject('tpchDir'), 'SELECT n_name FROM nation ORDER BY n_name']);
    expect(two.stdout).toContain('|ALGERIA  |\n|ARGENTINA|\n+---------+\nonly showing top 2 rows');
    const every = await run(['query', '--max-rows', '0', '--data-dir', inject('tpchDir'), 'SELECT n_name FROM nation']);
    expect(every.stdout).not.toContain('only showing');
    expect(every.stdout.trimEnd().split('\n')).toHaveLength(3 + 25 + 1);
  });

  it('prints CSV and JSON lines, every row unless --max-rows', async () => {
    const csv = await run(['query', '--format', 'csv', '--data-dir', inject('tpchDir'), nationSql]);
    expect(csv.stdout).toBe('n_nationkey,n_name\n1,ARGENTINA\n2,BRAZIL\n3,CANADA\n17,PERU\n24,UNITED STATES\n');
    const json = await run(['query', '--format', 'json', '--max-rows', '2', '--data-dir', inject('tpchDir'), nationSql]);
    expect(json.stdout).toBe('{"n_nationkey":1,"n_name":"ARGENTINA"}\n{"n_nationkey":2,"n_name":"BRAZIL"}\n');
    expect(json.stderr).toBe('only showing top 2 rows\n');
  });

  it('runs a script: views, SET, SHOW TABLES and several queries, each result printed', async () => {
    const dir = inject('tpchDir');
    const script = [
      `CREATE TEMPORARY VIEW r USING parquet OPTIONS (path '${join(dir, 'region')}');`,
      `CREATE VIEW big_regions AS SELECT r_regionkey, upper(r_name) AS name FROM r WHERE r_regionkey < 2;`,
      `SET spark.sql.session.timeZone = 'Europe/Berlin';`,
      `SELECT * FROM big_regions ORDER BY r_regionkey;`,
      `SELECT count(*) AS n, TIMESTAMP '2024-06-01 12:00:00' AS at FROM r;`,
      `SHOW TABLES;`,
    ].join('\n');
    const r = await run(['run', 'script.sql'], { 'script.sql': script });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatchInlineSnapshot(`
      "+-----------+-------+
      |r_regionkey|name   |
      +-----------+-------+
      |0          |AFRICA |
      |1          |AMERICA|
      +-----------+-------+

      +---+-------------------+
      |n  |at                 |
      +---+-------------------+
      |5  |2024-06-01 12:00:00|
      +---+-------------------+

      +---------+-----------+-----------+
      |namespace|tableName  |isTemporary|
      +---------+-----------+-----------+
      |         |r          |true       |
      |default  |big_regions|false      |
      +---------+-----------+-----------+
      "
    `);
  });

  it('runs CREATE TABLE … AS and INSERT in a script, then queries the table', async () => {
    const location = join(mkdtempSync(join(tmpdir(), 'sqlopt-cli-ctas-')), 'by_region');
    const script = [
      `CREATE TABLE by_region USING parquet PARTITIONED BY (r) LOCATION '${location}'`,
      `  AS SELECT n_name AS name, n_regionkey AS r FROM nation WHERE n_regionkey < 2;`,
      `INSERT INTO by_region PARTITION (r = 9) SELECT 'ATLANTIS';`,
      `SELECT r, count(*) AS n FROM by_region GROUP BY r ORDER BY r;`,
    ].join('\n');
    const r = await run(['run', '--format', 'csv', '--data-dir', inject('tpchDir'), 'ctas.sql'], { 'ctas.sql': script });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('r,n\n0,5\n1,5\n9,1\n');
    expect(readdirSync(location).sort()).toEqual(['r=0', 'r=1', 'r=9']);
  });

  it('reports an error in a later statement at its line in the file, after printing the earlier results', async () => {
    const script = 'SELECT 1 AS one;\n\nSELECT n_nme\n  FROM nation;';
    const r = await run(['run', '--data-dir', inject('tpchDir'), 'bad.sql'], { 'bad.sql': script });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('|one|');
    expect(r.stderr).toContain('bad.sql:3:8: column `n_nme` cannot be resolved');
    expect(r.stderr).toContain('3 | SELECT n_nme');
  });

  it('writes the result to --output in the format of its extension, printing nothing', async () => {
    const out = mkdtempSync(join(tmpdir(), 'sqlopt-cli-out-'));
    for (const file of ['nations.parquet', 'nations.csv', 'nations.jsonl']) {
      const path = join(out, file);
      const r = await run(['query', '--output', path, '--data-dir', inject('tpchDir'), nationSql]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
    }
    const csv = 'n_nationkey,n_name\n1,ARGENTINA\n2,BRAZIL\n3,CANADA\n17,PERU\n24,UNITED STATES\n';
    const parquet = await run(['query', '--format', 'csv', '--table', `t=${join(out, 'nations.parquet')}`, 'SELECT * FROM t']);
    expect(parquet.stdout).toBe(csv);
    expect(readFileSync(join(out, 'nations.csv'), 'utf8')).toBe(csv);
    expect(readFileSync(join(out, 'nations.jsonl'), 'utf8').split('\n')[4]).toBe('{"n_nationkey":24,"n_name":"UNITED STATES"}');
  });

  it('leaves no partial --output file and an existing one intact when the query fails part-way', async () => {
    const table = tableWithCorruptSecondFile();
    const out = mkdtempSync(join(tmpdir(), 'sqlopt-cli-out-'));
    const existing = join(out, 'kept.csv');
    writeFileSync(existing, 'old\n');
    for (const path of [existing, join(out, 'new.parquet')]) {
      const r = await run(['query', '--output', path, '--table', `t=${table}`, 'SELECT * FROM t']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('part-1.parquet');
    }
    expect(readFileSync(existing, 'utf8')).toBe('old\n');
    expect(readdirSync(out)).toEqual(['kept.csv']);
  });

  it('answers bad options with usage errors (exit code 2)', async () => {
    expect((await run(['query', '--format', 'xml', 'SELECT 1'])).code).toBe(2);
    expect((await run(['query', '--max-rows', 'many', 'SELECT 1'])).stderr).toContain('--max-rows expects a number');
    expect((await run(['query', '--output', 'out.txt', 'SELECT 1'])).stderr).toContain('cannot tell the output format of `out.txt`');
    expect((await run(['run'])).stderr).toContain('no script file given');
    const two = await run(['query', '--output', join(tmpdir(), 'x.csv'), 'SELECT 1; SELECT 2']);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('--output takes the result of exactly one query, and the input has 2');
  });
});

/** A table directory whose first file is sound and whose second has a valid footer but garbage in its data pages. */
function tableWithCorruptSecondFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sqlopt-cli-corrupt-'));
  const source = readFileSync(join(inject('tpchDir'), 'nation', readdirSync(join(inject('tpchDir'), 'nation'))[0]!));
  writeFileSync(join(dir, 'part-0.parquet'), source);
  const broken = Buffer.from(source);
  broken.fill(0xff, 4, 200);
  writeFileSync(join(dir, 'part-1.parquet'), broken);
  return dir;
}
