// Golden files: compare text with a file in corpus/; `SQLOPT_UPDATE_GOLDEN=1` (npm run golden) rewrites them.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

export const REPO_ROOT = join(new URL('.', import.meta.url).pathname, '..', '..');
export const TPCH_QUERIES_DIR = join(REPO_ROOT, '..', 'shared', 'tpch', 'queries');

export function expectGolden(actual: string, relativePath: string): void {
  const path = join(REPO_ROOT, relativePath);
  const text = actual.endsWith('\n') ? actual : actual + '\n';
  if (process.env.SQLOPT_UPDATE_GOLDEN === '1' || !existsSync(path)) {
    if (!existsSync(path) && process.env.CI) throw new Error(`missing golden file ${relativePath}: run npm run golden and commit it`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return;
  }
  expect(text, `golden file ${relativePath} (npm run golden to update)`).toBe(readFileSync(path, 'utf8'));
}

/** q1 … q22, in numeric order. */
export function tpchQueryNames(): string[] {
  return Array.from({ length: 22 }, (_, i) => `q${i + 1}`);
}

export function tpchQuery(name: string): string {
  return readFileSync(join(TPCH_QUERIES_DIR, `${name}.sql`), 'utf8');
}
