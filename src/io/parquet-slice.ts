// Builds a small self-contained Parquet file from one row group's chosen column chunks, for parquet-wasm's sync reader.
//
// Why: parquet-wasm's sync `readParquet` turns bad data into a catchable Error, but decodes every column of the
// buffer it gets; its async reader selects columns but panics (killing the process) on the first bad page. A slice
// holds exactly the bytes to decode: the column chunks, copied unchanged, and a footer rewritten from the original
// (one row group, the chosen top-level columns, chunk offsets moved to where the chunks sit in the slice).
import { decodeThriftStruct, encodeThriftStruct, getField, withField } from './thrift-compact.js';
import type { ThriftField, ThriftStruct, ThriftValue } from './thrift-compact.js';

/** Where a column chunk's bytes are in the source file. */
export interface ChunkRange {
  readonly start: number;
  readonly length: number;
}

/** A top-level column and its leaves (column chunks are stored one per leaf, in schema order). */
export interface LayoutColumn {
  readonly name: string;
  readonly firstLeaf: number;
  readonly leafCount: number;
  /** Its schema elements (itself and all descendants), a contiguous run of FileMetaData.schema. */
  readonly firstElement: number;
  readonly elementCount: number;
}

export interface LayoutRowGroup {
  readonly rowCount: number;
  /** One per leaf. */
  readonly chunks: readonly ChunkRange[];
}

/** What the reader needs to know about a footer to plan slices. */
export interface ParquetLayout {
  readonly metadata: ThriftStruct;
  readonly columns: readonly LayoutColumn[];
  readonly rowGroups: readonly LayoutRowGroup[];
}

/** A slice to fill: `bytes` has the magic and footer written; the caller copies each chunk to its `sliceOffset`. */
export interface ParquetSlice {
  readonly bytes: Uint8Array;
  readonly chunks: readonly (ChunkRange & { readonly leaf: number; readonly sliceOffset: number })[];
}

// Field ids from parquet.thrift.
const FILE = { version: 1, schema: 2, numRows: 3, rowGroups: 4, keyValueMetadata: 5, createdBy: 6 } as const;
const ELEMENT = { name: 4, numChildren: 5 } as const;
const ROW_GROUP = { columns: 1, totalByteSize: 2, numRows: 3 } as const;
const CHUNK = { filePath: 1, fileOffset: 2, metaData: 3, cryptoMetadata: 8, encryptedColumnMetadata: 9 } as const;
const CHUNK_META = {
  totalUncompressedSize: 6,
  totalCompressedSize: 7,
  dataPageOffset: 9,
  indexPageOffset: 10,
  dictionaryPageOffset: 11,
  bloomFilterOffset: 14,
  bloomFilterLength: 15,
} as const;
const KEY_VALUE = { key: 1, value: 2 } as const;
// "PAR1"
const MAGIC = Uint8Array.of(0x50, 0x41, 0x52, 0x31);

/**
 * Decodes footer bytes (the Thrift FileMetaData, without the length and magic that follow it) into a layout.
 * Throws `Error` when the footer is malformed or uses what slices cannot carry (chunks in other files, encryption).
 *
 * @example
 * const layout = parseFooterLayout(footerBytes);
 * layout.columns.map((c) => c.name); // ['l_orderkey', 'l_partkey', …]
 */
export function parseFooterLayout(footer: Uint8Array): ParquetLayout {
  const metadata = decodeThriftStruct(footer).struct;
  const elements = structs(getField(metadata, FILE.schema), 'schema');
  const root = elements[0];
  if (!root) throw new Error('the footer has an empty schema');
  const columns: LayoutColumn[] = [];
  let element = 1;
  let leaf = 0;
  for (let i = 0; i < int(getField(root, ELEMENT.numChildren), 'root num_children'); i++) {
    const node = elements[element];
    if (!node) throw new Error('the schema has fewer elements than its root announces');
    const { elementCount, leafCount } = measureSubtree(elements, element);
    columns.push({ name: text(getField(node, ELEMENT.name), 'schema element name'), firstLeaf: leaf, leafCount, firstElement: element, elementCount });
    element += elementCount;
    leaf += leafCount;
  }
  const rowGroups = structs(getField(metadata, FILE.rowGroups), 'row_groups').map((rowGroup, g): LayoutRowGroup => {
    const chunks = structs(getField(rowGroup, ROW_GROUP.columns), `row group ${g} columns`).map((chunk, c) => chunkRange(chunk, `row group ${g} column chunk ${c}`));
    if (chunks.length !== leaf) throw new Error(`row group ${g} has ${chunks.length} column chunks for ${leaf} leaf columns`);
    return { rowCount: int(getField(rowGroup, ROW_GROUP.numRows), `row group ${g} num_rows`), chunks };
  });
  return { metadata, columns, rowGroups };
}

/**
 * The value of the footer's key-value metadata entry `key` (e.g. `ARROW:schema`), if present.
 *
 * @example
 * footerMetadataValue(layout, 'ARROW:schema'); // '/////…' (base64) for files written by Arrow writers
 */
