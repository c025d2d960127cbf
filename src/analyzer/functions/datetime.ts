// Date and time functions: field extraction, date arithmetic, parsing and formatting, and the `window` grouping.
import { T, decimal, structOf } from '../../types/data-type.js';
import type { DataType } from '../../types/data-type.js';
import { A } from '../../types/cast-rules.js';
import type { ExpectedType } from '../../types/cast-rules.js';
import { defineFunction, resolved } from './function-def.js';
import type { FunctionDef } from './function-def.js';
import { arityError, callText, coerceArgs, constantError, constantString, fixed } from './signature.js';

const S = T.string;
// What to_date, to_timestamp and unix_timestamp parse or convert.
const DATETIME_INPUT = A.oneOf(S, T.date, T.timestamp, T.timestamp_ntz);

// Fields of a date: a timestamp or string argument is cast to date first.
const DATE_FIELDS = ['year', 'quarter', 'month', 'dayofweek', 'dayofyear', 'weekofyear', 'weekday'] as const;
// Fields of a time: a date or string argument is cast to timestamp first.
const TIME_FIELDS = ['hour', 'minute', 'second'] as const;

interface DatePartField {
  readonly source: ExpectedType;
  readonly returns: DataType;
}

// Spark's date_part / EXTRACT fields and their synonyms; SECOND keeps microseconds as decimal(8,6).
const DATE_PART_FIELDS: ReadonlyMap<string, DatePartField> = new Map(
  (
    [
      [['year', 'y', 'years', 'yr', 'yrs'], T.date, T.int],
      [['yearofweek'], T.date, T.int],
      [['quarter', 'qtr'], T.date, T.int],
      [['month', 'mon', 'mons', 'months'], T.date, T.int],
      [['week', 'w', 'weeks'], T.date, T.int],
      [['day', 'd', 'days'], T.date, T.int],
      [['dayofweek', 'dow'], T.date, T.int],
      [['dayofweek_iso', 'dow_iso'], T.date, T.int],
      [['doy'], T.date, T.int],
      [['hour', 'h', 'hours', 'hr', 'hrs'], A.anyTimestamp, T.int],
      [['minute', 'm', 'min', 'mins', 'minutes'], A.anyTimestamp, T.int],
      [['second', 's', 'sec', 'seconds', 'secs'], A.anyTimestamp, decimal(8, 6)],
    ] as const
  ).flatMap(([names, source, returns]) => names.map((n): [string, DatePartField] => [n, { source, returns }])),
);

/** `date_part('year', d)`; EXTRACT(field FROM e) is the same call. The field must be a literal. */
const datePart = defineFunction({
  name: 'date_part',
  aliases: ['datepart'],
  resolve: (args) => {
    const arity = arityError('date_part', args.length, 2, 2);
    if (arity) return arity;
    const fieldName = constantString(args[0]);
    if (fieldName === undefined) return constantError('date_part', args, 0, 'a constant string');
    const field = DATE_PART_FIELDS.get(fieldName.toLowerCase());
    if (!field) return `cannot resolve ${callText('date_part', args)}: unknown field '${fieldName}'`;
    const types = coerceArgs('date_part', args, { required: [S, field.source] });
    return typeof types === 'string' ? types : resolved(types, field.returns);
  },
});

/**
 * `window(ts, '10 minutes'[, slide[, start]])`, the tumbling or sliding time window a row falls in, as
 * struct<start, end> of the timestamp's type. The durations must be string literals; the analyzer expands the
 * call as Spark's TimeWindowing rule does.
 */
const window = defineFunction({
  name: 'window',
  resolve: (args) => {
    const arity = arityError('window', args.length, 2, 4);
    if (arity) return arity;
    const types = coerceArgs('window', args, { required: [A.anyTimestamp, S], optional: [S, S] });
    if (typeof types === 'string') return types;
    const durationIndex = args.findIndex((a, i) => i > 0 && constantString(a) === undefined);
    if (durationIndex > 0) return constantError('window', args, durationIndex, 'a constant string such as \'10 minutes\'');
    const ts = types[0]!;
    const returnType = structOf([
      { name: 'start', type: ts, nullable: true },
      { name: 'end', type: ts, nullable: true },
    ]);
    return resolved(types, returnType);
  },
});

const unixTimestamp = defineFunction({
  name: 'unix_timestamp',
  resolve: (args) => {
    const types = coerceArgs('unix_timestamp', args, { required: [], optional: [DATETIME_INPUT, S] });
    if (typeof types === 'string') return types;
    // Without arguments it is the current time.
    return args.length === 0 ? resolved(types, T.bigint, 'never', false) : resolved(types, T.bigint, 'always');
  },
});

export const DATETIME_FUNCTIONS: readonly FunctionDef[] = [
  ...DATE_FIELDS.map((name) => fixed({ name, required: [T.date], returns: T.int })),
  fixed({ name: 'dayofmonth', aliases: ['day'], required: [T.date], returns: T.int }),
  ...TIME_FIELDS.map((name) => fixed({ name, required: [A.anyTimestamp], returns: T.int })),
  datePart,
  // Spark also takes tinyint and smallint days as they are; casting them to int is the same.
  fixed({ name: 'date_add', aliases: ['dateadd'], required: [T.date, T.int], returns: T.date }),
  fixed({ name: 'date_sub', required: [T.date, T.int], returns: T.date }),
  fixed({ name: 'datediff', required: [T.date, T.date], returns: T.int }),
  fixed({ name: 'add_months', required: [T.date, T.int], returns: T.date }),
  fixed({ name: 'months_between', required: [T.timestamp, T.timestamp], optional: [T.boolean], returns: T.double }),
  fixed({ name: 'last_day', required: [T.date], returns: T.date }),
  fixed({ name: 'next_day', required: [T.date, S], returns: T.date, nullable: 'always' }),
  fixed({ name: 'make_date', required: [T.int, T.int, T.int], returns: T.date, nullable: 'always' }),
  // An unknown unit gives NULL.
  fixed({ name: 'date_trunc', required: [S, T.timestamp], returns: T.timestamp, nullable: 'always' }),
  fixed({ name: 'trunc', required: [T.date, S], returns: T.date, nullable: 'always' }),
  // Parsing gives NULL for text that does not match (ANSI off).
  fixed({ name: 'to_date', required: [DATETIME_INPUT], optional: [S], returns: T.date, nullable: 'always' }),
  fixed({ name: 'to_timestamp', required: [DATETIME_INPUT], optional: [S], returns: T.timestamp, nullable: 'always' }),
  fixed({ name: 'to_unix_timestamp', required: [DATETIME_INPUT], optional: [S], returns: T.bigint, nullable: 'always' }),
  unixTimestamp,
  fixed({ name: 'from_unixtime', required: [T.bigint], optional: [S], returns: S }),
  fixed({ name: 'date_format', required: [T.timestamp, S], returns: S }),
  fixed({ name: 'current_date', aliases: ['curdate'], required: [], returns: T.date, nullable: 'never', deterministic: false }),
  fixed({ name: 'current_timestamp', aliases: ['now'], required: [], returns: T.timestamp, nullable: 'never', deterministic: false }),
  window,
];
