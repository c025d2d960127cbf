// The eight TPC-H tables in generation order: small dimension tables first, LINEITEM last.
import { customer } from './customer.js';
import { lineitem } from './lineitem.js';
import { nation } from './nation.js';
import { orders } from './orders.js';
import { part } from './part.js';
import { partsupp } from './partsupp.js';
import { region } from './region.js';
import { supplier } from './supplier.js';
import type { TpchTable } from './table.js';

export const TPCH_TABLES: readonly TpchTable[] = [region, nation, supplier, customer, part, partsupp, orders, lineitem];
