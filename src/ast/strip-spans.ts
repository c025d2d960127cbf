// Deep copy of a syntax tree without its `span`s, to compare trees by structure (tests, round trips, EXPLAIN JSON).

/**
 * @example
 * expect(stripSpans(parseExpression('a+1'))).toEqual(stripSpans(parseExpression('a + 1')))
 */
export function stripSpans<T>(node: T): T {
  if (Array.isArray(node)) return node.map(stripSpans) as T;
  if (node === null || typeof node !== 'object') return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'span') copy[key] = stripSpans(value);
  }
  return copy as T;
}
