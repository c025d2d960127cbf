// PARTSUPP (clause 4.2.3): four rows per part, its suppliers given by the spec's formula.
import { Decimal, Int32, Schema, Utf8 } from 'apache-arrow';
import { Utf8Builder, decimalData, int32Data, recordBatch } from './columns.js';
import { stream, uniformInt } from './random.js';
import { COMMENT_LENGTH, SUPPLIERS_PER_PART, meanLength, supplierOfPart } from './spec.js';
import { chunks, column, type TpchContext, type TpchTable } from './table.js';
import { appendText } from './text-pool.js';

const SCHEMA = new Schema([
  column('ps_partkey', new Int32()),
  column('ps_suppkey', new Int32()),
  column('ps_availqty', new Int32()),
  column('ps_supplycost', new Decimal(2, 15, 128)),
  column('ps_comment', new Utf8()),
]);

const AVAILQTY = stream('ps_availqty');
const SUPPLYCOST = stream('ps_supplycost');
const COMMENT_OFFSET = stream('ps_comment.offset');
const COMMENT_LENGTH_KEY = stream('ps_comment.length');

export const partsupp: TpchTable = {
  name: 'partsupp',
  schema: SCHEMA,
  *batches(ctx: TpchContext, chunkRows: number) {
    const suppliers = ctx.cards.supplier;
    // Chunk by parts so a part's four rows stay together.
    const partsPerChunk = Math.max(1, Math.floor(chunkRows / SUPPLIERS_PER_PART));
    for (const [firstPart, parts] of chunks(ctx.cards.part, partsPerChunk)) {
      const n = parts * SUPPLIERS_PER_PART;
      const partKeys = new Int32Array(n);
      const suppKeys = new Int32Array(n);
      const quantities = new Int32Array(n);
      const costs = new Float64Array(n);
      const comments = new Utf8Builder(n, meanLength(COMMENT_LENGTH.partsupp));
      for (let i = 0; i < n; i++) {
        const row = firstPart * SUPPLIERS_PER_PART + i;
        const partKey = Math.floor(row / SUPPLIERS_PER_PART) + 1;
        partKeys[i] = partKey;
        suppKeys[i] = supplierOfPart(partKey, row % SUPPLIERS_PER_PART, suppliers);
        quantities[i] = uniformInt(AVAILQTY, row, 1, 9999);
        costs[i] = uniformInt(SUPPLYCOST, row, 100, 100_000);
        appendText(comments, ctx.pool, COMMENT_OFFSET, COMMENT_LENGTH_KEY, row, ...COMMENT_LENGTH.partsupp);
        comments.endRow();
      }
      yield recordBatch(SCHEMA, [int32Data(partKeys), int32Data(suppKeys), int32Data(quantities), decimalData(costs, 15, 2), comments.finish()]);
    }
  },
};
