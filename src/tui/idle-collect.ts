/**
 * The dashboard's UI thread collects its garbage once its first frame is out and whenever no key
 * has come for a moment (core/collect.ts IdleCollector). Why: each keystroke's results, frames
 * and lists are garbage a moment later, and V8 let the heap grow far past what it holds — a
 * 100,000-quote session typed in tmux held 72 MB live on this thread but 227 MB of heap; collected
 * when idle, the session's peak was 490 MB instead of 542-587 (one run each, load average 6-9).
 * The first collection takes the load's garbage (176 -> 136 MB resident at 100,000 quotes).
 */
import { collectGarbage, IdleCollector } from '../core/collect.js';

/** Starts watching `input` (the dashboard's keys); returns the function that stops it. */
export function collectWhenIdle(input: NodeJS.EventEmitter, collect: () => void = collectGarbage): () => void {
  const collector = new IdleCollector(collect);
  const touch = () => collector.touch();
  input.on('data', touch);
  // the first: once the first frame is out
  const first = setTimeout(() => collector.collectIfGrown(), 0);
  first.unref();
  return () => {
    input.off('data', touch);
    clearTimeout(first);
    collector.stop();
  };
}
