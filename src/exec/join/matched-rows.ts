// Which rows of one join side have found a partner: flags set from matched pairs, read back as row lists.

/** Flags `rows` as matched; returns how many were not flagged before. */
export function markMatched(flags: Uint8Array, rows: Int32Array): number {
  let added = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    added += 1 - flags[row]!;
    flags[row] = 1;
  }
  return added;
}

/** The rows, in order, whose flag is `matched ? 1 : 0`. */
export function rowsWhere(flags: Uint8Array, matched: boolean): Int32Array {
  const want = matched ? 1 : 0;
  let count = 0;
  for (let i = 0; i < flags.length; i++) if (flags[i] === want) count++;
  const rows = new Int32Array(count);
  for (let i = 0, k = 0; i < flags.length; i++) if (flags[i] === want) rows[k++] = i;
  return rows;
}
