import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { collectWhenIdle } from '../../src/tui/idle-collect.js';
import { GROWN_BYTES, IDLE_MS } from '../../src/core/collect.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('the UI thread collects its garbage when idle', () => {
  it('once after the first frame, then only after a pause in the keys, and only when the heap grew', () => {
    vi.useFakeTimers();
    const keys = new EventEmitter();
    const collect = vi.fn();
    const stop = collectWhenIdle(keys, collect);
    vi.advanceTimersByTime(0);
    expect(collect).toHaveBeenCalledTimes(1); // the load's garbage, once the first frame is out

    // typing: every key postpones it
    for (let i = 0; i < 10; i++) {
      keys.emit('data', 'a');
      vi.advanceTimersByTime(IDLE_MS / 2);
    }
    // held, not garbage: the heap grew past the threshold since the last collection
    const held = Array.from({ length: 4 }, () => new Array((GROWN_BYTES / 8) | 0).fill(1.5));
    expect(collect).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(IDLE_MS);
    expect(collect).toHaveBeenCalledTimes(2);

    // idle again with nothing new on the heap: no pause for nothing
    keys.emit('data', 'b');
    vi.advanceTimersByTime(IDLE_MS);
    expect(collect).toHaveBeenCalledTimes(2);

    stop();
    keys.emit('data', 'c');
    vi.advanceTimersByTime(IDLE_MS * 2);
    expect(collect).toHaveBeenCalledTimes(2);
    expect(held).toHaveLength(4);
  });
});
