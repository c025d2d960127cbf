// The countries dimension table: code, name and region of every country events and users refer to.
import { Field, Schema, Utf8, type RecordBatch } from 'apache-arrow';
import { Utf8Builder, recordBatch } from '../tpch/columns.js';
import { COUNTRIES } from './distributions.js';

export const COUNTRIES_SCHEMA = new Schema([
  new Field('code', new Utf8(), false),
  new Field('name', new Utf8(), false),
  new Field('region', new Utf8(), false),
]);

export function countriesBatch(): RecordBatch {
  const n = COUNTRIES.length;
  const codes = new Utf8Builder(n, 2);
  const names = new Utf8Builder(n, 16);
  const regions = new Utf8Builder(n, 8);
  for (const [code, name, region] of COUNTRIES) {
    codes.writeAscii(code);
    codes.endRow();
    names.writeAscii(name);
    names.endRow();
    regions.writeAscii(region);
    regions.endRow();
  }
  return recordBatch(COUNTRIES_SCHEMA, [codes.finish(), names.finish(), regions.finish()]);
}
