/**
 * The ingest progress bar on stderr: count, bar, rate, time left, drawn in place on one line, at
 * most ten times a second, only when stderr is a terminal (never into a pipe or a log file).
 */
import { inert } from '../../core/sanitize.js';

export interface ProgressState {
  done: number;
  total: number;
  failed: number;
}

const clock = (s: number) => {
  const t = Math.max(0, Math.round(s));
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const sec = String(t % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
};

/** One line, at most `width` columns: "  312/1,000 ████████░░░░░░  45.2/s  0:15 left  2 failed". */
export function formatProgress(p: ProgressState, elapsedMs: number, width: number): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const count = `${n(p.done).padStart(n(p.total).length)}/${n(p.total)}`;
  const rate = elapsedMs > 0 ? (p.done * 1000) / elapsedMs : 0;
  const left = rate > 0 && p.done < p.total ? `${clock((p.total - p.done) / rate)} left` : p.done >= p.total ? 'done' : '…';
  const tail = `  ${rate.toFixed(rate < 10 ? 1 : 0)}/s  ${left}${p.failed ? `  ${p.failed} failed` : ''}`;
  const barWidth = Math.max(0, Math.min(30, width - count.length - tail.length - 4));
  const filled = p.total ? Math.round((barWidth * p.done) / p.total) : barWidth;
  const bar = barWidth >= 5 ? ` ${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}` : '';
  return `  ${count}${bar}${tail}`.slice(0, Math.max(0, width - 1));
}

export interface ProgressBar {
  update(p: ProgressState): void;
  /** erases the line */
  end(): void;
}

export function progressBar(stream: NodeJS.WriteStream = process.stderr, now = () => performance.now()): ProgressBar {
  if (!stream.isTTY) return { update: () => undefined, end: () => undefined };
  const start = now();
  let last = -Infinity;
  let shown = false;
  return {
    update(p) {
      const t = now();
      if (t - last < 100 && p.done < p.total) return;
      last = t;
      shown = true;
      stream.write(`\r${inert(formatProgress(p, t - start, stream.columns || 80))}\x1b[K`);
    },
    end() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
