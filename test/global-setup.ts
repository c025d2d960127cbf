// Generates a tiny TPC-H data set (SF 0.001) once per test run, shared by the tests that need real Parquet files.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { generateTpch } from '../tools/tpch/generate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    tpchDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const root = mkdtempSync(join(tmpdir(), 'sqlopt-test-'));
  const tpchDir = join(root, 'tpch');
  await generateTpch({ sf: 0.001, out: tpchDir });
  project.provide('tpchDir', tpchDir);
  return () => rmSync(root, { recursive: true, force: true });
}
