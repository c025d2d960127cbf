// The numeric rules of TPC-H (specification v3, clause 4.2): cardinalities, key formulas, prices and dates.
import { dayNumber } from './dates.js';

/** Dates bounding the data (clause 4.2.2.12), as day numbers. */
export const START_DATE = dayNumber('1992-01-01');
export const CURRENT_DATE = dayNumber('1995-06-17');
export const END_DATE = dayNumber('1998-12-31');
/** O_ORDERDATE is uniform in [START_DATE, END_DATE - 151 days], so every lineitem date stays within END_DATE. */
export const LAST_ORDER_DATE = END_DATE - 151;

export const SUPPLIERS_PER_PART = 4;
export const MAX_LINES_PER_ORDER = 7;

/** Comment lengths, [min, max] bytes: 0.4 and 1.6 times the spec's mean comment length for the column. */
export const COMMENT_LENGTH = {
  region: [31, 115],
  nation: [31, 114],
  supplier: [25, 100],
  customer: [29, 116],
  part: [5, 22],
  partsupp: [49, 198],
  orders: [19, 78],
  lineitem: [10, 43],
} as const satisfies Record<string, readonly [number, number]>;

/** The mean of a [min, max] length range: what a column's text builder reserves per row. */
export function meanLength([min, max]: readonly [number, number]): number {
  return (min + max) / 2;
}

/** Street addresses are V-strings (random alphanumerics) of 10 to 40 characters. */
export const ADDRESS_LENGTH = [10, 40] as const;

export interface Cardinalities {
  readonly supplier: number;
  readonly customer: number;
  readonly part: number;
  readonly partsupp: number;
  readonly orders: number;
  /** The number of clerks O_CLERK draws from. */
  readonly clerks: number;
}

/**
 * Row counts at scale factor `sf` (clause 4.2.5): SF × 10,000 suppliers, 150,000 customers, 200,000 parts,
 * 1,500,000 orders; 4 partsupp rows per part. Fractional products are truncated, as dbgen does.
 */
export function cardinalities(sf: number): Cardinalities {
  if (!(sf > 0) || !Number.isFinite(sf)) throw new RangeError(`scale factor must be a positive number, got ${sf}`);
  const count = (base: number) => Math.floor(roundTiny(base * sf));
  const supplier = count(10_000);
  const part = count(200_000);
  const cards = {
    supplier,
    customer: count(150_000),
    part,
    partsupp: part * SUPPLIERS_PER_PART,
    orders: count(1_500_000),
    clerks: Math.max(1, count(1_000)),
  };
  if (cards.supplier < SUPPLIERS_PER_PART) throw new RangeError(`scale factor ${sf} gives fewer than 4 suppliers`);
  if (cards.customer < 3) throw new RangeError(`scale factor ${sf} gives fewer than 3 customers`);
  // The keys are INT columns (see the schemas): stay where they fit.
  if (cards.customer > 2 ** 31 - 1 || cards.part > 2 ** 31 - 1) throw new RangeError(`scale factor ${sf} overflows INT keys`);
  return cards;
}

/**
 * O_ORDERKEY of the `index`-th order (1-based): keys are sparse, only the first 8 of every 32 are used
 * (dbgen's mk_sparse), so refresh functions can insert between them.
 */
export function orderKey(index: number): number {
  return Math.floor(index / 8) * 32 + (index % 8);
}

/**
 * The supplier of the `i`-th (0..3) partsupp row of part `partKey` (clause 4.2.3, PS_SUPPKEY):
 * (P + (i × (S/4 + (P-1)/S))) mod S + 1, with integer division. L_SUPPKEY uses it with a random i, so
 * every lineitem's (partkey, suppkey) exists in partsupp.
 *
 * The four suppliers are distinct unless a multiple (1 to 3 times) of the step is a multiple of S, which
 * happens only for fewer than 229 suppliers (SF below 0.0229, e.g. SF 0.001 with S = 10, step 5). There
 * the formula would repeat a (partkey, suppkey) key, so the step drops its (P-1)/S term: S/4 never
 * collides. Every standard scale factor gets the spec's formula unchanged.
 */
export function supplierOfPart(partKey: number, i: number, suppliers: number): number {
  const base = Math.floor(suppliers / SUPPLIERS_PER_PART);
  let step = base + Math.floor((partKey - 1) / suppliers);
  if (step % suppliers === 0 || (2 * step) % suppliers === 0 || (3 * step) % suppliers === 0) step = base;
  return ((partKey + i * step) % suppliers) + 1;
}

/** P_RETAILPRICE in cents (clause 4.2.3): (90000 + ((P/10) mod 20001) + 100 × (P mod 1000)) / 100 dollars. */
export function retailPriceCents(partKey: number): number {
  return 90_000 + (Math.floor(partKey / 10) % 20_001) + 100 * (partKey % 1000);
}

// 0.07 × 10,000 is 700.0000000000001 and 0.29 × 150,000 is 43499.99999999999: round off float noise
// before truncating, so counts are the decimal products.
function roundTiny(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
