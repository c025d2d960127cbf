// The spec's pseudo-text (clause 4.2.2.10): a pool of grammar-generated sentences that comments are cut from.
//
// Every comment column is a random substring of one shared pool, of a random length in the column's
// range, as dbgen does it. The spec asks for a 300 MB pool; this one is smaller (TEXT_POOL_BYTES) so that
// small scale factors start in milliseconds. The words, weights and sentence forms are the spec's, so
// LIKE patterns such as Q13's '%special%requests%' select the same fractions of rows.
import {
  ADJECTIVES,
  ADVERBS,
  AUXILIARIES,
  NOUNS,
  NOUN_PHRASES,
  PREPOSITIONS,
  SENTENCES,
  TERMINATORS,
  VERBS,
  VERB_PHRASES,
  type Weighted,
} from './distributions.js';
import { asciiBytes, type Utf8Builder } from './columns.js';
import { stream, uniformInt } from './random.js';

export const TEXT_POOL_BYTES = 16 << 20;

const SPACE = 32;
const COMMA = 44;
const THE = asciiBytes('the');

/** A weighted list ready for drawing: entry j (1-based weight slot) is the word chosen when the draw is j. */
interface WordTable {
  readonly total: number;
  readonly bySlot: readonly Uint8Array[];
}

let cached: Uint8Array | undefined;

/** The pool, generated on first use and shared by all tables of a run. */
export function textPool(): Uint8Array {
  cached ??= generatePool(TEXT_POOL_BYTES, stream('text.pool'));
  return cached;
}

/**
 * Appends one comment: `length` in [min, max] bytes of the pool from a uniformly chosen offset, which
 * like dbgen's may start or end inside a word. Draws come from two streams at `counter`.
 */
export function appendText(
  out: Utf8Builder,
  pool: Uint8Array,
  offsetKey: number,
  lengthKey: number,
  counter: number,
  min: number,
  max: number,
): void {
  out.writeBytes(pool, uniformInt(offsetKey, counter, 0, pool.length - max), uniformInt(lengthKey, counter, min, max));
}

/** The pool bytes `appendText` would append for the same arguments, as a copy the caller may edit. */
export function textBytes(pool: Uint8Array, offsetKey: number, lengthKey: number, counter: number, min: number, max: number): Uint8Array {
  const offset = uniformInt(offsetKey, counter, 0, pool.length - max);
  return pool.slice(offset, offset + uniformInt(lengthKey, counter, min, max));
}

/** Sentences from the grammar until `size` bytes are filled; draws are consecutive counters of `key`. */
export function generatePool(size: number, key: number): Uint8Array {
  const nouns = wordTable(NOUNS);
  const verbs = wordTable(VERBS);
  const adjectives = wordTable(ADJECTIVES);
  const adverbs = wordTable(ADVERBS);
  const prepositions = wordTable(PREPOSITIONS);
  const auxiliaries = wordTable(AUXILIARIES);
  const terminators = wordTable(TERMINATORS);
  const sentenceForms = formTable(SENTENCES).map((form) => form.split(' '));
  const nounPhraseForms = formTable(NOUN_PHRASES);
  const verbPhraseForms = formTable(VERB_PHRASES);

  // Room for one whole sentence past `size`, so a sentence never needs a bounds check mid-way.
  const buffer = new Uint8Array(size + 1024);
  let pos = 0;
  let counter = 0;

  const pick = (table: WordTable): Uint8Array => table.bySlot[uniformInt(key, counter++, 1, table.total)]!;
  const pickForm = <T>(table: readonly T[]): T => table[uniformInt(key, counter++, 1, table.length - 1)]!;
  const word = (bytes: Uint8Array): void => {
    buffer.set(bytes, pos);
    pos += bytes.length;
    buffer[pos++] = SPACE;
  };
  const nounPhrase = (): void => {
    switch (pickForm(nounPhraseForms)) {
      case 'N':
        word(pick(nouns));
        break;
      case 'J N':
        word(pick(adjectives));
        word(pick(nouns));
        break;
      case 'J, J N':
        word(pick(adjectives));
        buffer[pos - 1] = COMMA;
        buffer[pos++] = SPACE;
        word(pick(adjectives));
        word(pick(nouns));
        break;
      case 'D J N':
        word(pick(adverbs));
        word(pick(adjectives));
        word(pick(nouns));
        break;
      default:
        throw new Error('unknown noun phrase form');
    }
  };
  const verbPhrase = (): void => {
    const form = pickForm(verbPhraseForms);
    if (form.startsWith('X')) word(pick(auxiliaries));
    word(pick(verbs));
    if (form.endsWith('D')) word(pick(adverbs));
  };
  const prepositionalPhrase = (): void => {
    word(pick(prepositions));
    word(THE);
    nounPhrase();
  };
  const terminate = (): void => {
    pos--; // the terminator abuts the last word
    word(pick(terminators));
  };

  while (pos < size) {
    // A form is a sequence of phrase letters (see SENTENCES), always ending in the terminator.
    for (const part of pickForm(sentenceForms)) {
      if (part === 'N') nounPhrase();
      else if (part === 'V') verbPhrase();
      else if (part === 'P') prepositionalPhrase();
      else terminate();
    }
  }
  return buffer.slice(0, size);
}

function wordTable(list: Weighted): WordTable {
  const bySlot: Uint8Array[] = [new Uint8Array(0)];
  for (const [word, weight] of list) {
    const bytes = asciiBytes(word);
    for (let i = 0; i < weight; i++) bySlot.push(bytes);
  }
  return { total: bySlot.length - 1, bySlot };
}

// Slot j (1-based) holds the form chosen when the draw is j.
function formTable(list: Weighted): string[] {
  const slots = [''];
  for (const [form, weight] of list) for (let i = 0; i < weight; i++) slots.push(form);
  return slots;
}
