// Exhaustiveness guard for switches over tagged unions: adding a kind and forgetting a case fails to compile.
import { InternalError } from './errors.js';

export function assertNever(value: never, what = 'value'): never {
  throw new InternalError(`unexpected ${what}: ${JSON.stringify(value)}`);
}
