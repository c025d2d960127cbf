// The catalog stage's public surface: the session Catalog, Parquet tables, footers, schema mapping and statistics.
// Error codes it raises: CATALOG_FILE_NOT_FOUND, CATALOG_EMPTY_DIRECTORY, CATALOG_CORRUPT_FILE, CATALOG_UNSUPPORTED_FILE,
// CATALOG_UNSUPPORTED_TYPE, CATALOG_SCHEMA_MISMATCH, CATALOG_INVALID_PARTITION, CATALOG_DUPLICATE_COLUMN,
// CATALOG_TABLE_EXISTS, CATALOG_TABLE_NOT_FOUND, CATALOG_VIEW_NOT_FOUND, CATALOG_WRONG_OBJECT_KIND, CATALOG_INVALID_NAME,
// CATALOG_IO_ERROR.
export { Catalog, DEFAULT_DATABASE, GLOBAL_TEMP_DATABASE } from './catalog.js';
export type { CatalogEntry, CatalogListing, CatalogScope, ViewDefinition } from './catalog.js';
export { openParquetTable } from './parquet-table.js';
export type { ParquetFile, ParquetTable } from './parquet-table.js';
export { DEFAULT_PARTITION_NAME, unescapePathName } from './hive-partitions.js';
export type { PartitionValue } from './hive-partitions.js';
export { clearFooterCache, readParquetFooter } from './parquet-footer.js';
export type { ParquetFooter } from './parquet-footer.js';
export { mapParquetSchema } from './parquet-schema.js';
export type { LeafColumn, ParquetSchemaMapping } from './parquet-schema.js';
export { decimalToNumber, fileStatistics } from './statistics.js';
export type { ColumnChunkStatistics, FileStatistics, RowGroupStatistics, StatValue } from './statistics.js';
