// Functions on arrays, maps and structs: element types, field names and nullability.
import { describe, expect, it } from 'vitest';
import { callText, resolveCall } from './resolve-text.js';
import { ty } from '../../types/type-text.js';

describe('collection functions', () => {
  it.each<[string, string[], string]>([
    ['size', ['array<int>'], '(array<int>) -> int'],
    ['cardinality', ['map<string,int>'], '(map<string,int>) -> int'],
    ['size', ['string'], 'cannot resolve `size(string)`: argument 1 requires an array or a map, got string'],
    ['array_contains', ['array<int>', 'bigint'], '(array<bigint>, bigint) -> boolean'],
    ['array_contains', ['array<decimal(5,2)>', 'int'], '(array<decimal(12,2)>, decimal(12,2)) -> boolean'],
    ['array_contains', ['array<int>', 'string'], 'cannot resolve `array_contains(array<int>, string)`: argument 2 requires a value comparable to int, got string'],
    ['array_contains', ['array<int>', 'void'], 'cannot resolve `array_contains(array<int>, void)`: argument 2 requires a non-NULL value, got void'],
    ['array_contains', ['int', 'int'], 'cannot resolve `array_contains(int, int)`: argument 1 requires an array, got int'],
    ['element_at', ['array<string>', 'bigint'], '(array<string>, int) -> string'],
    ['element_at', ['map<int,string>', 'bigint'], '(map<bigint,string>, bigint) -> string'],
    ['element_at', ['map<int,string>', 'string'], 'cannot resolve `element_at(map<int,string>, string)`: argument 2 requires a key of type int, got string'],
    ['array', ['int', 'bigint'], '(bigint, bigint) -> array<bigint>'],
    ['array', [], '() -> array<void>'],
    ['array', ['int', 'boolean'], 'cannot resolve `array(int, boolean)`: the elements have no common type'],
    ['struct', ['int', 'string'], '(int, string) -> struct<col1:int,col2:string>'],
    ['map', ['string', 'int', 'string', 'bigint'], '(string, bigint, string, bigint) -> map<string,bigint>'],
    ['map', ['string'], 'function `map` expects an even number of arguments, got 1'],
    ['map', ['map<int,int>', 'int'], 'cannot resolve `map(map<int,int>, int)`: a map key cannot be a map'],
    ['map_keys', ['map<string,int>'], '(map<string,int>) -> array<string>'],
    ['map_values', ['map<string,int>'], '(map<string,int>) -> array<int>'],
    ['map_values', ['array<int>'], 'cannot resolve `map_values(array<int>)`: argument 1 requires a map, got array<int>'],
  ])('%s(%s): %s', (name, args, expected) => {
    expect(callText(name, args)).toBe(expected);
  });

  it('names struct fields after column arguments and keeps their nullability', () => {
    const r = resolveCall('struct', ['int', 'string'], [{ name: 'id', nullable: false }, {}]);
    expect(typeof r !== 'string' && r.returnType).toEqual(ty('struct<id:int!,col2:string>'));
  });

  it('takes named_struct field names from string literals', () => {
    const r = resolveCall('named_struct', ['string', 'int', 'string', 'date'], [{ constant: 'a' }, { nullable: false }, { constant: 'b' }]);
    expect(typeof r !== 'string' && r.returnType).toEqual(ty('struct<a:int!,b:date>'));
    expect(callText('named_struct', ['string', 'int'])).toBe(
      'cannot resolve `named_struct(string, int)`: argument 1 must be a constant string (a field name)',
    );
    expect(callText('named_struct', ['string'])).toBe('function `named_struct` expects an even, non-zero number of arguments, got 1');
  });

  it('builds arrays and maps that contain NULL only when an element can be NULL', () => {
    const arr = resolveCall('array', ['int', 'int'], [{ nullable: false }, { nullable: false }]);
    expect(typeof arr !== 'string' && arr.returnType).toEqual(ty('array<int!>'));
    const map = resolveCall('map', ['string', 'int'], [{ nullable: false }, { nullable: false }]);
    expect(typeof map !== 'string' && map.returnType).toEqual(ty('map<string,int!>'));
  });
});
