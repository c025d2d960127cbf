// LINEITEM (clause 4.2.3): 1 to 7 lines per order, about SF × 6,000,000 rows, generated order by order.
import { DateDay, Decimal, Int32, Int64, Schema, Utf8 } from 'apache-arrow';
import {
  Utf8Builder,
  dateData,
  decimalData,
  dictionaryData,
  dictionaryValues,
  int32Data,
  int64Data,
  recordBatch,
  stringDictionaryType,
} from './columns.js';
import { SHIP_INSTRUCTIONS, SHIP_MODES } from './distributions.js';
import {
  lineCommitDate,
  lineCount,
  lineCounter,
  lineDiscount,
  lineExtendedPrice,
  lineIsOpen,
  linePartKey,
  lineQuantity,
  lineReceiptDate,
  lineReturnFlag,
  lineShipDate,
  lineSupplierIndex,
  lineTax,
  orderDate,
  orderKeyOf,
} from './order-lines.js';
import { stream, uniformInt } from './random.js';
import { COMMENT_LENGTH, meanLength, supplierOfPart } from './spec.js';
import { chunks, column, type TpchContext, type TpchTable } from './table.js';
import { appendText } from './text-pool.js';

const RETURN_FLAG_TYPE = stringDictionaryType();
const LINE_STATUS_TYPE = stringDictionaryType();
const INSTRUCT_TYPE = stringDictionaryType();
const MODE_TYPE = stringDictionaryType();

const SCHEMA = new Schema([
  column('l_orderkey', new Int64()),
  column('l_partkey', new Int32()),
  column('l_suppkey', new Int32()),
  column('l_linenumber', new Int32()),
  column('l_quantity', new Decimal(2, 15, 128)),
  column('l_extendedprice', new Decimal(2, 15, 128)),
  column('l_discount', new Decimal(2, 15, 128)),
  column('l_tax', new Decimal(2, 15, 128)),
  column('l_returnflag', RETURN_FLAG_TYPE),
  column('l_linestatus', LINE_STATUS_TYPE),
  column('l_shipdate', new DateDay()),
  column('l_commitdate', new DateDay()),
  column('l_receiptdate', new DateDay()),
  column('l_shipinstruct', INSTRUCT_TYPE),
  column('l_shipmode', MODE_TYPE),
  column('l_comment', new Utf8()),
]);

const INSTRUCT = stream('l_shipinstruct');
const MODE = stream('l_shipmode');
const COMMENT_OFFSET = stream('l_comment.offset');
const COMMENT_LENGTH_KEY = stream('l_comment.length');

const FLAG_A = 0;
const FLAG_N = 1;
const FLAG_R = 2;
const RETURN_FLAG_VALUES = dictionaryValues(['A', 'N', 'R']);
const STATUS_F = 0;
const STATUS_O = 1;
const LINE_STATUS_VALUES = dictionaryValues(['F', 'O']);
const INSTRUCT_VALUES = dictionaryValues(SHIP_INSTRUCTIONS);
const MODE_VALUES = dictionaryValues(SHIP_MODES);

export const lineitem: TpchTable = {
  name: 'lineitem',
  schema: SCHEMA,
  *batches(ctx: TpchContext, chunkRows: number) {
    const { part: parts, supplier: suppliers } = ctx.cards;
    // Orders average 4 lines; a chunk of orders is sized so its lines are about `chunkRows`.
    const ordersPerChunk = Math.max(1, Math.floor(chunkRows / 4));
    for (const [firstOrder, orderCount] of chunks(ctx.cards.orders, ordersPerChunk)) {
      let n = 0;
      for (let o = firstOrder; o < firstOrder + orderCount; o++) n += lineCount(o);
      const orderKeys = new Float64Array(n);
      const partKeys = new Int32Array(n);
      const suppKeys = new Int32Array(n);
      const lineNumbers = new Int32Array(n);
      const quantities = new Float64Array(n);
      const prices = new Float64Array(n);
      const discounts = new Float64Array(n);
      const taxes = new Float64Array(n);
      const flags = new Int32Array(n);
      const statuses = new Int32Array(n);
      const shipDates = new Int32Array(n);
      const commitDates = new Int32Array(n);
      const receiptDates = new Int32Array(n);
      const instructs = new Int32Array(n);
      const modes = new Int32Array(n);
      const comments = new Utf8Builder(n, meanLength(COMMENT_LENGTH.lineitem));
      let i = 0;
      for (let o = firstOrder; o < firstOrder + orderCount; o++) {
        const key = orderKeyOf(o);
        const day = orderDate(o);
        const lines = lineCount(o);
        for (let l = 0; l < lines; l++, i++) {
          const c = lineCounter(o, l);
          const partKey = linePartKey(c, parts);
          const quantity = lineQuantity(c);
          orderKeys[i] = key;
          partKeys[i] = partKey;
          suppKeys[i] = supplierOfPart(partKey, lineSupplierIndex(c), suppliers);
          lineNumbers[i] = l + 1;
          quantities[i] = quantity * 100;
          prices[i] = lineExtendedPrice(quantity, partKey);
          discounts[i] = lineDiscount(c);
          taxes[i] = lineTax(c);
          const ship = lineShipDate(c, day);
          const receipt = lineReceiptDate(c, ship);
          shipDates[i] = ship;
          commitDates[i] = lineCommitDate(c, day);
          receiptDates[i] = receipt;
          const flag = lineReturnFlag(c, receipt);
          flags[i] = flag === 'A' ? FLAG_A : flag === 'N' ? FLAG_N : FLAG_R;
          statuses[i] = lineIsOpen(ship) ? STATUS_O : STATUS_F;
          instructs[i] = uniformInt(INSTRUCT, c, 0, SHIP_INSTRUCTIONS.length - 1);
          modes[i] = uniformInt(MODE, c, 0, SHIP_MODES.length - 1);
          appendText(comments, ctx.pool, COMMENT_OFFSET, COMMENT_LENGTH_KEY, c, ...COMMENT_LENGTH.lineitem);
          comments.endRow();
        }
      }
      yield recordBatch(SCHEMA, [
        int64Data(orderKeys),
        int32Data(partKeys),
        int32Data(suppKeys),
        int32Data(lineNumbers),
        decimalData(quantities, 15, 2),
        decimalData(prices, 15, 2),
        decimalData(discounts, 15, 2),
        decimalData(taxes, 15, 2),
        dictionaryData(RETURN_FLAG_TYPE, flags, RETURN_FLAG_VALUES),
        dictionaryData(LINE_STATUS_TYPE, statuses, LINE_STATUS_VALUES),
        dateData(shipDates),
        dateData(commitDates),
        dateData(receiptDates),
        dictionaryData(INSTRUCT_TYPE, instructs, INSTRUCT_VALUES),
        dictionaryData(MODE_TYPE, modes, MODE_VALUES),
        comments.finish(),
      ]);
    }
  },
};
