// Lists a table's data files the way Spark's file index does: one file, or every visible file under a directory.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fail } from '../common/errors.js';

export interface DataFileListing {
  /** The absolute location. */
  readonly location: string;
  readonly isDirectory: boolean;
  /** Absolute paths, sorted. */
  readonly files: readonly string[];
}

/**
 * The data files at `path`: the file itself, or every visible file below the directory (recursively, through
 * partition and other directories). Hidden names are skipped as Spark skips them: names starting with `.`, names
 * starting with `_` unless they contain `=` (so `_SUCCESS`, `_metadata`, `_temporary/` go but `_k=1/` stays), and
 * files still being copied (`*._COPYING_`).
 * Throws SqlError `CATALOG_FILE_NOT_FOUND`, or `CATALOG_EMPTY_DIRECTORY` when a directory holds no data file.
 *
 * @example
 * listDataFiles('data/events').files; // ['/…/data/events/day=2024-01-01/part-0.parquet', …]
 */
export function listDataFiles(path: string): DataFileListing {
  const location = resolve(path);
  const stat = statOrFail(location);
  if (!stat.isDirectory()) return { location, isDirectory: false, files: [location] };
  const files: string[] = [];
  walk(location, new Set([realpathSync(location)]), files);
  if (files.length === 0) {
    fail('CATALOG_EMPTY_DIRECTORY', `no data files in '${location}' (hidden files such as _SUCCESS and .crc are ignored)`);
  }
  return { location, isDirectory: true, files };
}

/** The directory names between `location` and `file`, outermost first. */
export function directoriesBetween(location: string, file: string): string[] {
  return relative(location, file).split(sep).slice(0, -1);
}

export function isHiddenName(name: string): boolean {
  return (name.startsWith('_') && !name.includes('=')) || name.startsWith('.') || name.endsWith('._COPYING_');
}

function walk(dir: string, visited: Set<string>, out: string[]): void {
  const names = readdirSync(dir).filter((name) => !isHiddenName(name));
  names.sort();
  for (const name of names) {
    const full = join(dir, name);
    // statSync follows symbolic links; `visited` stops a link that points back up the tree.
    const stat = statOrFail(full);
    if (stat.isDirectory()) {
      const real = realpathSync(full);
      if (visited.has(real)) continue;
      visited.add(real);
      walk(full, visited, out);
    } else if (stat.isFile()) {
      out.push(full);
    }
  }
}

function statOrFail(path: string): Stats {
  try {
    return statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return fail('CATALOG_FILE_NOT_FOUND', `path does not exist: '${path}'`);
    return fail('CATALOG_IO_ERROR', `cannot read '${path}': ${(e as Error).message}`);
  }
}
