// Per-group least or greatest value of one orderable type: the state of min and max, and the ordering side of
// min_by and max_by. Numbers stay in typed arrays; 64-bit values too while they fit a double.
import type { DataType } from '../../types/data-type.js';
import type { JsValue, Vector } from '../vector.js';
import { usesBigInt, valueAt, vectorFromValues } from '../vector.js';
import type { Compare } from './compare.js';
import { comparatorOf, compareNumbers, compareStrings } from './compare.js';
import { int64Vector, numberVector } from './result-vectors.js';
import { grow } from './state.js';

/** How values are held: numbers in a Float64Array (`int64` spilling to bigints), strings or other values in an array. */
type Family = 'number' | 'int64' | 'string' | 'other';

function familyOf(type: DataType): Family {
  if (usesBigInt(type)) return 'int64';
  switch (type.kind) {
    case 'boolean':
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'date':
    case 'float':
    case 'double':
      return 'number';
    case 'string':
      return 'string';
    default:
      return 'other';
  }
}

export interface ExtremesOptions {
  readonly direction: 'least' | 'greatest';
  /** Whether a value equal to the current extreme replaces it (max_by keeps the last of equal orderings). */
  readonly replaceTies: boolean;
}

export class Extremes {
  private readonly family: Family;
  /** +1 to keep the greatest, -1 the least: `sign * compare(new, current) > 0` means the new value wins. */
  private readonly sign: number;
  private readonly replaceTies: boolean;
  private seen = new Uint8Array(0);
  private numbers = new Float64Array(0);
  /** int64 family: the extremes that came from a `big` vector (the others are in `numbers`). */
  private readonly bigints: (bigint | undefined)[] = [];
  private readonly objects: JsValue[] = [];
  /** The order of the `other` family's values. */
  private readonly compare: Compare;

  constructor(
    private readonly type: DataType,
    options: ExtremesOptions,
  ) {
    this.family = familyOf(type);
    this.sign = options.direction === 'greatest' ? 1 : -1;
    this.replaceTies = options.replaceTies;
    this.compare = comparatorOf(type);
  }

  /**
   * Offers row `rows[k]` (or k) of `v` to group `groups[k]`, skipping NULLs; calls `changed(k)` each time a group's
   * extreme becomes that row's value.
   */
  offer(v: Vector, groups: Int32Array, groupCount: number, rows?: Int32Array, changed?: (k: number) => void): void {
    this.seen = grow(this.seen, groupCount);
    const d = v.data;
    if (d.layout === 'bool' || d.layout === 'i32' || d.layout === 'f64') {
      this.numbers = grow(this.numbers, groupCount);
      if (this.family === 'int64') this.offerInt64Numbers(d.values, v.nulls, groups, rows, changed);
      else this.offerNumbers(d.values, v.nulls, groups, rows, changed);
    } else if (d.layout === 'big') {
      this.numbers = grow(this.numbers, groupCount);
      this.offerBigints(d.values, v.nulls, groups, rows, changed);
    } else if (d.layout === 'str' || d.layout === 'dict') {
      this.offerStrings(v, groups, rows, changed);
    } else {
      this.offerObjects(v, groups, rows, changed);
    }
  }

  private wins(c: number): boolean {
    const s = this.sign * c;
    return s > 0 || (s === 0 && this.replaceTies);
  }

  private offerNumbers(
    values: Uint8Array | Int32Array | Float64Array,
    nulls: Uint8Array | undefined,
    groups: Int32Array,
    rows: Int32Array | undefined,
    changed: ((k: number) => void) | undefined,
  ): void {
    const { seen, numbers } = this;
    for (let k = 0; k < groups.length; k++) {
      const r = rows === undefined ? k : rows[k]!;
      if (nulls !== undefined && nulls[r] === 1) continue;
      const g = groups[k]!;
      const x = values[r]!;
      if (seen[g] === 0 || this.wins(compareNumbers(x, numbers[g]!))) {
        seen[g] = 1;
        numbers[g] = x;
        changed?.(k);
      }
    }
  }

