// Per-group sums of CalendarIntervals (months, days and microseconds added separately), for sum and avg of intervals.
import { fail } from '../../common/errors.js';
import type { IntervalValue } from '../../logical/expr.js';
import type { Vector } from '../vector.js';
import { valueAt } from '../vector.js';
import { grow } from './state.js';

const INT_MAX = 2 ** 31 - 1;
const LONG_MAX = 2n ** 63n - 1n;

export class IntervalSums {
  private months = new Float64Array(0);
  private days = new Float64Array(0);
  private readonly micros: bigint[] = [];
  private counts = new Float64Array(0);

  add(v: Vector, groups: Int32Array, groupCount: number, rows?: Int32Array): void {
    this.months = grow(this.months, groupCount);
    this.days = grow(this.days, groupCount);
    this.counts = grow(this.counts, groupCount);
    for (let k = 0; k < groups.length; k++) {
      const x = valueAt(v, rows === undefined ? k : rows[k]!) as IntervalValue | null;
      if (x === null) continue;
      const g = groups[k]!;
      this.months[g] = this.months[g]! + x.months;
      this.days[g] = this.days[g]! + x.days;
      this.micros[g] = (this.micros[g] ?? 0n) + BigInt(x.micros);
      this.counts[g] = this.counts[g]! + 1;
    }
  }

  count(group: number): number {
    return this.counts[group] ?? 0;
  }

  /** The group's sum; Spark's interval addition fails rather than wrap when a field overflows. */
  total(group: number): { months: number; days: number; micros: bigint } {
    const months = this.months[group] ?? 0;
    const days = this.days[group] ?? 0;
    const micros = this.micros[group] ?? 0n;
    if (Math.abs(months) > INT_MAX || Math.abs(days) > INT_MAX || micros > LONG_MAX || micros < -LONG_MAX - 1n) {
      fail('EXEC_ARITHMETIC_OVERFLOW', 'interval overflow in sum');
    }
    return { months, days, micros };
  }
}
