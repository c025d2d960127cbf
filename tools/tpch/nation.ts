// NATION (clause 4.2.3): the spec's 25 nations, keys 0..24, each in its fixed region.
import { Int32, Schema, Utf8 } from 'apache-arrow';
import { Utf8Builder, int32Data, recordBatch } from './columns.js';
import { NATIONS } from './distributions.js';
import { stream } from './random.js';
import { COMMENT_LENGTH, meanLength } from './spec.js';
import { column, type TpchContext, type TpchTable } from './table.js';
import { appendText } from './text-pool.js';

const SCHEMA = new Schema([
  column('n_nationkey', new Int32()),
  column('n_name', new Utf8()),
  column('n_regionkey', new Int32()),
  column('n_comment', new Utf8()),
]);

const COMMENT_OFFSET = stream('n_comment.offset');
const COMMENT_LENGTH_KEY = stream('n_comment.length');

export const nation: TpchTable = {
  name: 'nation',
  schema: SCHEMA,
  *batches(ctx: TpchContext) {
    const n = NATIONS.length;
    const keys = Int32Array.from({ length: n }, (_, i) => i);
    const regionKeys = Int32Array.from(NATIONS, ([, regionKey]) => regionKey);
    const names = new Utf8Builder(n, 16);
    const comments = new Utf8Builder(n, meanLength(COMMENT_LENGTH.nation));
    for (let i = 0; i < n; i++) {
      names.writeAscii(NATIONS[i]![0]);
      names.endRow();
      appendText(comments, ctx.pool, COMMENT_OFFSET, COMMENT_LENGTH_KEY, i, ...COMMENT_LENGTH.nation);
      comments.endRow();
    }
    yield recordBatch(SCHEMA, [int32Data(keys), names.finish(), int32Data(regionKeys), comments.finish()]);
  },
};
