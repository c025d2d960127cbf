// The CLI end to end in process: explain inline and from files, table registration, formats, and error output.
import { describe, expect, inject, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/main.js';
import type { CliIo } from '../../../src/cli/main.js';

function run(args: string[], files: Record<string, string> = {}) {
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
  const code = runCli(args, io);
  return { code, stdout, stderr };
}

describe('sqlopt explain', () => {
  it('explains an inline query over a --data-dir', () => {
    const r = run(['explain', 'SELECT n_name FROM nation WHERE n_regionkey = 1', '--data-dir', inject('tpchDir')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatchInlineSnapshot(`
      "== Analyzed Logical Plan ==
      n_name: string
      Project: n_name#1
        Filter: n_regionkey#2 = 1
          SubqueryAlias: nation
            Scan: parquet nation [n_nationkey#0, n_name#1, n_regionkey#2, n_comment#3]
      "
    `);
  });

  it('explains a script file whose views the query uses, with --extended', () => {
    const dir = inject('tpchDir');
    const script = `CREATE TEMPORARY VIEW r USING parquet OPTIONS (path '${join(dir, 'region')}');\nSELECT r_name FROM r ORDER BY r_name;`;
    const r = run(['explain', '--extended', '-f', 'q.sql'], { 'q.sql': script });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('== Parsed Query ==');
    expect(r.stdout).toContain('Scan: parquet r [r_regionkey#');
  });

  it('registers single tables with --table and prints JSON with --format json', () => {
    const r = run(['explain', '--format', 'json', '--table', `reg=${join(inject('tpchDir'), 'region')}`, 'SELECT count(*) FROM reg']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.schema).toEqual([{ name: 'count(1)', type: 'bigint', nullable: false }]);
    expect(json.analyzed.kind).toBe('project');
  });

  it('renders a syntax error with line, column and a caret, exit code 1', () => {
    const r = run(['explain', '-f', 'bad.sql'], { 'bad.sql': 'SELECT a,\n  FROM t' });
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

  it('renders an unknown column with suggestions', () => {
    const r = run(['explain', 'SELECT n_nme FROM nation', '--data-dir', inject('tpchDir')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('did you mean `n_name`');
    expect(r.stderr).toContain('^^^^^');
  });

  it('names a missing SQL file and a missing data path', () => {
    expect(run(['explain', '-f', 'nope.sql']).stderr).toContain("cannot read 'nope.sql': no such file");
    const missing = join(mkdtempSync(join(tmpdir(), 'sqlopt-cli-')), 'missing');
    const r = run(['explain', 'SELECT 1', '--table', `t=${missing}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(missing);
  });

  it('reports a corrupt Parquet file by name, without a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqlopt-cli-'));
    const file = join(dir, 'broken.parquet');
    writeFileSync(file, 'PAR1 this is not parquet');
    const r = run(['explain', 'SELECT 1', '--table', `b=${file}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(file);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('answers usage errors with exit code 2 and help with 0', () => {
    expect(run(['explain']).code).toBe(2);
    expect(run(['frobnicate']).stderr).toContain('unknown command');
    expect(run(['--help']).stdout).toContain('Usage:');
  });
});
