// The probe and build sides of a running join, and gathering rows of both into one batch by pair indices.
import { InternalError } from '../../common/errors.js';
import type { ColumnId, Expr } from '../../logical/expr.js';
import type { Column } from '../../logical/plan.js';
import type { DataType } from '../../types/data-type.js';
import { sameType } from '../../types/data-type.js';
import { take } from '../kernels/take.js';
import type { Batch } from '../vector.js';

/** Where a column of a join's output (or condition input) comes from: a column of the probe or the build side. */
export interface ColumnSource {
  readonly side: 'probe' | 'build';
  readonly index: number;
}

/**
 * The source of each of `columns` (by id) among the join inputs' columns, `build` telling which input is built.
 * Output columns keep the ids of the input columns they pass on, so this also places them when outer joins made
 * them nullable.
 */
export function columnSources(
  columns: readonly { readonly id: ColumnId }[],
  left: readonly Column[],
  right: readonly Column[],
  build: 'left' | 'right',
): ColumnSource[] {
  const [leftSide, rightSide] = build === 'right' ? (['probe', 'build'] as const) : (['build', 'probe'] as const);
  return columns.map(({ id }) => {
    const l = left.findIndex((c) => c.id === id);
    if (l >= 0) return { side: leftSide, index: l };
    const r = right.findIndex((c) => c.id === id);
    if (r >= 0) return { side: rightSide, index: r };
    throw new InternalError(`join column #${id} is not an input column`);
  });
}

/**
 * `sources` for matched pairs, each build key column that a probe key column equals (both plain column references
 * of one type whose equal values look alike) read from that probe column instead: along a foreign key every probe
 * row usually matches and its columns pass on as they are, so the key costs nothing where gathering it from the
 * build side costs a random read per row. Not for NULL-extended rows, whose build columns are NULL.
 */
export function pairSources(
  sources: readonly ColumnSource[],
  buildKeys: readonly Expr[],
  probeKeys: readonly Expr[],
  buildColumns: readonly Column[],
  probeColumns: readonly Column[],
): ColumnSource[] {
  const twins = new Map<number, number>();
  buildKeys.forEach((b, k) => {
    const p = probeKeys[k]!;
    if (b.kind !== 'column' || p.kind !== 'column' || !sameType(b.type, p.type) || !LOOK_ALIKE.has(b.type.kind)) return;
    const bi = buildColumns.findIndex((c) => c.id === b.id);
    const pi = probeColumns.findIndex((c) => c.id === p.id);
    if (bi >= 0 && pi >= 0) twins.set(bi, pi);
  });
  return sources.map((s) => {
    const twin = s.side === 'build' ? twins.get(s.index) : undefined;
    return twin === undefined ? s : { side: 'probe', index: twin };
  });
}

// Types whose equal values are the same value (not doubles: -0 = 0; not nested types).
const LOOK_ALIKE = new Set<DataType['kind']>(['boolean', 'tinyint', 'smallint', 'int', 'bigint', 'decimal', 'date', 'timestamp', 'timestamp_ntz', 'string']);

/** Rows `probeRows[k]` and `buildRows[k]` (equally long; -1: NULLs for that side) as one batch of the `sources` columns. */
export function gatherRows(sources: readonly ColumnSource[], probe: Batch, probeRows: Int32Array, build: Batch, buildRows: Int32Array): Batch {
  // A join along a foreign key finds every probe row once, in order: its probe columns pass on as they are, which
  // saves copying every probe column at every join of a chain.
  const probeAsIs = isEveryRow(probeRows, probe.length);
  const buildAsIs = isEveryRow(buildRows, build.length);
  return {
    length: probeRows.length,
    columns: sources.map((s) =>
      s.side === 'probe'
        ? probeAsIs
          ? probe.columns[s.index]!
          : take(probe.columns[s.index]!, probeRows)
        : buildAsIs
          ? build.columns[s.index]!
          : take(build.columns[s.index]!, buildRows),
    ),
  };
}

/** Whether `rows` is 0, 1, …, length - 1. */
function isEveryRow(rows: Int32Array, length: number): boolean {
  if (rows.length !== length || length === 0 || rows[length - 1] !== length - 1) return false;
  for (let i = 0; i < length; i++) if (rows[i] !== i) return false;
  return true;
}
