// format_string / printf: Java's Formatter for the conversions SQL uses (%s %d %f %e %x %o %c %b %% %n) with
// argument indexes, flags (- 0 + space , #), width and precision.
import { fail } from '../../common/errors.js';
import type { DataType } from '../../types/data-type.js';
import type { FunctionCompiler } from '../expr/evaluator.js';
import type { JsValue } from '../vector.js';
import { decimalToDouble } from './decimal.js';
import { formatValue } from './format-value.js';
import { rowFunction } from './row-function.js';
import type { ZoneRules } from './time-zone.js';

const SPEC = /%(\d+\$)?([-#+ 0,(]*)(\d+)?(\.\d+)?([a-zA-Z%])/g;

/** format_string(format, args…): NULL format gives NULL; NULL arguments print as "null". */
export const formatString: FunctionCompiler = (args, resultType, env) => {
  const types = args.slice(1).map((a) => a.type);
  return rowFunction(([format, ...values]) => (format === null ? null : formatJava(format as string, values, types, env.zone)), {
    nullArguments: true,
  })(args, resultType, env);
};

/** `format` applied to `args` (JsValues of `types`), as Java's String.format. */
function formatJava(format: string, args: readonly JsValue[], types: readonly DataType[], zone: ZoneRules): string {
  let next = 0;
  return format.replace(SPEC, (_, index: string | undefined, flags: string, width: string | undefined, precision: string | undefined, conversion: string) => {
    if (conversion === '%') return applyWidth('%', flags, width);
    if (conversion === 'n') return '\n';
    const at = index ? Number(index.slice(0, -1)) - 1 : next++;
    const p = precision === undefined ? undefined : Number(precision.slice(1));
    const type = types[at] ?? { kind: 'null' };
    const text = convert(conversion, numeric(args[at] ?? null, type), flags, p, (v) => formatValue(type, v, zone), args[at] ?? null);
    return applyWidth(conversion === conversion.toUpperCase() && conversion !== 'E' && conversion !== 'X' ? text.toUpperCase() : text, flags, width);
  });
}

// A decimal (an unscaled bigint) is read as its number for the numeric conversions.
function numeric(v: JsValue, type: DataType): JsValue {
  return type.kind === 'decimal' && v !== null ? decimalToDouble(v as bigint, type.scale) : v;
}

function convert(
  conversion: string,
  arg: JsValue,
  flags: string,
  precision: number | undefined,
  asText: (v: JsValue) => string,
  original: JsValue,
): string {
  const lower = conversion.toLowerCase();
  if (lower === 'b') return String(arg !== null && arg !== false);
  if (arg === null) return 'null';
  switch (lower) {
    case 's': {
      const t = asText(original);
      return precision === undefined ? t : t.slice(0, precision);
    }
    case 'c':
      return typeof arg === 'number' ? String.fromCodePoint(arg) : String(arg);
    case 'd':
      if (typeof arg !== 'bigint' && !Number.isInteger(arg))
        fail('EXEC_INVALID_FORMAT', `format_string: %d needs an integer, got ${String(arg)}`);
      return signed(BigInt(arg as number | bigint), flags, (v) => group(v.toString(), flags));
    case 'x':
    case 'o': {
      const radix = lower === 'x' ? 16 : 8;
      // Java prints negative ints and longs as their unsigned two's complement.
      const v = typeof arg === 'bigint' ? BigInt.asUintN(64, arg) : BigInt((arg as number) >>> 0);
      const digits = v.toString(radix);
      return (flags.includes('#') ? (radix === 16 ? '0x' : '0') : '') + (conversion === 'X' ? digits.toUpperCase() : digits);
    }
    case 'f':
    case 'e': {
      const x = typeof arg === 'bigint' ? Number(arg) : (arg as number);
      if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
      const digits = precision ?? 6;
      return signed(x, flags, (v) =>
        lower === 'f' ? group(v.toFixed(digits), flags) : v.toExponential(digits).replace(/e([+-])(\d)$/, 'e$10$2'),
      );
    }
    default:
      return fail('EXEC_INVALID_FORMAT', `format_string: the conversion %${conversion} is not supported`);
  }
}

// Sign flags of Java's Formatter for a number: '+' forces a sign, ' ' a space, '(' parentheses for negatives.
function signed<T extends number | bigint>(v: T, flags: string, body: (abs: T) => string): string {
  const negative = v < 0;
  const abs = (negative ? -v : v) as T;
  const digits = body(abs);
  if (negative) return flags.includes('(') ? `(${digits})` : `-${digits}`;
  return (flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + digits;
}

function group(digits: string, flags: string): string {
  if (!flags.includes(',')) return digits;
  const [whole = '', fraction] = digits.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function applyWidth(s: string, flags: string, width: string | undefined): string {
  const w = width === undefined ? 0 : Number(width);
  if (s.length >= w) return s;
  if (flags.includes('-')) return s.padEnd(w, ' ');
  if (flags.includes('0')) {
    const sign = /^[-+ (]/.test(s) ? s[0]! : '';
    return sign + s.slice(sign.length).padStart(w - sign.length, '0');
  }
  return s.padStart(w, ' ');
}
