// SUPPLIER (clause 4.2.3): SF × 10,000 rows; a few comments carry the "Customer ... Complaints" that Q16 excludes.
import { Decimal, Int32, Schema, Utf8 } from 'apache-arrow';
import { Utf8Builder, asciiBytes, decimalData, int32Data, recordBatch } from './columns.js';
import { NATIONS } from './distributions.js';
import { appendAddress, appendPhone } from './fields.js';
import { stream, uniformInt } from './random.js';
import { ADDRESS_LENGTH, COMMENT_LENGTH, meanLength } from './spec.js';
import { chunks, column, type TpchContext, type TpchTable } from './table.js';
import { appendText, textBytes } from './text-pool.js';

const SCHEMA = new Schema([
  column('s_suppkey', new Int32()),
  column('s_name', new Utf8()),
  column('s_address', new Utf8()),
  column('s_nationkey', new Int32()),
  column('s_phone', new Utf8()),
  column('s_acctbal', new Decimal(2, 15, 128)),
  column('s_comment', new Utf8()),
]);

const ADDRESS = stream('s_address');
const NATION = stream('s_nationkey');
const PHONE = stream('s_phone');
const ACCTBAL = stream('s_acctbal');
const COMMENT_OFFSET = stream('s_comment.offset');
const COMMENT_LENGTH_KEY = stream('s_comment.length');
const REVIEW_ROWS = stream('s_comment.review_rows');
const REVIEW_GAP = stream('s_comment.review_gap');
const REVIEW_AT = stream('s_comment.review_at');

const NAME_PREFIX = 'Supplier#';
const CUSTOMER = asciiBytes('Customer ');
const COMPLAINTS = asciiBytes('Complaints');
const RECOMMENDS = asciiBytes('Recommends');

export const supplier: TpchTable = {
  name: 'supplier',
  schema: SCHEMA,
  *batches(ctx: TpchContext, chunkRows: number) {
    const reviews = reviewRows(ctx.cards.supplier);
    const [minComment, maxComment] = COMMENT_LENGTH.supplier;
    for (const [start, n] of chunks(ctx.cards.supplier, chunkRows)) {
      const keys = new Int32Array(n);
      const nations = new Int32Array(n);
      const balances = new Float64Array(n);
      const names = new Utf8Builder(n, NAME_PREFIX.length + 9);
      const addresses = new Utf8Builder(n, ADDRESS_LENGTH[1]);
      const phones = new Utf8Builder(n, 15);
      const comments = new Utf8Builder(n, meanLength(COMMENT_LENGTH.supplier));
      for (let i = 0; i < n; i++) {
        const row = start + i;
        const key = row + 1;
        keys[i] = key;
        names.writeAscii(NAME_PREFIX);
        names.writeNumber(key, 9);
        names.endRow();
        appendAddress(addresses, ADDRESS, row, ...ADDRESS_LENGTH);
        addresses.endRow();
        const nation = uniformInt(NATION, row, 0, NATIONS.length - 1);
        nations[i] = nation;
        appendPhone(phones, nation, PHONE, row);
        phones.endRow();
        balances[i] = uniformInt(ACCTBAL, row, -99_999, 999_999);
        const review = reviews.get(row);
        if (review === undefined) {
          appendText(comments, ctx.pool, COMMENT_OFFSET, COMMENT_LENGTH_KEY, row, minComment, maxComment);
        } else {
          const text = textBytes(ctx.pool, COMMENT_OFFSET, COMMENT_LENGTH_KEY, row, minComment, maxComment);
          embedReview(text, review, row);
          comments.writeBytes(text, 0, text.length);
        }
        comments.endRow();
      }
      yield recordBatch(SCHEMA, [
        int32Data(keys),
        names.finish(),
        addresses.finish(),
        int32Data(nations),
        phones.finish(),
        decimalData(balances, 15, 2),
        comments.finish(),
      ]);
    }
  },
};

/**
 * SF × 5 distinct rows get a complaint and another SF × 5 a recommendation: the first distinct rows of
 * a random sequence (SF × 5 = suppliers / 2,000, truncated like the table counts).
 */
function reviewRows(suppliers: number): Map<number, Uint8Array> {
  const perKind = Math.floor(suppliers / 2000);
  const rows = new Map<number, Uint8Array>();
  for (let draw = 0; rows.size < 2 * perKind; draw++) {
    const row = uniformInt(REVIEW_ROWS, draw, 0, suppliers - 1);
    if (!rows.has(row)) rows.set(row, rows.size < perKind ? COMPLAINTS : RECOMMENDS);
  }
  return rows;
}

// "Customer " at a random position, then random filler, then the verdict: written over the comment,
// which is at least 25 bytes long, so the 19 bytes always fit (dbgen places them the same way).
function embedReview(text: Uint8Array, verdict: Uint8Array, row: number): void {
  const room = text.length - CUSTOMER.length - verdict.length;
  const gap = uniformInt(REVIEW_GAP, row, 0, room);
  const at = uniformInt(REVIEW_AT, row, 0, room - gap);
  text.set(CUSTOMER, at);
  text.set(verdict, at + CUSTOMER.length + gap);
}
