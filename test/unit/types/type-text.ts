// Test helper: types written as Spark prints them (`decimal(15,2)`, `array<int>`, `struct<a:int,b:string>`), so
// coercion tables read like Spark's documentation. `array<int!>` marks a non-null element (also map values, fields).
import { T, typeToString } from '../../../src/types/data-type.js';
import type { DataType, StructField } from '../../../src/types/data-type.js';

const NAMED: Readonly<Record<string, DataType>> = { ...T, void: T.null };

/** Parses a type; throws on text it does not understand. */
export function ty(text: string): DataType {
  const p = { s: text.replace(/\s+/g, ''), i: 0 };
  const t = parse(p);
  if (p.i !== p.s.length) throw new Error(`bad type text: ${text}`);
  return t;
}

/** Types printed as Spark does, or 'undefined'. */
export function show(t: DataType | undefined): string {
  return t ? typeToString(t) : 'undefined';
}

interface Cursor {
  readonly s: string;
  i: number;
}

function take(p: Cursor, token: string): boolean {
  if (!p.s.startsWith(token, p.i)) return false;
  p.i += token.length;
  return true;
}

function expect(p: Cursor, token: string): void {
  if (!take(p, token)) throw new Error(`expected '${token}' at ${p.i} in ${p.s}`);
}

function word(p: Cursor): string {
  const m = /^[a-z_][a-z0-9_]*/i.exec(p.s.slice(p.i));
  if (!m) throw new Error(`expected a name at ${p.i} in ${p.s}`);
  p.i += m[0].length;
  return m[0];
}

// A type followed by `!` is not nullable (inside a container).
function element(p: Cursor): [DataType, boolean] {
  const t = parse(p);
  return [t, !take(p, '!')];
}

function parse(p: Cursor): DataType {
  const name = word(p).toLowerCase();
  if (name === 'decimal') {
    expect(p, '(');
    const [precision, scale] = p.s.slice(p.i, p.s.indexOf(')', p.i)).split(',').map(Number);
    p.i = p.s.indexOf(')', p.i) + 1;
    return { kind: 'decimal', precision: precision!, scale: scale! };
  }
  if (name === 'array') {
    expect(p, '<');
    const [elementType, containsNull] = element(p);
    expect(p, '>');
    return { kind: 'array', element: elementType, containsNull };
  }
  if (name === 'map') {
    expect(p, '<');
    const key = parse(p);
    expect(p, ',');
    const [value, valueContainsNull] = element(p);
    expect(p, '>');
    return { kind: 'map', key, value, valueContainsNull };
  }
  if (name === 'struct') {
    expect(p, '<');
    const fields: StructField[] = [];
    while (!take(p, '>')) {
      if (fields.length > 0) expect(p, ',');
      const fieldName = word(p);
      expect(p, ':');
      const [type, nullable] = element(p);
      fields.push({ name: fieldName, type, nullable });
    }
    return { kind: 'struct', fields };
  }
  const t = NAMED[name];
  if (!t) throw new Error(`unknown type ${name}`);
  return t;
}
