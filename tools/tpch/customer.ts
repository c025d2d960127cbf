// CUSTOMER (clause 4.2.3): SF × 150,000 rows.
import { Decimal, Int32, Schema, Utf8 } from 'apache-arrow';
import {
  Utf8Builder,
  decimalData,
  dictionaryData,
  dictionaryValues,
  int32Data,
  recordBatch,
  stringDictionaryType,
} from './columns.js';
import { NATIONS, SEGMENTS } from './distributions.js';
import { appendAddress, appendPhone } from './fields.js';
import { stream, uniformInt } from './random.js';
import { ADDRESS_LENGTH, COMMENT_LENGTH, meanLength } from './spec.js';
import { chunks, column, type TpchContext, type TpchTable } from './table.js';
import { appendText } from './text-pool.js';

const SEGMENT_TYPE = stringDictionaryType();

const SCHEMA = new Schema([
  column('c_custkey', new Int32()),
  column('c_name', new Utf8()),
  column('c_address', new Utf8()),
  column('c_nationkey', new Int32()),
  column('c_phone', new Utf8()),
  column('c_acctbal', new Decimal(2, 15, 128)),
  column('c_mktsegment', SEGMENT_TYPE),
  column('c_comment', new Utf8()),
]);

const ADDRESS = stream('c_address');
const NATION = stream('c_nationkey');
const PHONE = stream('c_phone');
const ACCTBAL = stream('c_acctbal');
const SEGMENT = stream('c_mktsegment');
const COMMENT_OFFSET = stream('c_comment.offset');
const COMMENT_LENGTH_KEY = stream('c_comment.length');

const NAME_PREFIX = 'Customer#';
const SEGMENT_VALUES = dictionaryValues(SEGMENTS);

export const customer: TpchTable = {
  name: 'customer',
  schema: SCHEMA,
  *batches(ctx: TpchContext, chunkRows: number) {
    for (const [start, n] of chunks(ctx.cards.customer, chunkRows)) {
      const keys = new Int32Array(n);
      const nations = new Int32Array(n);
      const balances = new Float64Array(n);
      const segments = new Int32Array(n);
      const names = new Utf8Builder(n, NAME_PREFIX.length + 9);
      const addresses = new Utf8Builder(n, ADDRESS_LENGTH[1]);
      const phones = new Utf8Builder(n, 15);
      const comments = new Utf8Builder(n, meanLength(COMMENT_LENGTH.customer));
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
        segments[i] = uniformInt(SEGMENT, row, 0, SEGMENTS.length - 1);
        appendText(comments, ctx.pool, COMMENT_OFFSET, COMMENT_LENGTH_KEY, row, ...COMMENT_LENGTH.customer);
        comments.endRow();
      }
      yield recordBatch(SCHEMA, [
        int32Data(keys),
        names.finish(),
        addresses.finish(),
        int32Data(nations),
        phones.finish(),
        decimalData(balances, 15, 2),
        dictionaryData(SEGMENT_TYPE, segments, SEGMENT_VALUES),
        comments.finish(),
      ]);
    }
  },
};