  private offerInt64Numbers(
    values: Uint8Array | Int32Array | Float64Array,
    nulls: Uint8Array | undefined,
    groups: Int32Array,
    rows: Int32Array | undefined,
    changed: ((k: number) => void) | undefined,
  ): void {
    const { seen, numbers, bigints } = this;
    for (let k = 0; k < groups.length; k++) {
      const r = rows === undefined ? k : rows[k]!;
      if (nulls !== undefined && nulls[r] === 1) continue;
      const g = groups[k]!;
      const x = values[r]!;
      const wide = bigints[g];
      const c = wide === undefined ? compareNumbers(x, numbers[g]!) : compareBig(BigInt(x), wide);
      if (seen[g] === 0 || this.wins(c)) {
        seen[g] = 1;
        numbers[g] = x;
        bigints[g] = undefined;
        changed?.(k);
      }
    }
  }

  private offerBigints(
    values: readonly bigint[],
    nulls: Uint8Array | undefined,
    groups: Int32Array,
    rows: Int32Array | undefined,
    changed: ((k: number) => void) | undefined,
  ): void {
    const { seen, numbers, bigints } = this;
    for (let k = 0; k < groups.length; k++) {
      const r = rows === undefined ? k : rows[k]!;
      if (nulls !== undefined && nulls[r] === 1) continue;
      const g = groups[k]!;
      const x = values[r]!;
      if (seen[g] === 0 || this.wins(compareBig(x, bigints[g] ?? BigInt(numbers[g]!)))) {
        seen[g] = 1;
        bigints[g] = x;
        changed?.(k);
      }
    }
  }

  private offerStrings(v: Vector, groups: Int32Array, rows: Int32Array | undefined, changed: ((k: number) => void) | undefined): void {
    const { objects } = this;
    const seen = this.seen;
    const nulls = v.nulls;
    const d = v.data;
    for (let k = 0; k < groups.length; k++) {
      const r = rows === undefined ? k : rows[k]!;
      if (nulls !== undefined && nulls[r] === 1) continue;
      const g = groups[k]!;
      const x = d.layout === 'dict' ? d.dictionary[d.codes[r]!]! : (d.values as readonly string[])[r]!;
      if (seen[g] === 0 || this.wins(compareStrings(x, objects[g] as string))) {
        seen[g] = 1;
        objects[g] = x;
        changed?.(k);
      }
    }
  }

  private offerObjects(v: Vector, groups: Int32Array, rows: Int32Array | undefined, changed: ((k: number) => void) | undefined): void {
    const { objects, seen, compare } = this;
    for (let k = 0; k < groups.length; k++) {
      const r = rows === undefined ? k : rows[k]!;
      const x = valueAt(v, r);
      if (x === null) continue;
      const g = groups[k]!;
      if (seen[g] === 0 || this.wins(compare(x, objects[g]))) {
        seen[g] = 1;
        objects[g] = x;
        changed?.(k);
      }
    }
  }

  /** Whether any non-NULL value reached the group. */
  has(group: number): boolean {
    return this.seen[group] === 1;
  }

  /** The group's extreme, null when no value reached it. */
  value(group: number): JsValue {
    if (this.seen[group] !== 1) return null;
    switch (this.family) {
      case 'number':
        return this.type.kind === 'boolean' ? this.numbers[group] === 1 : this.numbers[group]!;
      case 'int64':
        return this.bigints[group] ?? BigInt(this.numbers[group]!);
      default:
        return this.objects[group];
    }
  }

  /** The extremes of groups 0 … groupCount-1 as a vector of the type, NULL for groups no value reached. */
  vector(groupCount: number): Vector {
    this.seen = grow(this.seen, groupCount);
    this.numbers = grow(this.numbers, groupCount);
    const empty = this.seen.map((s) => 1 - s);
    switch (this.family) {
      case 'number':
        return numberVector(this.type, this.numbers, groupCount, empty);
      case 'int64':
        return int64Vector(this.type, groupCount, (g) => (empty[g] === 1 ? null : (this.bigints[g] ?? this.numbers[g]!)));
      default:
        return vectorFromValues(
          this.type,
          Array.from({ length: groupCount }, (_, g) => this.value(g)),
        );
    }
  }
}

function compareBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
