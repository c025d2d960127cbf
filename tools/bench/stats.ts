// Small statistics helpers for benchmarks: medians and timing loops.

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Runs `f` `warmup` times, then times `runs` calls; returns each call's duration in milliseconds. */
export function timeRuns(f: () => unknown, runs: number, warmup = Math.min(runs, 20)): number[] {
  for (let i = 0; i < warmup; i++) f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return times;
}
