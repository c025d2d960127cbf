// Java regular expressions (what Spark's rlike, regexp_extract, regexp_replace and split take) as JS RegExps:
// the syntax is nearly the same; leading inline flags such as (?i) become RegExp flags.
import { fail } from '../../common/errors.js';

const cache = new Map<string, RegExp>();

/**
 * A RegExp for a Java pattern, with `extraFlags` (e.g. 'g'). Unicode mode is used when the pattern allows it, as
 * Java matches code points; patterns JS cannot read (possessive quantifiers, `\Q…\E`) fail with EXEC_INVALID_REGEX.
 */
export function javaRegex(pattern: string, extraFlags = ''): RegExp {
  const key = `${extraFlags}/${pattern}`;
  let re = cache.get(key);
  if (!re) {
    re = compile(pattern, extraFlags);
    if (cache.size > 1000) cache.clear();
    cache.set(key, re);
  }
  // A global RegExp carries lastIndex between uses: hand out a fresh one.
  return extraFlags.includes('g') || extraFlags.includes('y') ? new RegExp(re) : re;
}

function compile(pattern: string, extraFlags: string): RegExp {
  let source = pattern;
  let flags = extraFlags;
  const inline = /^\(\?([imsux]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    for (const f of inline[1]!) {
      if (f === 'x' || f === 'u') continue; // comments mode has no JS form; Unicode case folding is JS's default with 'i'.
      if (!flags.includes(f)) flags += f;
    }
  }
  try {
    return new RegExp(source, flags + 'u');
  } catch {
    try {
      return new RegExp(source, flags);
    } catch (e) {
      return fail('EXEC_INVALID_REGEX', `invalid regular expression '${pattern}': ${(e as Error).message}`);
    }
  }
}
