// PART (clause 4.2.3): SF × 200,000 rows; names are five distinct colour words, prices follow the key.
import { Decimal, Int32, Schema, Utf8 } from 'apache-arrow';
import {
  Utf8Builder,
  asciiBytes,
  decimalData,
  dictionaryData,
  dictionaryValues,
  int32Data,
  recordBatch,
  stringDictionaryType,
} from './columns.js';
import { COLORS, CONTAINERS, TYPES } from './distributions.js';
import { stream, uniformInt } from './random.js';
import { COMMENT_LENGTH, meanLength, retailPriceCents } from './spec.js';
import { chunks, column, type TpchContext, type TpchTable } from './table.js';
import { appendText } from './text-pool.js';

const MFGR_TYPE = stringDictionaryType();
const BRAND_TYPE = stringDictionaryType();
const TYPE_TYPE = stringDictionaryType();
const CONTAINER_TYPE = stringDictionaryType();

const SCHEMA = new Schema([
  column('p_partkey', new Int32()),
  column('p_name', new Utf8()),
  column('p_mfgr', MFGR_TYPE),
  column('p_brand', BRAND_TYPE),
  column('p_type', TYPE_TYPE),
  column('p_size', new Int32()),
  column('p_container', CONTAINER_TYPE),
  column('p_retailprice', new Decimal(2, 15, 128)),
  column('p_comment', new Utf8()),
]);

const NAME = stream('p_name');
const MFGR = stream('p_mfgr');
const BRAND = stream('p_brand');
const TYPE = stream('p_type');
const SIZE = stream('p_size');
const CONTAINER = stream('p_container');
const COMMENT_OFFSET = stream('p_comment.offset');
const COMMENT_LENGTH_KEY = stream('p_comment.length');

const WORDS_PER_NAME = 5;
const COLOR_BYTES = COLORS.map(asciiBytes);
const SPACE = 32;

/** Manufacturer#1..5; Brand#MN is manufacturer M's brand N, so brand code = (M-1) × 5 + (N-1). */
const MFGR_VALUES = dictionaryValues([1, 2, 3, 4, 5].map((m) => `Manufacturer#${m}`));
const BRAND_VALUES = dictionaryValues([1, 2, 3, 4, 5].flatMap((m) => [1, 2, 3, 4, 5].map((n) => `Brand#${m}${n}`)));
const TYPE_VALUES = dictionaryValues(TYPES);
const CONTAINER_VALUES = dictionaryValues(CONTAINERS);

export const part: TpchTable = {
  name: 'part',
  schema: SCHEMA,
  *batches(ctx: TpchContext, chunkRows: number) {
    const order = Int32Array.from(COLORS, (_, i) => i);
    for (const [start, n] of chunks(ctx.cards.part, chunkRows)) {
      const keys = new Int32Array(n);
      const mfgrs = new Int32Array(n);
      const brands = new Int32Array(n);
      const types = new Int32Array(n);
      const sizes = new Int32Array(n);
      const containers = new Int32Array(n);
      const prices = new Float64Array(n);
      const names = new Utf8Builder(n, 40);
      const comments = new Utf8Builder(n, meanLength(COMMENT_LENGTH.part));
      for (let i = 0; i < n; i++) {
        const row = start + i;
        const key = row + 1;
        keys[i] = key;
        appendName(names, order, row);
        const mfgr = uniformInt(MFGR, row, 0, 4);
        mfgrs[i] = mfgr;
        brands[i] = mfgr * 5 + uniformInt(BRAND, row, 0, 4);
        types[i] = uniformInt(TYPE, row, 0, TYPES.length - 1);
        sizes[i] = uniformInt(SIZE, row, 1, 50);
        containers[i] = uniformInt(CONTAINER, row, 0, CONTAINERS.length - 1);
        prices[i] = retailPriceCents(key);
        appendText(comments, ctx.pool, COMMENT_OFFSET, COMMENT_LENGTH_KEY, row, ...COMMENT_LENGTH.part);
        comments.endRow();
      }
      yield recordBatch(SCHEMA, [
        int32Data(keys),
        names.finish(),
        dictionaryData(MFGR_TYPE, mfgrs, MFGR_VALUES),
        dictionaryData(BRAND_TYPE, brands, BRAND_VALUES),
        dictionaryData(TYPE_TYPE, types, TYPE_VALUES),
        int32Data(sizes),
        dictionaryData(CONTAINER_TYPE, containers, CONTAINER_VALUES),
        decimalData(prices, 15, 2),
        comments.finish(),
      ]);
    }
  },
};

/**
 * Five distinct colours by a partial Fisher-Yates shuffle of `order` (the identity between rows: the
 * swaps are undone afterwards, cheaper than resetting all 92 entries).
 */
function appendName(out: Utf8Builder, order: Int32Array, row: number): void {
  const swappedWith = [0, 0, 0, 0, 0];
  for (let j = 0; j < WORDS_PER_NAME; j++) {
    const k = uniformInt(NAME, row * WORDS_PER_NAME + j, j, order.length - 1);
    swappedWith[j] = k;
    const chosen = order[k]!;
    order[k] = order[j]!;
    order[j] = chosen;
    if (j > 0) out.writeByte(SPACE);
    const word = COLOR_BYTES[chosen]!;
    out.writeBytes(word, 0, word.length);
  }
  for (let j = WORDS_PER_NAME - 1; j >= 0; j--) {
    const k = swappedWith[j]!;
    const t = order[k]!;
    order[k] = order[j]!;
    order[j] = t;
  }
  out.endRow();
}
