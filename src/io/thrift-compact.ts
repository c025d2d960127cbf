// A lossless reader and writer for Thrift compact-protocol structs, for editing Parquet footers without a schema.
//
// Every value keeps its wire type, so a struct decoded and encoded again is byte-for-byte what was read, fields this
// code has never heard of included. Callers find fields by their Thrift id (see parquet.thrift).

/** A field of a struct: its Thrift id and value. Fields keep their order on the wire. */
export interface ThriftField {
  readonly id: number;
  readonly value: ThriftValue;
}

/** A list (or set) keeps its element type so that an empty one is written back as it came. */
export type ThriftValue =
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'byte' | 'i16' | 'i32' | 'double'; readonly value: number }
  | { readonly type: 'i64'; readonly value: bigint }
  | { readonly type: 'binary'; readonly value: Uint8Array }
  | { readonly type: 'list' | 'set'; readonly elementType: ThriftType; readonly items: readonly ThriftValue[] }
  | {
      readonly type: 'map';
      readonly keyType: ThriftType;
      readonly valueType: ThriftType;
      readonly entries: readonly (readonly [ThriftValue, ThriftValue])[];
    }
  | { readonly type: 'struct'; readonly fields: readonly ThriftField[] };

export type ThriftType = ThriftValue['type'];

export type ThriftStruct = Extract<ThriftValue, { type: 'struct' }>;

/** Compact-protocol type codes. Booleans as struct fields carry their value in the code (1 true, 2 false). */
const CODE: Record<ThriftType, number> = { bool: 1, byte: 3, i16: 4, i32: 5, i64: 6, double: 7, binary: 8, list: 9, set: 10, map: 11, struct: 12 };
const TYPE_OF_CODE: readonly (ThriftType | undefined)[] = [
  undefined, 'bool', 'bool', 'byte', 'i16', 'i32', 'i64', 'double', 'binary', 'list', 'set', 'map', 'struct',
];
/** Deeper nesting than any Parquet footer has; stops a crafted footer from exhausting the stack. */
const MAX_DEPTH = 64;

/**
 * Decodes one struct starting at `offset`. Throws `Error` on malformed input (the caller names the file).
 *
 * @example
 * const { struct } = decodeThriftStruct(footerBytes);
 * getField(struct, 3)?.value; // FileMetaData.num_rows, e.g. 6001215n
 */
export function decodeThriftStruct(bytes: Uint8Array, offset = 0): { struct: ThriftStruct; end: number } {
  const reader = new Reader(bytes, offset);
  const struct = reader.struct(0);
  return { struct, end: reader.offset };
}

/**
 * Encodes a struct in the compact protocol.
 *
 * @example
 * encodeThriftStruct(decodeThriftStruct(bytes).struct); // equal to bytes
 */
export function encodeThriftStruct(struct: ThriftStruct): Uint8Array {
  const writer = new Writer();
  writer.struct(struct);
  return writer.finish();
}

/** The field with Thrift id `id`, if present. */
export function getField(struct: ThriftStruct, id: number): ThriftValue | undefined {
  return struct.fields.find((f) => f.id === id)?.value;
}

/** `struct` with field `id` set to `value` (appended if absent) or removed (`undefined`). */
export function withField(struct: ThriftStruct, id: number, value: ThriftValue | undefined): ThriftStruct {
  const fields = struct.fields.filter((f) => f.id !== id);
  if (value !== undefined) fields.push({ id, value });
  return { type: 'struct', fields };
}

