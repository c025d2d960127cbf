// ORDERS (clause 4.2.3): SF × 1,500,000 rows with sparse keys; total price and status come from the order's lines.
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
import { PRIORITIES } from './distributions.js';
import {
  lineChargeTenThousandthCents,
  lineCount,
  lineCounter,
  lineDiscount,
  lineExtendedPrice,
  lineIsOpen,
  linePartKey,
  lineQuantity,
  lineShipDate,
  lineTax,
  orderDate,
  orderKeyOf,
} from './order-lines.js';
import { stream, uniformInt, uniformIntWide } from './random.js';
import { COMMENT_LENGTH, meanLength } from './spec.js';
import { chunks, column, type TpchContext, type TpchTable } from './table.js';
import { appendText } from './text-pool.js';

const STATUS_TYPE = stringDictionaryType();
const PRIORITY_TYPE = stringDictionaryType();

const SCHEMA = new Schema([
  column('o_orderkey', new Int64()),
  column('o_custkey', new Int32()),
  column('o_orderstatus', STATUS_TYPE),
  column('o_totalprice', new Decimal(2, 15, 128)),
  column('o_orderdate', new DateDay()),
  column('o_orderpriority', PRIORITY_TYPE),
  column('o_clerk', new Utf8()),
  column('o_shippriority', new Int32()),
  column('o_comment', new Utf8()),
]);

const CUSTOMER = stream('o_custkey');
const PRIORITY = stream('o_orderpriority');
const CLERK = stream('o_clerk');
const COMMENT_OFFSET = stream('o_comment.offset');
const COMMENT_LENGTH_KEY = stream('o_comment.length');

const STATUS_FULFILLED = 0;
const STATUS_OPEN = 1;
const STATUS_PARTIAL = 2;
const STATUS_VALUES = dictionaryValues(['F', 'O', 'P']);
const PRIORITY_VALUES = dictionaryValues(PRIORITIES);
const CLERK_PREFIX = 'Clerk#';

export const orders: TpchTable = {
  name: 'orders',
  schema: SCHEMA,
  *batches(ctx: TpchContext, chunkRows: number) {
    const { customer: customers, part: parts, clerks } = ctx.cards;
    // Every third customer (key divisible by 3) places no orders: draw among the others.
    const orderingCustomers = customers - Math.floor(customers / 3);
    for (const [start, n] of chunks(ctx.cards.orders, chunkRows)) {
      const keys = new Float64Array(n);
      const customerKeys = new Int32Array(n);
      const statuses = new Int32Array(n);
      const totals = new Float64Array(n);
      const dates = new Int32Array(n);
      const priorities = new Int32Array(n);
      const clerkNames = new Utf8Builder(n, CLERK_PREFIX.length + 9);
      const comments = new Utf8Builder(n, meanLength(COMMENT_LENGTH.orders));
      for (let i = 0; i < n; i++) {
        const o = start + i;
        keys[i] = orderKeyOf(o);
        const r = uniformIntWide(CUSTOMER, o, 0, orderingCustomers - 1);
        customerKeys[i] = Math.floor(r / 2) * 3 + (r % 2) + 1;
        const day = orderDate(o);
        dates[i] = day;

        const lines = lineCount(o);
        let total = 0;
        let open = 0;
        for (let l = 0; l < lines; l++) {
          const c = lineCounter(o, l);
          const price = lineExtendedPrice(lineQuantity(c), linePartKey(c, parts));
          total += lineChargeTenThousandthCents(price, lineDiscount(c), lineTax(c));
          if (lineIsOpen(lineShipDate(c, day))) open++;
        }
        totals[i] = Math.round(total / 10_000); // exact: total < 2^53, and k + 0.5 is representable
        statuses[i] = open === 0 ? STATUS_FULFILLED : open === lines ? STATUS_OPEN : STATUS_PARTIAL;

        priorities[i] = uniformInt(PRIORITY, o, 0, PRIORITIES.length - 1);
        clerkNames.writeAscii(CLERK_PREFIX);
        clerkNames.writeNumber(uniformInt(CLERK, o, 1, clerks), 9);
        clerkNames.endRow();
        appendText(comments, ctx.pool, COMMENT_OFFSET, COMMENT_LENGTH_KEY, o, ...COMMENT_LENGTH.orders);
        comments.endRow();
      }
      yield recordBatch(SCHEMA, [
        int64Data(keys),
        int32Data(customerKeys),
        dictionaryData(STATUS_TYPE, statuses, STATUS_VALUES),
        decimalData(totals, 15, 2),
        dateData(dates),
        dictionaryData(PRIORITY_TYPE, priorities, PRIORITY_VALUES),
        clerkNames.finish(),
        int32Data(new Int32Array(n)), // O_SHIPPRIORITY is always 0
        comments.finish(),
      ]);
    }
  },
};
