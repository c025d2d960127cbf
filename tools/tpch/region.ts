// REGION (clause 4.2.3): the spec's five regions, keys 0..4.
import { Int32, Schema, Utf8 } from 'apache-arrow';
import { Utf8Builder, int32Data, recordBatch } from './columns.js';
import { REGIONS } from './distributions.js';
import { stream } from './random.js';
import { COMMENT_LENGTH, meanLength } from './spec.js';
import { column, type TpchContext, type TpchTable } from './table.js';
import { appendText } from './text-pool.js';

const SCHEMA = new Schema([column('r_regionkey', new Int32()), column('r_name', new Utf8()), column('r_comment', new Utf8())]);

const COMMENT_OFFSET = stream('r_comment.offset');
const COMMENT_LENGTH_KEY = stream('r_comment.length');

export const region: TpchTable = {
  name: 'region',
  schema: SCHEMA,
  *batches(ctx: TpchContext) {
    const n = REGIONS.length;
    const keys = Int32Array.from({ length: n }, (_, i) => i);
    const names = new Utf8Builder(n, 12);
    const comments = new Utf8Builder(n, meanLength(COMMENT_LENGTH.region));
    for (let i = 0; i < n; i++) {
      names.writeAscii(REGIONS[i]!);
      names.endRow();
      appendText(comments, ctx.pool, COMMENT_OFFSET, COMMENT_LENGTH_KEY, i, ...COMMENT_LENGTH.region);
      comments.endRow();
    }
    yield recordBatch(SCHEMA, [int32Data(keys), names.finish(), comments.finish()]);
  },
};
