// String functions: their parameter types and results as Spark's string expressions declare them.
import { T, arrayOf } from '../../types/data-type.js';
import { A } from '../../types/cast-rules.js';
import { concatType } from '../../types/coercion.js';
import { defineFunction, resolved } from './function-def.js';
import type { FunctionDef } from './function-def.js';
import { argType, argumentError, callText, coerceArgs, fixed } from './signature.js';

const S = T.string;
const STRING_OR_BINARY = A.oneOf(T.string, T.binary);

const concat = defineFunction({
  name: 'concat',
  resolve: (args) => {
    const coerced = concatType(args.map((a) => a.type));
    if (coerced) return resolved(coerced.argTypes, coerced.resultType);
    if (args.every((a) => a.type.kind === 'array')) return `cannot resolve ${callText('concat', args)}: the arrays have no common type`;
    // Name the first argument that cannot be cast to string, or the first array mixed with non-arrays.
    const nonScalar = (kind: string): boolean => kind === 'array' || kind === 'map' || kind === 'struct' || kind === 'interval';
    const bad = Math.max(0, args.findIndex((a) => nonScalar(a.type.kind)));
    return argumentError('concat', args, bad, 'string, binary or array (all arguments arrays, or none)');
  },
});

// Spark's StringLPad / StringRPad, or BinaryPad when the input and the pad are both binary.
function pad(name: string): FunctionDef {
  return defineFunction({
    name,
    resolve: (args) => {
      const binary = args[0]?.type.kind === 'binary' && (args[2] === undefined || args[2].type.kind === 'binary');
      const text = binary ? T.binary : S;
      const types = coerceArgs(name, args, { required: [text, T.int], optional: [text] });
      return typeof types === 'string' ? types : resolved(types, text);
    },
  });
}

const concatWs = defineFunction({
  name: 'concat_ws',
  resolve: (args) => {
    // The separator, then strings or arrays of strings; other scalars become strings.
    const types = coerceArgs('concat_ws', args, { required: [S], variadic: A.oneOf(A.arrayOf(S), S) });
    return typeof types === 'string' ? types : resolved(types, S);
  },
});

export const STRING_FUNCTIONS: readonly FunctionDef[] = [
  concat,
  concatWs,
  pad('lpad'),
  pad('rpad'),
  fixed({ name: 'substring', aliases: ['substr'], required: [STRING_OR_BINARY, T.int], optional: [T.int], returns: argType(0) }),
  fixed({ name: 'left', required: [S, T.int], returns: S }),
  fixed({ name: 'right', required: [S, T.int], returns: S }),
  fixed({ name: 'upper', aliases: ['ucase'], required: [S], returns: S }),
  fixed({ name: 'lower', aliases: ['lcase'], required: [S], returns: S }),
  fixed({ name: 'initcap', required: [S], returns: S }),
  // trim(str) or trim(trimChars, str): both strings either way.
  fixed({ name: 'trim', required: [S], optional: [S], returns: S }),
  fixed({ name: 'ltrim', required: [S], optional: [S], returns: S }),
  fixed({ name: 'rtrim', required: [S], optional: [S], returns: S }),
  fixed({ name: 'length', aliases: ['char_length', 'character_length', 'len'], required: [STRING_OR_BINARY], returns: T.int }),
  fixed({ name: 'octet_length', required: [STRING_OR_BINARY], returns: T.int }),
  fixed({ name: 'bit_length', required: [STRING_OR_BINARY], returns: T.int }),
  fixed({ name: 'regexp_extract', required: [S, S], optional: [T.int], returns: S }),
  fixed({ name: 'regexp_replace', required: [S, S, S], optional: [T.int], returns: S }),
  // Spark's StringSplit never puts NULL in the array.
  fixed({ name: 'split', required: [S, S], optional: [T.int], returns: arrayOf(S, false) }),
  fixed({ name: 'replace', required: [S, S], optional: [S], returns: S }),
  fixed({ name: 'translate', required: [S, S, S], returns: S }),
  fixed({ name: 'substring_index', required: [S, S, T.int], returns: S }),
  fixed({ name: 'instr', required: [S, S], returns: T.int }),
  fixed({ name: 'locate', aliases: ['position'], required: [S, S], optional: [T.int], returns: T.int }),
  fixed({ name: 'repeat', required: [S, T.int], returns: S }),
  // reverse works on strings and on arrays (Spark's Reverse).
  fixed({ name: 'reverse', required: [A.oneOf(S, A.arrayOf(A.any))], returns: argType(0) }),
  fixed({ name: 'ascii', required: [S], returns: T.int }),
  fixed({ name: 'chr', aliases: ['char'], required: [T.bigint], returns: S }),
  fixed({ name: 'contains', required: [S, S], returns: T.boolean }),
  fixed({ name: 'startswith', required: [S, S], returns: T.boolean }),
  fixed({ name: 'endswith', required: [S, S], returns: T.boolean }),
  fixed({ name: 'format_string', aliases: ['printf'], required: [S], variadic: A.any, returns: S }),
];
