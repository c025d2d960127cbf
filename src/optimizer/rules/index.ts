// The default optimizer rules, in the order each pass runs them; every ordering constraint is a comment here.
import type { OptimizerRule } from '../rule.js';
import { decorrelateScalarSubquery } from './decorrelate-scalar-subquery.js';
import { deriveFiltersFromOr } from './derive-filters-from-or.js';
import { extractCommonConjuncts } from './extract-common-conjuncts.js';
import { pruneColumns } from './prune-columns.js';
import { pushDownFilter } from './push-down-filter.js';
import { removeNoopProject } from './remove-noop-project.js';
import { reorderJoins } from './reorder-joins.js';
import { rewritePredicateSubquery } from './rewrite-predicate-subquery.js';

export const DEFAULT_RULES: readonly OptimizerRule[] = [
  // First: the semi, anti and left joins they make from subqueries are then ordered, filtered and pruned with the rest
  // of the plan; and the subqueries' Filters are still where the analyzer put them, above joins that are not yet reordered.
  rewritePredicateSubquery,
  decorrelateScalarSubquery,
  // First: the conjuncts it takes out of ORs connect relations for reorder_joins and are moved by push_down_filter.
  extractCommonConjuncts,
  // After extract_common_conjuncts, whose factored ORs it reads; before push_down_filter, in the first pass, while the
  // Filters of comma joins still stand above all their relations.
  deriveFiltersFromOr,
  // Before push_down_filter: it gathers a join tree's conditions into one Filter above the reordered joins, which
  // push_down_filter then places. (After it, it still works, as it reads join conditions too, but costs a pass.)
  reorderJoins,
  // Turns the comma joins' cartesian products into joins with conditions and copies conjuncts into scans.
  pushDownFilter,
  // After push_down_filter: the Filters it leaves and the conjuncts it copies into scans read columns, and pruning
  // before they settle would only be redone in the next pass.
  pruneColumns,
  // After prune_columns, which narrows Projects until some only pass their input through.
  removeNoopProject,
];
