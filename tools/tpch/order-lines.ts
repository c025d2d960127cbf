// The random choices of an order and of its lines, shared by ORDERS and LINEITEM so the two always agree.
//
// ORDERS needs some line values (O_TOTALPRICE and O_ORDERSTATUS are computed from the lines) and
// LINEITEM needs the order date; each table recomputes what it needs from these functions rather than
// holding the other's rows. Orders are numbered by row `o` from 0; line `l` (0..6) of order `o` draws at
// counter o × 7 + l, the 7 slots per order that dbgen reserves too.
import { stream, uniformInt, uniformIntWide } from './random.js';
import { CURRENT_DATE, LAST_ORDER_DATE, MAX_LINES_PER_ORDER, START_DATE, orderKey, retailPriceCents } from './spec.js';

const ORDER_DATE = stream('o_orderdate');
const LINE_COUNT = stream('o_linecount');
const PART_KEY = stream('l_partkey');
const SUPPLIER_INDEX = stream('l_suppkey');
const QUANTITY = stream('l_quantity');
const DISCOUNT = stream('l_discount');
const TAX = stream('l_tax');
const SHIP_DELAY = stream('l_shipdate');
const COMMIT_DELAY = stream('l_commitdate');
const RECEIPT_DELAY = stream('l_receiptdate');
const RETURN_FLAG = stream('l_returnflag');

/** O_ORDERKEY of order row `o`. */
export function orderKeyOf(o: number): number {
  return orderKey(o + 1);
}

/** O_ORDERDATE: uniform in [1992-01-01, 1998-08-02]. */
export function orderDate(o: number): number {
  return uniformInt(ORDER_DATE, o, START_DATE, LAST_ORDER_DATE);
}

/** The number of lines of order `o`: uniform in [1, 7]. */
export function lineCount(o: number): number {
  return uniformInt(LINE_COUNT, o, 1, MAX_LINES_PER_ORDER);
}

/** The draw counter of line `l` (0-based) of order `o`. */
export function lineCounter(o: number, l: number): number {
  return o * MAX_LINES_PER_ORDER + l;
}

/** L_PARTKEY: uniform in [1, parts]. */
export function linePartKey(c: number, parts: number): number {
  return uniformIntWide(PART_KEY, c, 1, parts);
}

/** Which of the part's four partsupp suppliers supplies the line: uniform in [0, 3]. */
export function lineSupplierIndex(c: number): number {
  return uniformInt(SUPPLIER_INDEX, c, 0, 3);
}

/** L_QUANTITY: uniform in [1, 50]. */
export function lineQuantity(c: number): number {
  return uniformInt(QUANTITY, c, 1, 50);
}

/** L_DISCOUNT in hundredths: uniform in [0.00, 0.10]. */
export function lineDiscount(c: number): number {
  return uniformInt(DISCOUNT, c, 0, 10);
}

/** L_TAX in hundredths: uniform in [0.00, 0.08]. */
export function lineTax(c: number): number {
  return uniformInt(TAX, c, 0, 8);
}

/** L_EXTENDEDPRICE in cents: L_QUANTITY × P_RETAILPRICE. */
export function lineExtendedPrice(quantity: number, partKey: number): number {
  return quantity * retailPriceCents(partKey);
}

/** L_SHIPDATE: the order date plus [1, 121] days. */
export function lineShipDate(c: number, orderDay: number): number {
  return orderDay + uniformInt(SHIP_DELAY, c, 1, 121);
}

/** L_COMMITDATE: the order date plus [30, 90] days. */
export function lineCommitDate(c: number, orderDay: number): number {
  return orderDay + uniformInt(COMMIT_DELAY, c, 30, 90);
}

/** L_RECEIPTDATE: the ship date plus [1, 30] days. */
export function lineReceiptDate(c: number, shipDay: number): number {
  return shipDay + uniformInt(RECEIPT_DELAY, c, 1, 30);
}

/** L_RETURNFLAG: 'R' or 'A' at random if received by the current date (1995-06-17), else 'N'. */
export function lineReturnFlag(c: number, receiptDay: number): 'R' | 'A' | 'N' {
  if (receiptDay > CURRENT_DATE) return 'N';
  return uniformInt(RETURN_FLAG, c, 0, 1) === 0 ? 'R' : 'A';
}

/** L_LINESTATUS: 'O' (open) if shipped after the current date, else 'F' (fulfilled). */
export function lineIsOpen(shipDay: number): boolean {
  return shipDay > CURRENT_DATE;
}

/**
 * A line's share of O_TOTALPRICE, L_EXTENDEDPRICE × (1 - L_DISCOUNT) × (1 + L_TAX), exactly, in units of
 * 1/10,000 cent (the price is in cents, discount and tax in hundredths). Summed per order and rounded to
 * cents once, so O_TOTALPRICE is the decimal sum rounded (dbgen truncates each line's factors instead).
 */
export function lineChargeTenThousandthCents(extendedPrice: number, discount: number, tax: number): number {
  return extendedPrice * (100 - discount) * (100 + tax);
}
