/**
 * One full garbage collection, now. V8 frees the old generation only in a full collection, and a
 * thread that makes little garbage after a burst of it (a corpus loaded, a shard indexed) may not
 * run one for a long time: the burst's memory stays taken. Measured on the dashboard's UI thread
 * (100,000 quotes, texts on demand): 176 MB resident after the load, 136 MB after a collection.
 *
 * `gc` is not exposed to scripts unless Node starts with --expose-gc; the flag set at run time
 * makes it available to a new context, whose function alone is called. Where that is refused,
 * nothing happens and V8 collects when it will.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

export function collectGarbage(): void {
  try {
    v8.setFlagsFromString('--expose-gc');
    (vm.runInNewContext('gc') as () => void)();
  } catch {
    // not available: V8 collects when it will
  }
}

/** No activity for this long (ms): the user is reading, not typing. */
export const IDLE_MS = 1500;
/** Growth of the heap since the last collection (bytes) below which none is worth its pause. */
export const GROWN_BYTES = 16 * 1024 * 1024;

/**
 * A full collection once a thread has been idle for a moment (nothing `touch`ed it for
 * IDLE_MS) and its heap has grown since the last one. V8 lets a busy thread's heap grow far past
 * what it holds before it collects, and the process keeps that memory; collected while nobody
 * types, it is given back. The pause (tens of milliseconds at 100,000 quotes) falls where nothing
 * waits for the thread.
 */
export class IdleCollector {
  /** the heap's size after the last collection, -1 before the first */
  private after = -1;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly collect: () => void = collectGarbage,
    private readonly idleMs = IDLE_MS,
    private readonly grownBytes = GROWN_BYTES,
  ) {}

  /** Something happened: the collection waits until nothing has for a moment. */
  touch(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.collectIfGrown(), this.idleMs);
    this.timer.unref();
  }

  /** Collects now, unless the heap has grown by less than the threshold since the last time. */
  collectIfGrown(): void {
    if (this.after >= 0 && v8.getHeapStatistics().used_heap_size - this.after < this.grownBytes) return;
    this.collect();
    this.after = v8.getHeapStatistics().used_heap_size;
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
