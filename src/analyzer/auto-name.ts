// Spark-style names for unaliased select expressions: `l_quantity`, `sum(l_quantity)`, `(a + 1)`, `count(1)`.
import type { Expr } from '../ast/ast.js';
import { printSql } from '../ast/print-sql.js';
import { typeToString } from '../types/data-type.js';

export function autoName(e: Expr): string {
  switch (e.kind) {
    case 'column':
      return e.parts[e.parts.length - 1]!;
    case 'literal':
      switch (e.literal.type) {
        case 'null':
          return 'NULL';
        case 'boolean':
          return String(e.literal.value);
        case 'number':
          return e.literal.text;
        case 'string':
          return e.literal.value;
        default:
          return printSql(e);
      }
    case 'binary':
      return `(${autoName(e.left)} ${e.op === 'and' || e.op === 'or' ? e.op.toUpperCase() : e.op} ${autoName(e.right)})`;
    case 'unary':
      return e.op === 'not' ? `(NOT ${autoName(e.operand)})` : `(${e.op} ${autoName(e.operand)})`;
    case 'call': {
      const name = e.name.join('.').toLowerCase();
      const args = e.args.map((a) => (a.kind === 'starArg' ? '1' : autoName(a))).join(', ');
      // Spark names a window call by its whole text, window included.
      return e.over ? printSql(e) : `${name}(${e.distinct ? 'DISTINCT ' : ''}${args})`;
    }
    case 'cast':
      return `${e.safe ? 'TRY_CAST' : 'CAST'}(${autoName(e.operand)} AS ${typeToString(e.type).toUpperCase()})`;
    case 'fieldAccess':
      return e.field;
    default:
      return printSql(e);
  }
}
