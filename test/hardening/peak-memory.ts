/**
 * A child process's peak resident memory, read from /proc while it runs (VmHWM: the high-water
 * mark of its resident set, threads included). Polled, so growth in the last poll interval
 * before the child exits can be missed; the ceilings the tests assert are generous for that.
 */
import { readFileSync } from 'node:fs';

/** VmHWM of `pid` in MB, or null when it has exited. */
export function highWaterMb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Follows a pid's high-water mark until stop() (or its exit); `peak` is the highest seen. */
export function watchPeak(pid: number, everyMs = 20): { readonly peak: number; stop(): number } {
  let peak = 0;
  const poll = () => {
    const v = highWaterMb(pid);
    if (v !== null) peak = Math.max(peak, v);
  };
  poll();
  const timer = setInterval(poll, everyMs);
  return {
    get peak() {
      return peak;
    },
    stop() {
      poll();
      clearInterval(timer);
      return peak;
    },
  };
}
