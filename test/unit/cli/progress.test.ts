// The progress line: silent for quick statements and without a terminal, redrawn in place, erased when done.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { progressText, startProgress } from '../../../src/cli/progress.js';

describe('startProgress', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('draws nothing for a statement that ends within the delay', () => {
    const writes: string[] = [];
    const progress = startProgress({ write: (t) => writes.push(t), columns: 80 }, () => ({ rows: 0, bytes: 0 }));
    vi.advanceTimersByTime(900);
    progress.stop();
    expect(writes).toEqual([]);
  });

  it('redraws the line in place after a second and erases it when stopped', () => {
    const writes: string[] = [];
    let rows = 0;
    const progress = startProgress({ write: (t) => writes.push(t), columns: 80 }, () => ({ rows, bytes: rows * 100 }));
    rows = 1500;
    vi.advanceTimersByTime(1000);
    rows = 3_000_000;
    vi.advanceTimersByTime(200);
    progress.stop();
    expect(writes).toHaveLength(3);
    expect(writes[0]).toMatch(/^\r\x1b\[Krunning… 1,500 rows · 146\.5 KiB · \d+\.\d s$/);
    expect(writes[1]).toContain('3,000,000 rows · 286.1 MiB');
    expect(writes[2]).toBe('\r\x1b[K');
  });

  it('keeps the line narrower than the terminal, so it never wraps', () => {
    const writes: string[] = [];
    const progress = startProgress({ write: (t) => writes.push(t), columns: 20 }, () => ({ rows: 123456789, bytes: 0 }));
    vi.advanceTimersByTime(1000);
    progress.stop();
    expect(writes[0]!.replace('\r\x1b[K', '')).toHaveLength(19);
  });

  it('does nothing without a terminal', () => {
    startProgress(undefined, () => ({ rows: 0, bytes: 0 })).stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('progressText', () => {
  it('spells rows, bytes and seconds', () => {
    expect(progressText({ rows: 1, bytes: 512 }, 2500)).toBe('running… 1 row · 512 B · 2.5 s');
    expect(progressText({ rows: 0, bytes: 3 * 2 ** 30 }, 61_000)).toBe('running… 0 rows · 3.0 GiB · 61.0 s');
  });
});
