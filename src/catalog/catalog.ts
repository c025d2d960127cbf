// The session catalog: tables and views by case-insensitive name, in Spark's three namespaces (temp, global_temp, default).
import { readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fail } from '../common/errors.js';
import { isHiddenName } from './data-files.js';
import { openParquetTable } from './parquet-table.js';
import type { ParquetTable } from './parquet-table.js';

/** A view's definition. `Q` is the AST query type; the catalog only stores it (the analyzer re-analyzes it at each use). */
export interface ViewDefinition<Q = unknown> {
  readonly query: Q;
  /** Column names given in `CREATE VIEW v (a, b) AS …`. */
  readonly columnNames?: readonly string[];
  /** The view's SQL text, for SHOW CREATE and error messages. */
  readonly sql?: string;
}

/** What a name resolves to; `name` is the object's own spelling, for display. */
export type CatalogEntry<Q = unknown> =
  | { readonly kind: 'table'; readonly name: string; readonly table: ParquetTable }
  | { readonly kind: 'view'; readonly name: string; readonly view: ViewDefinition<Q> };

/**
 * Where an object lives, as in Spark: `temporary` (session temp views, which shadow everything), `global_temporary`
 * (reachable only as `global_temp.name`) or `database` (tables and persistent views of the `default` database).
 */
export type CatalogScope = 'temporary' | 'global_temporary' | 'database';

export interface CatalogListing {
  readonly name: string;
  /** `default`, `global_temp`, or '' for session temp views (as Spark's SHOW TABLES prints them). */
  readonly namespace: string;
  readonly kind: 'table' | 'view';
  readonly temporary: boolean;
}

export const DEFAULT_DATABASE = 'default';
export const GLOBAL_TEMP_DATABASE = 'global_temp';
const SESSION_CATALOG = 'spark_catalog';
const PARQUET_EXTENSION = '.parquet';

/**
 * Mutable session state: the one class in sqlopt. Names compare case-insensitively (Spark lowercases them).
 *
 * @example
 * const catalog = new Catalog<Query>();
 * catalog.registerDataDir('data/tpch'); // ['customer', 'lineitem', …]
 * catalog.registerView('big', { query }, { replace: true });
 * catalog.lookup(['LINEITEM'])?.kind; // 'table'
 */
export class Catalog<Q = unknown> {
  private readonly namespaces: Record<CatalogScope, Map<string, CatalogEntry<Q>>> = {
    temporary: new Map(),
    global_temporary: new Map(),
    database: new Map(),
  };

  /**
   * Opens the Parquet file or directory at `path` and registers it as table `name`, replacing any object of that
   * name in `scope` (`database` by default; `temporary` for `CREATE TEMPORARY VIEW v USING parquet`).
   */
  registerParquet(name: string, path: string, scope: CatalogScope = 'database'): ParquetTable {
    checkName(name);
    const table = openParquetTable(path);
    this.namespaces[scope].set(name.toLowerCase(), { kind: 'table', name, table });
    return table;
  }

  /**
   * Registers every visible sub-directory and `*.parquet` file of `dir` as a table named after it
   * (`lineitem/` or `lineitem.parquet` → `lineitem`), replacing tables of those names. All tables are opened
   * before any is registered, so a bad one leaves the catalog unchanged. Returns the names, sorted.
   */
  registerDataDir(dir: string): string[] {
    const root = resolve(dir);
    const paths = new Map<string, { name: string; path: string }>();
    for (const entry of listDirectory(root)) {
      const path = join(root, entry);
      // A dangling symbolic link has no stats: it is not a table.
      const stat = statSync(path, { throwIfNoEntry: false });
      const isDir = stat?.isDirectory() ?? false;
      if (!stat || (!isDir && !entry.endsWith(PARQUET_EXTENSION))) continue;
      const name = isDir ? entry : basename(entry, PARQUET_EXTENSION);
      const clash = paths.get(name.toLowerCase());
      if (clash) fail('CATALOG_TABLE_EXISTS', `both '${clash.path}' and '${path}' would be table \`${name}\``);
      paths.set(name.toLowerCase(), { name, path });
    }
    const opened = [...paths.values()].map(({ name, path }) => ({ name, table: openParquetTable(path) }));
    for (const { name, table } of opened) this.namespaces.database.set(name.toLowerCase(), { kind: 'table', name, table });
    return opened.map((t) => t.name).sort();
  }

  /**
   * Registers view `name` in `scope` (session temporary by default). Without `replace`, an existing object of that
   * name in the scope is an error; a persistent view never replaces a table.
   */
  registerView(name: string, view: ViewDefinition<Q>, opts: { readonly replace: boolean; readonly scope?: CatalogScope }): void {
    checkName(name);
    const scope = opts.scope ?? 'temporary';
    const existing = this.namespaces[scope].get(name.toLowerCase());
    if (existing && scope === 'database' && existing.kind === 'table') {
      fail('CATALOG_TABLE_EXISTS', `\`${DEFAULT_DATABASE}.${existing.name}\` is a table; a view cannot replace it`);
    }
    if (existing && !opts.replace) {
      const what = scope === 'database' ? `view \`${DEFAULT_DATABASE}.${existing.name}\`` : `${describeScope(scope)} ${existing.kind} \`${existing.name}\``;
      fail('CATALOG_TABLE_EXISTS', `${what} already exists`, undefined, 'use CREATE OR REPLACE to replace it');
    }
    this.namespaces[scope].set(name.toLowerCase(), { kind: 'view', name, view });
  }

