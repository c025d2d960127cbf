// Functions that build or read arrays, maps and structs.
import { T, arrayOf, mapOf, structOf, typeToString } from '../../types/data-type.js';
import type { DataType, StructField } from '../../types/data-type.js';
import { A } from '../../types/cast-rules.js';
import { tightestCommonType, widerTypeOf, widerTypeWithoutStringPromotion } from '../../types/coercion.js';
import { defineFunction, resolved } from './function-def.js';
import type { FunctionDef } from './function-def.js';
import { argumentError, arityError, callText, coerceArgs, constantError, constantString } from './signature.js';

// A NULL where a map is expected is a NULL map<void,void> (Spark's MapType default).
function asMap(t: DataType): Extract<DataType, { kind: 'map' }> | undefined {
  if (t.kind === 'null') return { kind: 'map', key: T.null, value: T.null, valueContainsNull: true };
  return t.kind === 'map' ? t : undefined;
}

// size of an array or a map; -1 for NULL (Spark's default spark.sql.legacy.sizeOfNull with ANSI off).
const size = defineFunction({
  name: 'size',
  aliases: ['cardinality'],
  resolve: (args) => {
    const arity = arityError('size', args.length, 1, 1);
    if (arity) return arity;
    const t = args[0]!.type;
    const cast = t.kind === 'array' ? t : asMap(t);
    return cast ? resolved([cast], T.int, 'never') : argumentError('size', args, 0, 'an array or a map');
  },
});

// array_contains(arr, v): the element and the value meet at their wider type, strings not promoted.
const arrayContains = defineFunction({
  name: 'array_contains',
  resolve: (args) => {
    const arity = arityError('array_contains', args.length, 2, 2);
    if (arity) return arity;
    const [arr, value] = [args[0]!.type, args[1]!.type];
    if (arr.kind !== 'array') return argumentError('array_contains', args, 0, 'an array');
    if (value.kind === 'null') return argumentError('array_contains', args, 1, 'a non-NULL value');
    const common = widerTypeWithoutStringPromotion(arr.element, value);
    if (!common) return argumentError('array_contains', args, 1, `a value comparable to ${typeToString(arr.element)}`);
    // NULL also when the value is absent but the array holds a NULL.
    return resolved([arrayOf(common, arr.containsNull), common], T.boolean, arr.containsNull ? 'always' : 'any');
  },
});

// element_at(array, i) is 1-based; element_at(map, key) looks the key up (key and map key meet at their
// tightest common type). NULL when out of range or absent (ANSI off).
const elementAt = defineFunction({
  name: 'element_at',
  resolve: (args) => {
    const arity = arityError('element_at', args.length, 2, 2);
    if (arity) return arity;
    const container = args[0]!.type;
    if (container.kind === 'array') {
      const types = coerceArgs('element_at', args, { required: [A.any, T.int] });
      return typeof types === 'string' ? types : resolved(types, container.element, 'always');
    }
    const map = asMap(container);
    if (!map) return argumentError('element_at', args, 0, 'an array or a map');
    const key = tightestCommonType(map.key, args[1]!.type);
    if (!key) return argumentError('element_at', args, 1, `a key of type ${typeToString(map.key)}`);
    return resolved([mapOf(key, map.value, map.valueContainsNull), key], map.value, 'always');
  },
});

const array = defineFunction({
  name: 'array',
  resolve: (args) => {
    const element = widerTypeOf(args.map((a) => a.type));
    if (!element) return `cannot resolve ${callText('array', args)}: the elements have no common type`;
    return resolved(
      args.map(() => element),
      arrayOf(element, args.some((a) => a.nullable)),
      'never',
    );
  },
});

// struct(a, b) names its fields after column arguments (else col1, col2, …), as Spark's CreateStruct.
const struct = defineFunction({
  name: 'struct',
  resolve: (args) => {
    const fields = args.map((a, i): StructField => ({ name: a.name ?? `col${i + 1}`, type: a.type, nullable: a.nullable }));
    return resolved(
      args.map((a) => a.type),
      structOf(fields),
      'never',
    );
  },
});

// named_struct('a', x, 'b', y): names must be string literals.
const namedStruct = defineFunction({
  name: 'named_struct',
  resolve: (args) => {
    if (args.length === 0 || args.length % 2 !== 0) {
      return `function \`named_struct\` expects an even, non-zero number of arguments, got ${args.length}`;
    }
    const fields: StructField[] = [];
    for (let i = 0; i < args.length; i += 2) {
      const name = constantString(args[i]);
      if (name === undefined) return constantError('named_struct', args, i, 'a constant string (a field name)');
      const value = args[i + 1]!;
      fields.push({ name, type: value.type, nullable: value.nullable });
    }
    return resolved(
      args.map((a) => a.type),
      structOf(fields),
      'never',
    );
  },
});

// map(k1, v1, k2, v2, …): keys share their wider type, values theirs.
const map = defineFunction({
  name: 'map',
  resolve: (args) => {
    if (args.length % 2 !== 0) return `function \`map\` expects an even number of arguments, got ${args.length}`;
    const keys = args.filter((_, i) => i % 2 === 0);
    const values = args.filter((_, i) => i % 2 === 1);
    const key = widerTypeOf(keys.map((a) => a.type));
    const value = widerTypeOf(values.map((a) => a.type));
    if (!key || !value) return `cannot resolve ${callText('map', args)}: the ${key ? 'values' : 'keys'} have no common type`;
    if (key.kind === 'map') return `cannot resolve ${callText('map', args)}: a map key cannot be a map`;
    return resolved(
      args.map((_, i) => (i % 2 === 0 ? key : value)),
      mapOf(key, value, values.some((a) => a.nullable)),
      'never',
    );
  },
});

function mapPart(name: string, part: (m: Extract<DataType, { kind: 'map' }>) => DataType): FunctionDef {
  return defineFunction({
    name,
    resolve: (args) => {
      const arity = arityError(name, args.length, 1, 1);
      if (arity) return arity;
      const m = asMap(args[0]!.type);
      return m ? resolved([m], part(m)) : argumentError(name, args, 0, 'a map');
    },
  });
}

export const COLLECTION_FUNCTIONS: readonly FunctionDef[] = [
  size,
  arrayContains,
  elementAt,
  array,
  struct,
  namedStruct,
  map,
  mapPart('map_keys', (m) => arrayOf(m.key, false)),
  mapPart('map_values', (m) => arrayOf(m.value, m.valueContainsNull)),
];