export function footerMetadataValue(layout: ParquetLayout, key: string): string | undefined {
  const entry = keyValues(layout.metadata).find((kv) => keyOf(kv) === key);
  const value = entry && getField(entry, KEY_VALUE.value);
  return value?.type === 'binary' ? utf8.decode(value.value) : undefined;
}

/**
 * Plans the slice of row group `rowGroup` holding the top-level columns `columns` (indices into `layout.columns`,
 * ascending and distinct, so leaves keep their schema order). `keyValueMetadata` replaces the footer's key-value
 * metadata: pass only what the decoder should see (the embedded Arrow schema, pruned to the same columns).
 *
 * @example
 * const slice = planSlice(layout, 0, [2, 5], new Map());
 * for (const c of slice.chunks) readInto(slice.bytes, c.sliceOffset, c.start, c.length);
 * pw.readParquet(slice.bytes);
 */
export function planSlice(layout: ParquetLayout, rowGroup: number, columns: readonly number[], keyValueMetadata: ReadonlyMap<string, string>): ParquetSlice {
  const group = layout.rowGroups[rowGroup];
  if (!group) throw new RangeError(`row group ${rowGroup} does not exist`);
  const chosen = chosenColumns(layout, columns);
  const chunks: (ChunkRange & { leaf: number; sliceOffset: number })[] = [];
  let offset = MAGIC.length;
  for (const column of chosen) {
    for (let leaf = column.firstLeaf; leaf < column.firstLeaf + column.leafCount; leaf++) {
      const range = group.chunks[leaf]!;
      chunks.push({ ...range, leaf, sliceOffset: offset });
      offset += range.length;
    }
  }
  const sourceGroup = structs(getField(layout.metadata, FILE.rowGroups), 'row_groups')[rowGroup]!;
  const sourceChunks = structs(getField(sourceGroup, ROW_GROUP.columns), 'columns');
  const newChunks = chunks.map((c) => movedChunk(sourceChunks[c.leaf]!, c.start, c.sliceOffset));
  const uncompressed = newChunks.reduce((n, chunk) => n + bigint(getField(metaData(chunk), CHUNK_META.totalUncompressedSize)), 0n);
  const newGroup: ThriftStruct = {
    type: 'struct',
    fields: [
      { id: ROW_GROUP.columns, value: list(newChunks) },
      { id: ROW_GROUP.totalByteSize, value: { type: 'i64', value: uncompressed } },
      { id: ROW_GROUP.numRows, value: { type: 'i64', value: BigInt(group.rowCount) } },
    ],
  };
  const bytes = withFooter(offset, sliceMetadata(layout, chosen, newGroup, group.rowCount, keyValueMetadata));
  return { bytes, chunks };
}

/**
 * A Parquet file with the columns `columns` (as in {@link planSlice}) and no row groups: enough for the decoder to
 * say which Arrow types those columns have.
 *
 * @example
 * pw.readSchema(planSchemaSlice(layout, [0, 1], new Map()));
 */
export function planSchemaSlice(layout: ParquetLayout, columns: readonly number[], keyValueMetadata: ReadonlyMap<string, string>): Uint8Array {
  return withFooter(MAGIC.length, sliceMetadata(layout, chosenColumns(layout, columns), undefined, 0, keyValueMetadata));
}

function chosenColumns(layout: ParquetLayout, columns: readonly number[]): LayoutColumn[] {
  return columns.map((i) => {
    const column = layout.columns[i];
    if (!column) throw new RangeError(`column ${i} does not exist`);
    return column;
  });
}

/** A file of `dataLength` bytes (leading magic included; the data left for the caller), then the footer and trailer. */
function withFooter(dataLength: number, metadata: ThriftStruct): Uint8Array {
  const footer = encodeThriftStruct(metadata);
  const bytes = new Uint8Array(dataLength + footer.length + 8);
  bytes.set(MAGIC, 0);
  bytes.set(footer, dataLength);
  new DataView(bytes.buffer).setUint32(dataLength + footer.length, footer.length, true);
  bytes.set(MAGIC, dataLength + footer.length + 4);
  return bytes;
}

function sliceMetadata(
  layout: ParquetLayout,
  chosen: readonly LayoutColumn[],
  rowGroup: ThriftStruct | undefined,
  rowCount: number,
  keyValueMetadata: ReadonlyMap<string, string>,
): ThriftStruct {
  const { metadata } = layout;
  const elements = structs(getField(metadata, FILE.schema), 'schema');
  const root = withField(elements[0]!, ELEMENT.numChildren, { type: 'i32', value: chosen.length });
  const schema = [root, ...chosen.flatMap((c) => elements.slice(c.firstElement, c.firstElement + c.elementCount))];
  const fields: ThriftField[] = [
    { id: FILE.version, value: getField(metadata, FILE.version) ?? { type: 'i32', value: 1 } },
    { id: FILE.schema, value: list(schema) },
    { id: FILE.numRows, value: { type: 'i64', value: BigInt(rowCount) } },
    { id: FILE.rowGroups, value: list(rowGroup ? [rowGroup] : []) },
  ];
  if (keyValueMetadata.size > 0) {
    const entries = [...keyValueMetadata].map(([key, value]): ThriftStruct => ({
      type: 'struct',
      fields: [
        { id: KEY_VALUE.key, value: { type: 'binary', value: utf8Encoder.encode(key) } },
        { id: KEY_VALUE.value, value: { type: 'binary', value: utf8Encoder.encode(value) } },
      ],
    }));
    fields.push({ id: FILE.keyValueMetadata, value: list(entries) });
  }
  // created_by selects the decoder's workarounds for known writer bugs, so it stays.
  const createdBy = getField(metadata, FILE.createdBy);
  if (createdBy) fields.push({ id: FILE.createdBy, value: createdBy });
  return { type: 'struct', fields };
}

