// The operator of each physical node kind (one file per operator in this folder).
import type { PhysicalKind } from '../../physical/plan.js';
import type { Operator } from '../operator.js';
import { gather } from './gather.js';
import { scan } from './scan.js';
import { values } from './values.js';
import { range } from './range.js';
import { filter } from './filter.js';
import { project } from './project.js';
import { hashAggregate } from './hash-aggregate.js';
import { expand } from './expand.js';
import { hashJoin } from './hash-join.js';
import { nestedLoopJoin } from './nested-loop-join.js';
import { sort } from './sort.js';
import { topN } from './top-n.js';
import { limit } from './limit.js';
import { union } from './union.js';
import { setOperation } from './set-operation.js';
import { window } from './window.js';

export const OPERATORS: { readonly [K in PhysicalKind]: Operator<K> } = {
  gatherExec: gather,
  scanExec: scan,
  valuesExec: values,
  rangeExec: range,
  filterExec: filter,
  projectExec: project,
  hashAggregateExec: hashAggregate,
  expandExec: expand,
  hashJoinExec: hashJoin,
  nestedLoopJoinExec: nestedLoopJoin,
  sortExec: sort,
  topNExec: topN,
  limitExec: limit,
  unionExec: union,
  setOperationExec: setOperation,
  windowExec: window,
};
