// A one-line progress report on a terminal (stderr) for statements that run longer than a second; erased when done.

/** A terminal to draw on: present only when stderr is one, so pipes and files never receive progress lines. */
export interface Terminal {
  readonly write: (raw: string) => void;
  /** Width in characters; the line is cut to fit, so it never wraps (a wrapped line could not be erased). */
  readonly columns: number;
}

export interface ProgressCounts {
  readonly rows: number;
  readonly bytes: number;
}

export interface ProgressOptions {
  /** Quiet time before the line first appears (default 1000 ms): quick statements show nothing. */
  readonly delayMs?: number;
  /** Redraw interval (default 200 ms). */
  readonly intervalMs?: number;
}

export interface Progress {
  /** Erases the line if it was drawn and stops redrawing. Call it before printing anything else. */
  readonly stop: () => void;
}

const ERASE_LINE = '\r\x1b[K';

/**
 * Shows `running… 1,234,567 rows · 85.3 MiB · 3.2 s` on `terminal`, redrawn from `counts()` until stopped. Without a
 * terminal it does nothing. Its timers are unref'd: a pending redraw never keeps the process alive.
 *
 * @example
 * const progress = startProgress(io.terminal, () => ({ rows, bytes }));
 * try { for await (const batch of stream) rows += batch.numRows; } finally { progress.stop(); }
 */
export function startProgress(terminal: Terminal | undefined, counts: () => ProgressCounts, options: ProgressOptions = {}): Progress {
  if (terminal === undefined) return { stop: () => undefined };
  const started = performance.now();
  let drawn = false;
  let interval: NodeJS.Timeout | undefined;
  const draw = () => {
    const line = progressText(counts(), performance.now() - started);
    terminal.write(ERASE_LINE + line.slice(0, Math.max(0, terminal.columns - 1)));
    drawn = true;
  };
  const delay = setTimeout(() => {
    draw();
    interval = setInterval(draw, options.intervalMs ?? 200);
    interval.unref();
  }, options.delayMs ?? 1000);
  delay.unref();
  return {
    stop: () => {
      clearTimeout(delay);
      if (interval !== undefined) clearInterval(interval);
      if (drawn) terminal.write(ERASE_LINE);
      drawn = false;
    },
  };
}

/** The progress line's text. */
export function progressText(counts: ProgressCounts, elapsedMs: number): string {
  const rows = `${counts.rows.toLocaleString('en-US')} ${counts.rows === 1 ? 'row' : 'rows'}`;
  return `running… ${rows} · ${formatBytes(counts.bytes)} · ${(elapsedMs / 1000).toFixed(1)} s`;
}

function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}
