// Name resolution scopes: the columns a clause can see, each with the table alias that qualifies it.
import type { Column } from '../logical/plan.js';
import type { Span } from '../common/diagnostic.js';
import { fail } from '../common/errors.js';

export interface ScopeEntry {
  readonly column: Column;
  /** The relation's alias or table name, lower-cased; absent for computed columns. */
  readonly qualifier?: string;
  /** Reachable only by a qualified name (the right side's copy of a USING column): not in `*`, not unqualified. */
  readonly hidden: boolean;
}

export interface Scope {
  readonly entries: readonly ScopeEntry[];
}

export const EMPTY_SCOPE: Scope = { entries: [] };

export function scopeOf(columns: readonly Column[], qualifier?: string): Scope {
  const q = qualifier?.toLowerCase();
  return { entries: columns.map((column) => ({ column, hidden: false, ...(q !== undefined ? { qualifier: q } : {}) })) };
}

export function concatScopes(a: Scope, b: Scope): Scope {
  return { entries: [...a.entries, ...b.entries] };
}

/** The same columns, re-qualified by a new alias (`(SELECT …) AS s`, `FROM t AS x`). */
export function requalify(scope: Scope, qualifier: string): Scope {
  return scopeOf(
    scope.entries.filter((e) => !e.hidden).map((e) => e.column),
    qualifier,
  );
}

/** A resolved column and the parts of the name left over as struct field accesses. */
export interface Resolution {
  readonly entry: ScopeEntry;
  readonly fields: readonly string[];
}

/**
 * Resolves a dotted name Spark's way: `t.c[.f…]` (qualifier first), `db.t.c[.f…]`, then `c[.f…]`.
 * Returns undefined when nothing matches; throws ANALYSIS_AMBIGUOUS_COLUMN when several columns match.
 */
export function resolveName(scope: Scope, parts: readonly string[], span?: Span): Resolution | undefined {
  const lower = parts.map((p) => p.toLowerCase());
  const attempts: { qualifier?: string; name: string; fields: string[] }[] = [];
  if (lower.length >= 2) attempts.push({ qualifier: lower[0]!, name: lower[1]!, fields: parts.slice(2) as string[] });
  if (lower.length >= 3) attempts.push({ qualifier: lower[1]!, name: lower[2]!, fields: parts.slice(3) as string[] });
  attempts.push({ name: lower[0]!, fields: parts.slice(1) as string[] });

  for (const a of attempts) {
    const matches = scope.entries.filter(
      (e) =>
        e.column.name.toLowerCase() === a.name &&
        (a.qualifier === undefined ? !e.hidden : e.qualifier === a.qualifier),
    );
    const distinct = uniqueById(matches);
    if (distinct.length > 1) {
      const options = distinct.map((e) => `\`${e.qualifier ? e.qualifier + '.' : ''}${e.column.name}\``);
      fail(
        'ANALYSIS_AMBIGUOUS_COLUMN',
        `column reference \`${parts.join('.')}\` is ambiguous: it could be ${options.join(' or ')}`,
        span,
        'qualify it with a table name or alias',
      );
    }
    if (distinct.length === 1) return { entry: distinct[0]!, fields: a.fields };
  }
  return undefined;
}

/** Every name a user could have meant, qualified and not, for suggestions. */
export function visibleNames(scope: Scope): string[] {
  return scope.entries.flatMap((e) =>
    e.hidden ? [`${e.qualifier}.${e.column.name}`] : [e.column.name, ...(e.qualifier ? [`${e.qualifier}.${e.column.name}`] : [])],
  );
}

function uniqueById(entries: readonly ScopeEntry[]): ScopeEntry[] {
  const seen = new Set<number>();
  return entries.filter((e) => !seen.has(e.column.id) && (seen.add(e.column.id), true));
}
