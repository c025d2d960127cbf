// Aggregate functions and their result types (Spark's Sum, Average, Count, …); every aggregate also works over a window.
import { T, arrayOf, isIntegral, isOrderable } from '../../types/data-type.js';
import type { DataType } from '../../types/data-type.js';
import { A } from '../../types/cast-rules.js';
import { avgDecimalType, sumDecimalType } from '../../types/decimal-rules.js';
import { defineFunction, resolved } from './function-def.js';
import type { FunctionDef } from './function-def.js';
import { argumentError, callText, coerceArgs, containsMap, fixed } from './signature.js';

const D = T.double;
const NUMERIC_OR_INTERVAL = A.oneOf(A.numeric, T.interval);

// An aggregate over one numeric (or interval) column whose result type follows from the input's.
function numericAggregate(name: string, resultOf: (input: DataType) => DataType, aliases: readonly string[] = []): FunctionDef {
  return defineFunction({
    name,
    kind: 'aggregate',
    aliases,
    resolve: (args) => {
      const types = coerceArgs(name, args, { required: [NUMERIC_OR_INTERVAL] });
      return typeof types === 'string' ? types : resolved(types, resultOf(types[0]!), 'always');
    },
  });
}

// sum: integers add up as bigint, decimals get 10 more digits, everything else as double.
function sumType(t: DataType): DataType {
  if (t.kind === 'decimal') return sumDecimalType(t);
  if (t.kind === 'interval') return t;
  return isIntegral(t) ? T.bigint : D;
}

// avg: decimals get 4 more integer and fraction digits, everything else is double.
function avgType(t: DataType): DataType {
  if (t.kind === 'decimal') return avgDecimalType(t);
  return t.kind === 'interval' ? t : D;
}

// min, max: any orderable type, kept.
function extremeAggregate(name: string): FunctionDef {
  return defineFunction({
    name,
    kind: 'aggregate',
    resolve: (args) => {
      const types = coerceArgs(name, args, { required: [A.any] });
      if (typeof types === 'string') return types;
      return isOrderable(types[0]!) ? resolved(types, types[0]!, 'always') : argumentError(name, args, 0, 'an orderable type');
    },
  });
}

// min_by(x, ord), max_by(x, ord): the x of the row with the least / greatest ord.
function byAggregate(name: string): FunctionDef {
  return defineFunction({
    name,
    kind: 'aggregate',
    resolve: (args) => {
      const types = coerceArgs(name, args, { required: [A.any, A.any] });
      if (typeof types === 'string') return types;
      if (!isOrderable(types[1]!)) return argumentError(name, args, 1, 'an orderable type');
      // Ties on ord pick any of their rows, so Spark calls these non-deterministic.
      return resolved(types, types[0]!, 'always', false);
    },
  });
}

// first, last, any_value: an optional literal boolean says whether to skip NULLs. They depend on row order.
function pickAggregate(name: string, aliases: readonly string[] = []): FunctionDef {
  return defineFunction({
    name,
    kind: 'aggregate',
    aliases,
    resolve: (args) => {
      const types = coerceArgs(name, args, { required: [A.any], optional: [T.boolean] });
      if (typeof types === 'string') return types;
      if (args[1] && typeof args[1].constant !== 'boolean') {
        return `cannot resolve ${callText(name, args)}: argument 2 (ignore nulls) must be a constant boolean`;
      }
      return resolved(types, types[0]!, 'always', false);
    },
  });
}

// collect_list, collect_set: an array of the non-null values (never NULL itself, possibly empty).
function collectAggregate(name: string, aliases: readonly string[] = []): FunctionDef {
  return defineFunction({
    name,
    kind: 'aggregate',
    aliases,
    resolve: (args) => {
      const types = coerceArgs(name, args, { required: [A.any] });
      if (typeof types === 'string') return types;
      const element = types[0]!;
      if (name === 'collect_set' && containsMap(element)) {
        return argumentError(name, args, 0, 'a type without maps (maps cannot be compared)');
      }
      return resolved(types, arrayOf(element, false), 'never', false);
    },
  });
}

// percentile_approx(col, p[, accuracy]): p is a fraction or an array of them (then the result is an array).
const percentileApprox = defineFunction({
  name: 'percentile_approx',
  kind: 'aggregate',
  aliases: ['approx_percentile'],
  resolve: (args) => {
    const types = coerceArgs('percentile_approx', args, {
      required: [A.oneOf(A.numeric, T.date, T.timestamp, T.timestamp_ntz, T.interval), A.oneOf(D, A.arrayOf(D))],
      optional: [A.integral],
    });
    if (typeof types === 'string') return types;
    const column = types[0]!;
    return resolved(types, types[1]!.kind === 'array' ? arrayOf(column, false) : column, 'always');
  },
});

// percentile(col, p[, frequency]) and median(col): exact, as double.
const percentile = defineFunction({
  name: 'percentile',
  kind: 'aggregate',
  resolve: (args) => {
    const types = coerceArgs('percentile', args, { required: [A.numeric, A.oneOf(D, A.arrayOf(D))], optional: [A.integral] });
    if (typeof types === 'string') return types;
    return resolved(types, types[1]!.kind === 'array' ? arrayOf(D, false) : D, 'always');
  },
});

// Spark's Count: the number of rows where every argument is non-null; count(*) is count(1).
const count = defineFunction({
  name: 'count',
  kind: 'aggregate',
  resolve: (args) => {
    const types = coerceArgs('count', args, { required: [A.any], variadic: A.any });
    return typeof types === 'string' ? types : resolved(types, T.bigint, 'never');
  },
});

function statistic(name: string, arity: 1 | 2, aliases: readonly string[] = []): FunctionDef {
  return fixed({ name, kind: 'aggregate', aliases, required: arity === 1 ? [D] : [D, D], returns: D, nullable: 'always' });
}

export const AGGREGATE_FUNCTIONS: readonly FunctionDef[] = [
  count,
  fixed({ name: 'count_if', kind: 'aggregate', required: [T.boolean], returns: T.bigint, nullable: 'never' }),
  fixed({ name: 'approx_count_distinct', kind: 'aggregate', required: [A.any], optional: [D], returns: T.bigint, nullable: 'never' }),
  numericAggregate('sum', sumType),
  numericAggregate('avg', avgType, ['mean']),
  extremeAggregate('min'),
  extremeAggregate('max'),
  byAggregate('min_by'),
  byAggregate('max_by'),
  pickAggregate('first', ['first_value']),
  pickAggregate('last', ['last_value']),
  pickAggregate('any_value'),
  collectAggregate('collect_list', ['array_agg']),
  collectAggregate('collect_set'),
  statistic('stddev_samp', 1, ['stddev', 'std']),
  statistic('stddev_pop', 1),
  statistic('var_samp', 1, ['variance']),
  statistic('var_pop', 1),
  statistic('skewness', 1),
  statistic('kurtosis', 1),
  statistic('corr', 2),
  statistic('covar_samp', 2),
  statistic('covar_pop', 2),
  fixed({ name: 'bool_and', kind: 'aggregate', aliases: ['every'], required: [T.boolean], returns: T.boolean, nullable: 'always' }),
  fixed({ name: 'bool_or', kind: 'aggregate', aliases: ['any', 'some'], required: [T.boolean], returns: T.boolean, nullable: 'always' }),
  percentileApprox,
  percentile,
  fixed({ name: 'median', kind: 'aggregate', required: [A.numeric], returns: D, nullable: 'always' }),
];
