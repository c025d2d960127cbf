// The aligned result table: Spark's show() layout without cell truncation.
import { describe, expect, it } from 'vitest';
import { formatTable } from '../../../src/cli/format-table.js';

describe('formatTable', () => {
  it('pads cells on the right to the widest value, at least 3 wide, with NULL spelled out', () => {
    expect(formatTable({ columns: ['n_name', 'k'], rows: [['ALGERIA', '0'], ['UNITED STATES', null]], truncated: false })).toBe(
      ['+-------------+----+', '|n_name       |k   |', '+-------------+----+', '|ALGERIA      |0   |', '|UNITED STATES|NULL|', '+-------------+----+', ''].join('\n'),
    );
  });

  it('says how many rows it shows when the result was cut', () => {
    const text = formatTable({ columns: ['a'], rows: [['1'], ['2']], truncated: true });
    expect(text.endsWith('+---+\nonly showing top 2 rows\n')).toBe(true);
    expect(formatTable({ columns: ['a'], rows: [['1']], truncated: true })).toContain('only showing top 1 row\n');
  });

  it('prints the header of an empty result', () => {
    expect(formatTable({ columns: ['count'], rows: [], truncated: false })).toBe('+-----+\n|count|\n+-----+\n+-----+\n');
  });

  it('escapes line breaks and tabs, and counts wide characters twice', () => {
    const text = formatTable({ columns: ['v'], rows: [['a\nb\tc'], ['東京']], truncated: false });
    expect(text).toContain('|a\\nb\\tc|');
    expect(text).toContain('|東京   |');
  });
});
