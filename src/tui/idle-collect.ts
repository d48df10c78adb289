/**
 * A full garbage collection of the UI thread once the dashboard has been idle for a moment (no
 * key for IDLE_MS) and its heap has grown since the last one. Why: V8 lets the UI thread's heap
 * grow far past what it holds before it collects — each keystroke's results, frames and lists are
 * garbage a moment later — and the process keeps that memory. A 100,000-quote session typed in
 * tmux held 72 MB live on this thread but 227 MB of heap; collected when idle, the session's peak
 * was 490 MB instead of 542-587 (one run each, load average 6-9). A collection of that heap takes
 * a few tens of milliseconds, when nothing is being typed; the first one follows the first frame
 * (the corpus's load leaves its own garbage: 176 -> 136 MB resident at 100,000 quotes).
 */
import { getHeapStatistics } from 'node:v8';
import { collectGarbage } from '../core/collect.js';

/** No key for this long (ms): the user is reading, not typing. */
export const IDLE_MS = 1500;
/** Growth of the heap since the last collection (bytes) below which none is worth its pause. */
export const GROWN_BYTES = 16 * 1024 * 1024;

/** Starts watching `input` (the dashboard's keys); returns the function that stops it. */
export function collectWhenIdle(input: NodeJS.EventEmitter, collect: () => void = collectGarbage): () => void {
  let after = 0; // the heap's size after the last collection
  let timer: NodeJS.Timeout | undefined;
  const idle = () => {
    if (getHeapStatistics().used_heap_size - after < GROWN_BYTES && after > 0) return;
    collect();
    after = getHeapStatistics().used_heap_size;
  };
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(idle, IDLE_MS);
    timer.unref();
  };
  input.on('data', arm);
  // the first: once the first frame is out
  timer = setTimeout(idle, 0);
  timer.unref();
  return () => {
    input.off('data', arm);
    clearTimeout(timer);
  };
}
