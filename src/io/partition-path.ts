// Hive partition directory names (`k=v`) as Spark writes them: escaped names and values, NULL as the default partition.
import { DEFAULT_PARTITION_NAME } from '../catalog/hive-partitions.js';

// Spark's ExternalCatalogUtils.charToEscape: characters that cannot appear raw in a path segment, or would be read
// back as something else (`=` as the separator, `%` as an escape, `/` as a directory).
const ESCAPED = /[\x01-\x1f"#%'*/:=?\\\x7f{[\]^]/g;

/** A partition column name or value escaped for a path segment: `%XX` (upper-case hex) for each reserved character. */
export function escapePathName(text: string): string {
  return text.replace(ESCAPED, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

/**
 * The directory of one partition value: `name=value`, the value being the column's text as Spark casts it to
 * string (`2024-01-01`, `10:30` escaped as `10%3A30`); NULL and the empty string go to `name=__HIVE_DEFAULT_PARTITION__`.
 *
 * @example partitionSegment('day', '2024-01-01') // 'day=2024-01-01'
 * @example partitionSegment('k', null)          // 'k=__HIVE_DEFAULT_PARTITION__'
 */
export function partitionSegment(name: string, value: string | null): string {
  return `${escapePathName(name)}=${value === null || value === '' ? DEFAULT_PARTITION_NAME : escapePathName(value)}`;
}
