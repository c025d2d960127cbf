// Converts a plan literal (JSON-safe LiteralValue) to the executor's JsValue of its type.
import type { DataType } from '../../types/data-type.js';
import type { LiteralValue } from '../../logical/expr.js';
import type { JsValue } from '../vector.js';

export function literalJsValue(value: LiteralValue, type: DataType): JsValue {
  if (value === null) return null;
  switch (type.kind) {
    case 'bigint':
    case 'timestamp':
    case 'timestamp_ntz':
      return BigInt(value as string);
    case 'decimal':
      return unscaledDecimal(String(value), type.scale);
    case 'float':
    case 'double':
      return typeof value === 'number' ? value : Number(value);
    case 'binary':
      return Uint8Array.from(Buffer.from(String(value), 'hex'));
    default:
      return value;
  }
}

/** "-12.30" at scale 2 → -1230n; extra fraction digits are cut, missing ones padded. */
export function unscaledDecimal(text: string, scale: number): bigint {
  const negative = text.startsWith('-');
  const [whole = '0', frac = ''] = text.replace(/^[-+]/, '').split('.');
  const digits = whole + frac.padEnd(scale, '0').slice(0, scale);
  const v = BigInt(digits || '0');
  return negative ? -v : v;
}
