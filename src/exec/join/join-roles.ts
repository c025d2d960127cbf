// What a join type means once one side is built and the other streamed: which rows it emits besides matched pairs.
import { assertNever } from '../../common/assert-never.js';
import type { JoinType } from '../../logical/plan.js';

/**
 * What a side's rows contribute to the output beyond matched pairs:
 * `outer` — also each row without a match, NULL-extended; `semi` — each row with a match, once, alone;
 * `anti` — each row without a match, alone; `none` — nothing.
 */
export type SideRule = 'none' | 'outer' | 'semi' | 'anti';

export interface JoinRoles {
  /** Whether matched pairs are output rows (all but semi and anti joins). */
  readonly emitPairs: boolean;
  readonly probe: SideRule;
  readonly build: SideRule;
}

/**
 * The roles of a join whose `build` side is materialised.
 *
 * @example
 * joinRoles('left', 'right') // { emitPairs: true, probe: 'outer', build: 'none' }
 */
export function joinRoles(joinType: JoinType, build: 'left' | 'right'): JoinRoles {
  const onLeft = (rule: SideRule): Pick<JoinRoles, 'probe' | 'build'> =>
    build === 'right' ? { probe: rule, build: 'none' } : { probe: 'none', build: rule };
  const onRight = (rule: SideRule): Pick<JoinRoles, 'probe' | 'build'> =>
    build === 'right' ? { probe: 'none', build: rule } : { probe: rule, build: 'none' };
  switch (joinType) {
    case 'inner':
    case 'cross':
      return { emitPairs: true, probe: 'none', build: 'none' };
    case 'left':
      return { emitPairs: true, ...onLeft('outer') };
    case 'right':
      return { emitPairs: true, ...onRight('outer') };
    case 'full':
      return { emitPairs: true, probe: 'outer', build: 'outer' };
    case 'semi':
    case 'anti':
      return { emitPairs: false, ...onLeft(joinType) };
    default:
      return assertNever(joinType, 'join type');
  }
}

/** Whether a side's rows are settled by their first match (semi and anti), so later pairs for them can be skipped. */
export function decidedByFirstMatch(rule: SideRule): boolean {
  return rule === 'semi' || rule === 'anti';
}
