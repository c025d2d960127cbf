// The catalogue: case-insensitive lookup, aliases, and that every definition answers sensibly.
import { describe, expect, it } from 'vitest';
import { functionNames, lookupFunction } from '../../../../src/analyzer/functions/registry.js';
import { T } from '../../../../src/types/data-type.js';

describe('registry', () => {
  it('looks functions up by name or alias in any case', () => {
    expect(lookupFunction('SUBSTR')?.name).toBe('substring');
    expect(lookupFunction('Substring')?.name).toBe('substring');
    expect(lookupFunction('ucase')?.name).toBe('upper');
    expect(lookupFunction('ifnull')?.name).toBe('nvl');
    expect(lookupFunction('no_such_function')).toBeUndefined();
  });

  it('lists every callable name once, sorted', () => {
    const names = functionNames();
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['count', 'row_number', 'substr', 'substring', 'window', 'date_part']));
    expect(names.every((n) => n === n.toLowerCase())).toBe(true);
  });

  it('each definition resolves or explains itself for any argument list', () => {
    const argLists = [[], [T.int], [T.string, T.int], [T.null, T.null, T.null]];
    for (const name of functionNames()) {
      const def = lookupFunction(name)!;
      for (const args of argLists) {
        const r = def.resolve(args);
        if (typeof r === 'string') {
          expect(r.length).toBeGreaterThan(0);
        } else {
          expect(r.argTypes).toHaveLength(args.length);
        }
      }
    }
  });
});
