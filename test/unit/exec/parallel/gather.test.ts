// Parallel scans: a GatherExec runs a scan pipeline in worker threads and returns the rows, in the order, of the same
// pipeline on one thread; metrics add up; LIMIT stops the workers; a worker's SqlError reaches the caller as one.
import { readFileSync } from 'node:fs';
import { tableToIPC } from 'apache-arrow';
import type { Table } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../../../../src/api/session.js';
import { SqlError } from '../../../../src/common/errors.js';
import type { OperatorMetrics } from '../../../../src/exec/context.js';
import { onlyUnit, scanUnitCount } from '../../../../src/exec/pruning/scan-units.js';
import { runPlan } from '../../../../src/exec/run-query.js';
import { startTask } from '../../../../src/exec/parallel/worker-pool.js';
import { physicalNodes } from '../../../../src/physical/physical-tree.js';
import type { PhysicalPlan } from '../../../../src/physical/plan.js';
import { createParquetFixtures } from '../../../helpers/parquet-fixtures.js';
import type { ParquetFixtures } from '../../../helpers/parquet-fixtures.js';

let fx: ParquetFixtures;
const sessions = (threads: number) => {
  const s = new Session({ config: { 'sqlopt.exec.threads': String(threads) } });
  s.registerParquet('t', fx.path('t'));
  s.registerParquet('bad', fx.path('bad.parquet'));
  return s;
};

beforeAll(async () => {
  fx = await createParquetFixtures('sqlopt-gather-');
  // Two files of 3 and 2 row groups: the units number across files.
  const columns = `range::INT AS id, 'k' || (range % 13)::VARCHAR AS s, (range * 0.25)::DECIMAL(12,2) AS amount, CASE WHEN range % 5 = 0 THEN NULL ELSE range END AS maybe, range::BIGINT + 9007199254740993 AS huge`;
  await fx.writeParquet('t/part-0.parquet', `SELECT ${columns} FROM range(0, 6000)`, 'ROW_GROUP_SIZE 2048');
  await fx.writeParquet('t/part-1.parquet', `SELECT ${columns} FROM range(6000, 10000)`, 'ROW_GROUP_SIZE 2048');
  const bytes = new Uint8Array(readFileSync(fx.path('t/part-0.parquet')));
  bytes.fill(0xff, bytes.length * 0.4, bytes.length * 0.6);
  fx.writeBytes('bad.parquet', bytes);
}, 60_000);
afterAll(() => fx?.close());

const ipc = (t: Table) => Buffer.from(tableToIPC(t)).toString('base64');

describe('parallel scans', () => {
  it('put a GatherExec above scans of several row groups, with their filters and projections', () => {
    const plan = sessions(2).explain('SELECT id + 1 AS x FROM t WHERE s = \'k1\'');
    expect(plan).toMatch(/GatherExec: 2 workers, row groups in turn\n\s+ProjectExec: .*\n\s+FilterExec: .*\n\s+ScanExec: parquet t/);
    expect(sessions(1).explain('SELECT id FROM t')).not.toContain('GatherExec');
    // rand() per worker would repeat its sequence, and a subquery needs the calling thread: the scan alone goes parallel.
    for (const sql of ['SELECT id FROM t WHERE rand() < 0.5', 'SELECT id FROM t WHERE id > (SELECT max(id) FROM t) - 10'])
      expect(sessions(2).explain(sql), sql).toMatch(/Exec: .*\n\s+GatherExec: 2 workers, row groups in turn\n\s+ScanExec: parquet t/);
  });

  it('number units across files, after pruning', () => {
    const file = (rowGroups: number[]) => ({ file: {} as never, rowGroups, partitionValues: [] });
    const reads = [file([0, 2]), file([]), file([1])];
    expect(scanUnitCount(reads)).toBe(3);
    expect(onlyUnit(reads, 0).map((r) => r.rowGroups)).toEqual([[0], []]);
    expect(onlyUnit(reads, 1).map((r) => r.rowGroups)).toEqual([[2]]);
    expect(onlyUnit(reads, 2).map((r) => r.rowGroups)).toEqual([[1]]);
    expect(onlyUnit(reads, 3)).toEqual([]);
  });

  it('return the rows of one thread, in its order', async () => {
    const [one, two, three] = [sessions(1), sessions(2), sessions(3)];
    for (const sql of [
      'SELECT * FROM t',
      "SELECT id, s, amount * 2 AS a FROM t WHERE maybe IS NULL OR s = 'k3'",
      'SELECT id FROM t WHERE id >= 4500 AND id < 8200',
      'SELECT s, count(*), sum(amount), max(maybe) FROM t GROUP BY s ORDER BY s',
      'SELECT * FROM t WHERE id < 0',
    ]) {
      const expected = ipc(await one.sql(sql));
      expect(ipc(await two.sql(sql)), sql).toBe(expected);
      expect(ipc(await three.sql(sql)), sql).toBe(expected);
    }
  });

  it('stop early under LIMIT, and run again', async () => {
    const s = sessions(2);
    expect((await s.sql('SELECT id FROM t LIMIT 3')).toArray().map((r) => r.id)).toEqual([0, 1, 2]);
    expect((await s.sql('SELECT count(*) AS n FROM t')).toArray()[0].n).toBe(10_000n);
  });

  it('add up the workers\' metrics, with the scan\'s row groups counted once', async () => {
    const metricsOf = async (threads: number) => {
      const query = sessions(threads).planQuery('SELECT id FROM t WHERE id >= 4500');
      const metrics = new Map<PhysicalPlan, OperatorMetrics>();
      for await (const _ of runPlan(query.physical, { timeZone: 'UTC', metrics }));
      const scan = physicalNodes(query.physical.root).find((n) => n.kind === 'scanExec')!;
      const { timeMs: _t, ...rest } = metrics.get(scan)!;
      return rest;
    };
    const one = await metricsOf(1);
    expect(one).toMatchObject({ rowGroupsRead: 3, rowGroupsSkipped: 2, filesRead: 2, filesSkipped: 0 });
    expect(await metricsOf(2)).toEqual(one);
  });

  it('raise a worker\'s error as the SqlError naming the file', async () => {
    const e = await sessions(2).sql('SELECT sum(amount), max(s) FROM bad').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SqlError);
    expect((e as SqlError).message).toContain(fx.path('bad.parquet'));
    // The workers are still there for the next query.
    expect((await sessions(2).sql('SELECT count(*) AS n FROM t')).toArray()[0].n).toBe(10_000n);
  });

  it('report a worker\'s bug by its message, the stack kept apart (users see it only with SQLOPT_DEBUG)', async () => {
    const fragment: PhysicalPlan = { kind: 'valuesExec', rows: [], output: [] };
    const channel = startTask(0, { type: 'run', fragment, firstUnit: 0, unitStep: 1, window: 2, timeZone: 'UTC', batchSize: 10 });
    const m = await channel.next();
    channel.close();
    expect(m).toMatchObject({ type: 'error', message: 'internal error: a parallel scan pipeline holds a valuesExec' });
    expect(m.type === 'error' && m.stack).toContain('worker-main');
  });
});