class Reader {
  offset: number;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array, offset: number) {
    this.offset = offset;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  struct(depth: number): ThriftStruct {
    if (depth > MAX_DEPTH) throw new Error(`Thrift structs nested deeper than ${MAX_DEPTH}`);
    const fields: ThriftField[] = [];
    let id = 0;
    for (;;) {
      const header = this.byte();
      if (header === 0) return { type: 'struct', fields };
      const code = header & 0x0f;
      const delta = header >> 4;
      id = delta === 0 ? this.zigzag32() : id + delta;
      const type = typeOfCode(code);
      const value: ThriftValue = type === 'bool' ? { type, value: code === 1 } : this.value(type, depth);
      fields.push({ id, value });
    }
  }

  private value(type: ThriftType, depth: number): ThriftValue {
    switch (type) {
      case 'bool':
        // Inside containers a boolean is a whole byte; writers differ on false (0 or 2), true is always 1.
        return { type, value: this.byte() === 1 };
      case 'byte':
        return { type, value: (this.byte() << 24) >> 24 };
      case 'i16':
      case 'i32':
        return { type, value: this.zigzag32() };
      case 'i64':
        return { type, value: this.zigzag64() };
      case 'double': {
        this.need(8);
        const value = this.view.getFloat64(this.offset, true);
        this.offset += 8;
        return { type, value };
      }
      case 'binary': {
        const length = this.varint();
        this.need(length);
        const value = this.bytes.subarray(this.offset, this.offset + length);
        this.offset += length;
        return { type, value };
      }
      case 'list':
      case 'set': {
        const header = this.byte();
        const size = header >> 4 === 15 ? this.varint() : header >> 4;
        const elementType = typeOfCode(header & 0x0f);
        // Each element takes at least one byte: a size beyond the input is garbage, not a reason to allocate.
        this.need(size);
        const items: ThriftValue[] = [];
        for (let i = 0; i < size; i++) items.push(this.value(elementType, depth + 1));
        return { type, elementType, items };
      }
      case 'map': {
        const size = this.varint();
        if (size === 0) return { type, keyType: 'byte', valueType: 'byte', entries: [] };
        const kinds = this.byte();
        const keyType = typeOfCode(kinds >> 4);
        const valueType = typeOfCode(kinds & 0x0f);
        this.need(size);
        const entries: (readonly [ThriftValue, ThriftValue])[] = [];
        for (let i = 0; i < size; i++) entries.push([this.value(keyType, depth + 1), this.value(valueType, depth + 1)]);
        return { type, keyType, valueType, entries };
      }
      case 'struct':
        return this.struct(depth + 1);
    }
  }

  private byte(): number {
    this.need(1);
    return this.bytes[this.offset++]!;
  }

  private varint(): number {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = this.byte();
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
    }
    throw new Error('a Thrift varint is longer than 5 bytes');
  }

  private zigzag32(): number {
    const n = this.varint();
    return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
  }

  private zigzag64(): bigint {
    let n = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      const b = this.byte();
      n |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return (n >> 1n) ^ -(n & 1n);
    }
    throw new Error('a Thrift varint is longer than 10 bytes');
  }

  private need(n: number): void {
    if (this.offset + n > this.bytes.length) throw new Error(`Thrift data ends early (needs ${n} more bytes at offset ${this.offset})`);
  }
}

function typeOfCode(code: number): ThriftType {
  const type = TYPE_OF_CODE[code];
  if (type === undefined) throw new Error(`unknown Thrift compact type code ${code}`);
  return type;
}

class Writer {
  private buffer = new Uint8Array(1024);
  private length = 0;

  finish(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  struct(struct: ThriftStruct): void {
    let previous = 0;
    for (const { id, value } of struct.fields) {
      const code = value.type === 'bool' ? (value.value ? 1 : 2) : CODE[value.type];
      const delta = id - previous;
      if (delta > 0 && delta <= 15) {
        this.byte((delta << 4) | code);
      } else {
        this.byte(code);
        this.zigzag32(id);
      }
      previous = id;
      if (value.type !== 'bool') this.value(value);
    }
    this.byte(0);
  }

  private value(v: ThriftValue): void {
    switch (v.type) {
      case 'bool':
        return this.byte(v.value ? 1 : 2);
      case 'byte':
        return this.byte(v.value & 0xff);
      case 'i16':
      case 'i32':
        return this.zigzag32(v.value);
      case 'i64':
        return this.zigzag64(v.value);
      case 'double': {
        this.reserve(8);
        new DataView(this.buffer.buffer).setFloat64(this.length, v.value, true);
        this.length += 8;
        return;
      }
      case 'binary':
        this.varint(v.value.length);
        this.reserve(v.value.length);
        this.buffer.set(v.value, this.length);
        this.length += v.value.length;
        return;
      case 'list':
      case 'set': {
        const size = v.items.length;
        if (size < 15) {
          this.byte((size << 4) | CODE[v.elementType]);
        } else {
          this.byte(0xf0 | CODE[v.elementType]);
          this.varint(size);
        }
        for (const item of v.items) this.value(item);
        return;
      }
      case 'map':
        this.varint(v.entries.length);
        if (v.entries.length === 0) return;
        this.byte((CODE[v.keyType] << 4) | CODE[v.valueType]);
        for (const [key, value] of v.entries) {
          this.value(key);
          this.value(value);
        }
        return;
      case 'struct':
        return this.struct(v);
    }
  }

  private byte(b: number): void {
    this.reserve(1);
    this.buffer[this.length++] = b;
  }

  private varint(n: number): void {
    while (n >= 0x80) {
      this.byte((n % 0x80) | 0x80);
      n = Math.floor(n / 0x80);
    }
    this.byte(n);
  }

  private zigzag32(n: number): void {
    this.varint(n >= 0 ? n * 2 : -n * 2 - 1);
  }

  private zigzag64(n: bigint): void {
    let z = BigInt.asUintN(64, (n << 1n) ^ (n >> 63n));
    while (z >= 0x80n) {
      this.byte(Number(z & 0x7fn) | 0x80);
      z >>= 7n;
    }
    this.byte(Number(z));
  }

  private reserve(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + n));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }
}
