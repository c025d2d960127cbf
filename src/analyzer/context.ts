// What the analyzer carries while binding: the catalog, options, the column id counter, CTEs and outer scopes.
import type { Diagnostic } from '../common/diagnostic.js';
import type { Query } from '../ast/ast.js';
import type { DataType } from '../types/data-type.js';
import type { ColumnId } from '../logical/expr.js';
import type { Scope } from './scope.js';

/** A table column as the catalog describes it. */
export interface CatalogColumn {
  readonly name: string;
  readonly type: DataType;
  readonly nullable: boolean;
}

/** What the analyzer needs of a table: where it is and its columns (data columns, then Hive partition columns). */
export interface CatalogTable {
  readonly location: string;
  readonly dataColumns: readonly CatalogColumn[];
  readonly partitionColumns: readonly CatalogColumn[];
}

export interface CatalogView {
  /** The view's query (an AST Query); re-analyzed at each use so each use gets fresh column ids. */
  readonly query: unknown;
  readonly columnNames?: readonly string[];
}

export type CatalogEntry = { readonly kind: 'table'; readonly table: CatalogTable } | { readonly kind: 'view'; readonly view: CatalogView };

/** The catalog as the analyzer sees it (src/catalog's Catalog implements it; tests can fake it). */
export interface AnalyzerCatalog {
  lookup(name: readonly string[]): CatalogEntry | undefined;
  /** For ``parquet.`path` `` in FROM. */
  fileTable(path: string): CatalogTable;
  /** Table and view names, for "did you mean" suggestions. */
  names(): readonly string[];
}

export interface AnalyzerOptions {
  /** IANA zone or offset used for TIMESTAMP literals without a zone (spark.sql.session.timeZone). */
  readonly timeZone: string;
}

export const DEFAULT_ANALYZER_OPTIONS: AnalyzerOptions = { timeZone: 'UTC' };

export interface CteDefinition {
  readonly name: string;
  readonly columns?: readonly string[];
  readonly query: Query;
  /** The CTEs visible to this CTE's own body (those defined before it). */
  readonly scope: readonly ReadonlyMap<string, CteDefinition>[];
}

export interface AnalyzerContext {
  readonly catalog: AnalyzerCatalog;
  readonly options: AnalyzerOptions;
  /** Allocates column ids; shared by every context derived from one analysis, so ids are unique and deterministic. */
  readonly newId: () => ColumnId;
  /** CTE scopes, innermost last. */
  readonly ctes: readonly ReadonlyMap<string, CteDefinition>[];
  /** Scopes of enclosing queries (for correlated subqueries), innermost last. */
  readonly outer: readonly Scope[];
  /** Views being expanded, to report a view that refers to itself. */
  readonly viewStack: readonly string[];
  /** Warnings (ignored hints, …) collected for EXPLAIN. */
  readonly warnings: Diagnostic[];
}

export function newContext(catalog: AnalyzerCatalog, options: AnalyzerOptions = DEFAULT_ANALYZER_OPTIONS, firstId = 0): AnalyzerContext {
  let next = firstId;
  return { catalog, options, newId: () => next++, ctes: [], outer: [], viewStack: [], warnings: [] };
}

export function findCte(ctx: AnalyzerContext, name: string): CteDefinition | undefined {
  const lower = name.toLowerCase();
  for (let i = ctx.ctes.length - 1; i >= 0; i--) {
    const cte = ctx.ctes[i]!.get(lower);
    if (cte) return cte;
  }
  return undefined;
}
