// Prints bound expressions as SQL-like text with column ids (`l_quantity#4`), for EXPLAIN and test snapshots.
import { assertNever } from '../common/assert-never.js';
import { typeToString } from '../types/data-type.js';
import type { DataType } from '../types/data-type.js';
import type { Expr, UnaryOp, FrameBound, LiteralValue, SortKey, WindowFrame, IntervalValue } from './expr.js';
import type { LogicalPlan } from './plan.js';

/** Names subquery plans as they are printed (`subquery#1`), so the plan printer can list them after the node. */
export interface SubqueryNamer {
  name(plan: LogicalPlan): string;
}

const UNARY_PREFIX: Record<UnaryOp, string> = { not: 'NOT ', negate: '-', bit_not: '~' };

const anonymous: SubqueryNamer = { name: () => 'subquery' };

/** Prints `e`; binary operations below the top are parenthesised, so the tree shape is always visible. */
export function printExpr(e: Expr, subqueries: SubqueryNamer = anonymous): string {
  return print(e, subqueries, true);
}

export function printSortKey(k: SortKey, subqueries: SubqueryNamer = anonymous): string {
  return `${printExpr(k.expr, subqueries)} ${k.ascending ? 'ASC' : 'DESC'} NULLS ${k.nullsFirst ? 'FIRST' : 'LAST'}`;
}

function print(e: Expr, sq: SubqueryNamer, top: boolean): string {
  const p = (x: Expr) => print(x, sq, false);
  switch (e.kind) {
    case 'column':
      return `${e.name}#${e.id}`;
    case 'outerColumn':
      return `outer(${e.name}#${e.id})`;
    case 'literal':
      return printLiteral(e.value, e.type);
    case 'binary': {
      const s = `${p(e.left)} ${e.op.toUpperCase()} ${p(e.right)}`;
      return top ? s : `(${s})`;
    }
    case 'unary':
      return `${UNARY_PREFIX[e.op]}${p(e.operand)}`;
    case 'isNull':
      return `${p(e.operand)} IS ${e.negated ? 'NOT ' : ''}NULL`;
    case 'inList':
      return `${p(e.operand)} IN (${e.list.map(p).join(', ')})`;
    case 'like': {
      const escape = e.op !== 'rlike' && e.escape !== '\\' ? ` ESCAPE ${quote(e.escape)}` : '';
      return `${p(e.operand)} ${e.op.toUpperCase()} ${p(e.pattern)}${escape}`;
    }
    case 'case':
      return `CASE ${e.whens.map((w) => `WHEN ${p(w.when)} THEN ${p(w.then)} `).join('')}${
        e.else ? `ELSE ${p(e.else)} ` : ''
      }END`;
    case 'cast':
      return `${e.safe ? 'TRY_CAST' : 'CAST'}(${p(e.operand)} AS ${typeToString(e.type)})`;
    case 'call':
      return `${e.name}(${e.args.map(p).join(', ')})`;
    case 'field':
      return `${p(e.operand)}.${e.field}`;
    case 'subscript':
      return `${p(e.operand)}[${p(e.index)}]`;
    case 'aggregate':
      return `${e.name}(${e.distinct ? 'DISTINCT ' : ''}${e.args.map(p).join(', ')})${
        e.ignoreNulls ? ' IGNORE NULLS' : ''
      }${e.filter ? ` FILTER (WHERE ${printExpr(e.filter, sq)})` : ''}`;
    case 'window': {
      const spec = [
        e.partitionBy.length ? `PARTITION BY ${e.partitionBy.map(p).join(', ')}` : '',
        e.orderBy.length ? `ORDER BY ${e.orderBy.map((k) => printSortKey(k, sq)).join(', ')}` : '',
        printFrame(e.frame, sq),
      ].filter(Boolean);
      return `${e.name}(${e.distinct ? 'DISTINCT ' : ''}${e.args.map(p).join(', ')})${
        e.ignoreNulls ? ' IGNORE NULLS' : ''
      } OVER (${spec.join(' ')})`;
    }
    case 'scalarSubquery':
      return `scalar-${sq.name(e.plan)}`;
    case 'exists':
      return `EXISTS ${sq.name(e.plan)}`;
    case 'inSubquery': {
      const lhs = e.operands.length === 1 ? p(e.operands[0]!) : `(${e.operands.map(p).join(', ')})`;
      return `${lhs} IN ${sq.name(e.plan)}`;
    }
    default:
      return assertNever(e, 'expression');
  }
}

function printFrame(f: WindowFrame, sq: SubqueryNamer): string {
  const bound = (b: FrameBound): string => {
    switch (b.kind) {
      case 'unboundedPreceding':
        return 'UNBOUNDED PRECEDING';
      case 'unboundedFollowing':
        return 'UNBOUNDED FOLLOWING';
      case 'currentRow':
        return 'CURRENT ROW';
      case 'preceding':
        return `${printExpr(b.offset, sq)} PRECEDING`;
      case 'following':
        return `${printExpr(b.offset, sq)} FOLLOWING`;
      default:
        return assertNever(b);
    }
  };
  return `${f.unit.toUpperCase()} BETWEEN ${bound(f.start)} AND ${bound(f.end)}`;
}

/** Prints a literal the way it would be written in SQL, typed where the bare form would be ambiguous. */
export function printLiteral(v: LiteralValue, t: DataType): string {
  if (v === null) return t.kind === 'null' ? 'NULL' : `CAST(NULL AS ${typeToString(t)})`;
  switch (t.kind) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'tinyint':
      return `${v}Y`;
    case 'smallint':
      return `${v}S`;
    case 'int':
      return String(v);
    case 'bigint':
      return `${v}L`;
    case 'float':
      return typeof v === 'number' ? `${v}F` : `CAST('${v}' AS float)`;
    case 'double':
      return typeof v === 'number' ? `${v}D` : `CAST('${v}' AS double)`;
    case 'decimal':
      return `${v}BD`;
    case 'string':
      return quote(String(v));
    case 'binary':
      return `X'${String(v).toUpperCase()}'`;
    case 'date':
      return `DATE '${formatDate(Number(v))}'`;
    case 'timestamp':
      return `TIMESTAMP '${formatMicros(String(v))}'`;
    case 'timestamp_ntz':
      return `TIMESTAMP_NTZ '${formatMicros(String(v))}'`;
    case 'interval':
      return printInterval(v as IntervalValue);
    default:
      return `CAST(${JSON.stringify(v)} AS ${typeToString(t)})`;
  }
}

function quote(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

const MS_PER_DAY = 86_400_000;

/** Days since the epoch as `YYYY-MM-DD` (proleptic Gregorian, as Spark 3). */
export function formatDate(days: number): string {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Microseconds since the epoch as `YYYY-MM-DD HH:MM:SS[.ffffff]` in UTC. */
export function formatMicros(micros: string): string {
  const us = BigInt(micros);
  const ms = us / 1000n - (us % 1000n < 0n ? 1n : 0n);
  const frac = ((us % 1_000_000n) + 1_000_000n) % 1_000_000n;
  const base = new Date(Number(ms)).toISOString().replace('T', ' ').slice(0, 19);
  return frac === 0n ? base : `${base}.${frac.toString().padStart(6, '0').replace(/0+$/, '')}`;
}

function printInterval(v: IntervalValue): string {
  const parts: string[] = [];
  if (v.months) parts.push(`${v.months} months`);
  if (v.days) parts.push(`${v.days} days`);
  if (v.micros !== '0') parts.push(`${v.micros} microseconds`);
  return `INTERVAL '${parts.join(' ') || '0 days'}'`;
}