  /**
   * Resolves a possibly qualified name as Spark does: `v` finds a session temp view, else a table or view of
   * `default`; `global_temp.v` finds a global temp view; `default.t` and `spark_catalog.default.t` skip temp views.
   */
  lookup(name: readonly string[]): CatalogEntry<Q> | undefined {
    const located = this.locate(name);
    if (!located) return undefined;
    const [scope, key] = located;
    return scope === 'temporary'
      ? (this.namespaces.temporary.get(key) ?? this.namespaces.database.get(key))
      : this.namespaces[scope].get(key);
  }

  /** A table for ``parquet.`path` `` in FROM, opened through the same footer cache. */
  fileTable(path: string): ParquetTable {
    return openParquetTable(path);
  }

  /**
   * DROP TABLE / DROP VIEW. As in Spark, either drops a temp view; DROP VIEW of a table or DROP TABLE of a persistent
   * view is an error. Returns whether something was dropped; a missing object is an error unless `ifExists`.
   */
  drop(kind: 'table' | 'view', name: readonly string[], ifExists: boolean): boolean {
    const located = this.locate(name);
    if (located) {
      const [scope, key] = located;
      const space = scope === 'temporary' && !this.namespaces.temporary.has(key) ? this.namespaces.database : this.namespaces[scope];
      const entry = space.get(key);
      if (entry) {
        const temporary = space !== this.namespaces.database;
        if (!temporary && entry.kind !== kind) {
          fail('CATALOG_WRONG_OBJECT_KIND', `\`${entry.name}\` is a ${entry.kind}; use DROP ${entry.kind.toUpperCase()} to drop it`);
        }
        space.delete(key);
        return true;
      }
    }
    if (!ifExists) fail(kind === 'table' ? 'CATALOG_TABLE_NOT_FOUND' : 'CATALOG_VIEW_NOT_FOUND', `${kind} \`${name.join('.')}\` not found`);
    return false;
  }

  /** Every object, sorted by namespace then name, as SHOW TABLES lists them. */
  list(): CatalogListing[] {
    const listings: CatalogListing[] = [];
    const add = (scope: CatalogScope, namespace: string) => {
      for (const entry of this.namespaces[scope].values()) {
        listings.push({ name: entry.name, namespace, kind: entry.kind, temporary: scope !== 'database' });
      }
    };
    add('temporary', '');
    add('global_temporary', GLOBAL_TEMP_DATABASE);
    add('database', DEFAULT_DATABASE);
    const key = (l: CatalogListing) => `${l.namespace}\u0000${l.name.toLowerCase()}`;
    return listings.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }

  /** Names to suggest for an unknown one ("did you mean"): unqualified, except `global_temp.v`. */
  names(): string[] {
    const names = new Set<string>();
    for (const entry of this.namespaces.temporary.values()) names.add(entry.name);
    for (const entry of this.namespaces.database.values()) names.add(entry.name);
    for (const entry of this.namespaces.global_temporary.values()) names.add(`${GLOBAL_TEMP_DATABASE}.${entry.name}`);
    return [...names].sort();
  }

  /** The namespace a name points into and its key there; `temporary` means "temp view, else `default`". */
  private locate(name: readonly string[]): [CatalogScope, string] | undefined {
    const parts = name.map((p) => p.toLowerCase());
    const [a, b, c] = parts;
    switch (parts.length) {
      case 1:
        return ['temporary', a!];
      case 2:
        return a === GLOBAL_TEMP_DATABASE ? ['global_temporary', b!] : a === DEFAULT_DATABASE ? ['database', b!] : undefined;
      case 3:
        if (a !== SESSION_CATALOG) return undefined;
        return b === GLOBAL_TEMP_DATABASE ? ['global_temporary', c!] : b === DEFAULT_DATABASE ? ['database', c!] : undefined;
      default:
        return undefined;
    }
  }
}

function checkName(name: string): void {
  if (name.trim() === '') fail('CATALOG_INVALID_NAME', 'a table or view name cannot be empty');
}

function describeScope(scope: 'temporary' | 'global_temporary'): string {
  return scope === 'temporary' ? 'temporary' : 'global temporary';
}

function listDirectory(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => !isHiddenName(name))
      .sort();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('CATALOG_FILE_NOT_FOUND', `data directory not found: '${dir}'`);
    if (code === 'ENOTDIR') return fail('CATALOG_FILE_NOT_FOUND', `'${dir}' is not a directory`);
    return fail('CATALOG_IO_ERROR', `cannot read '${dir}': ${(e as Error).message}`);
  }
}