/**
 * The chunk's metadata with its page offsets moved from `from` to `to`. Page-index and bloom-filter locations are
 * dropped: the slice does not carry those structures, and the decoder does not need them.
 */
function movedChunk(chunk: ThriftStruct, from: number, to: number): ThriftStruct {
  const shift = BigInt(to - from);
  let meta = metaData(chunk);
  for (const id of [CHUNK_META.dataPageOffset, CHUNK_META.dictionaryPageOffset]) {
    const value = getField(meta, id);
    if (value) meta = withField(meta, id, { type: 'i64', value: bigint(value) + shift });
  }
  for (const id of [CHUNK_META.indexPageOffset, CHUNK_META.bloomFilterOffset, CHUNK_META.bloomFilterLength]) meta = withField(meta, id, undefined);
  return {
    type: 'struct',
    fields: [
      { id: CHUNK.fileOffset, value: { type: 'i64', value: BigInt(to) } },
      { id: CHUNK.metaData, value: meta },
    ],
  };
}

/** The chunk's bytes as the decoder locates them: from the dictionary page if there is one, else the first data page. */
function chunkRange(chunk: ThriftStruct, where: string): ChunkRange {
  if (getField(chunk, CHUNK.filePath)) throw new Error(`${where} is stored in another file, which is not supported`);
  if (getField(chunk, CHUNK.cryptoMetadata) || getField(chunk, CHUNK.encryptedColumnMetadata)) {
    throw new Error(`${where} is encrypted, which is not supported`);
  }
  const meta = metaData(chunk, where);
  const dictionary = getField(meta, CHUNK_META.dictionaryPageOffset);
  const start = int(dictionary ?? getField(meta, CHUNK_META.dataPageOffset), `${where} page offset`);
  return { start, length: int(getField(meta, CHUNK_META.totalCompressedSize), `${where} total_compressed_size`) };
}

function metaData(chunk: ThriftStruct, where = 'column chunk'): ThriftStruct {
  const meta = getField(chunk, CHUNK.metaData);
  if (meta?.type !== 'struct') throw new Error(`${where} has no metadata`);
  return meta;
}

/** How many schema elements and leaves the subtree rooted at `elements[index]` has. */
function measureSubtree(elements: readonly ThriftStruct[], index: number): { elementCount: number; leafCount: number } {
  // Iterative so a crafted deep schema cannot overflow the stack: `pending` counts children still to visit.
  let elementCount = 0;
  let leafCount = 0;
  let pending = 1;
  while (pending > 0) {
    const node = elements[index + elementCount];
    if (!node) throw new Error('the schema has fewer elements than its groups announce');
    const children = getField(node, ELEMENT.numChildren);
    const count = children ? int(children, 'num_children') : 0;
    if (count === 0) leafCount++;
    pending += count - 1;
    elementCount++;
  }
  return { elementCount, leafCount };
}

function keyValues(metadata: ThriftStruct): ThriftStruct[] {
  const value = getField(metadata, FILE.keyValueMetadata);
  return value ? structs(value, 'key_value_metadata') : [];
}

function keyOf(kv: ThriftStruct): string | undefined {
  const key = getField(kv, KEY_VALUE.key);
  return key?.type === 'binary' ? utf8.decode(key.value) : undefined;
}

function list(items: readonly ThriftStruct[]): ThriftValue {
  return { type: 'list', elementType: 'struct', items };
}

function structs(value: ThriftValue | undefined, what: string): ThriftStruct[] {
  if (value?.type !== 'list' || value.items.some((item) => item.type !== 'struct')) throw new Error(`the footer's ${what} is not a list of structs`);
  return value.items as ThriftStruct[];
}

function int(value: ThriftValue | undefined, what: string): number {
  const n = value?.type === 'i64' ? Number(value.value) : value?.type === 'i32' || value?.type === 'i16' ? value.value : undefined;
  if (n === undefined || !Number.isSafeInteger(n) || n < 0) throw new Error(`the footer's ${what} is missing or invalid`);
  return n;
}

function bigint(value: ThriftValue | undefined): bigint {
  if (value?.type === 'i64') return value.value;
  if (value?.type === 'i32') return BigInt(value.value);
  throw new Error('expected an integer in the footer');
}

function text(value: ThriftValue | undefined, what: string): string {
  if (value?.type !== 'binary') throw new Error(`the footer's ${what} is missing`);
  return utf8.decode(value.value);
}

const utf8 = new TextDecoder();
const utf8Encoder = new TextEncoder();
