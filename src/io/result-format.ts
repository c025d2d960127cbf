// The result file formats sqlopt writes, known by extension. Free of dependencies, so argument parsing can check names.
import { extname } from 'node:path';

export type ResultFileFormat = 'parquet' | 'csv' | 'json';

const EXTENSIONS: Readonly<Record<string, ResultFileFormat>> = {
  '.parquet': 'parquet',
  '.csv': 'csv',
  '.json': 'json',
  '.jsonl': 'json',
  '.ndjson': 'json',
};

/** The format a file name asks for, or undefined for an extension sqlopt does not write. */
export function resultFormatOf(path: string): ResultFileFormat | undefined {
  return EXTENSIONS[extname(path).toLowerCase()];
}
