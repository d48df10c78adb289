import { describe, expect, it } from 'vitest';
import { coreToSpare } from '../../../src/core/search/disk-index.js';

describe('whether a search at a large index takes a second thread', () => {
  it('takes it on an idle 2-core machine even while the minute average still shows work just ended', () => {
    expect(coreToSpare(2, 1.9, 1)).toBe(true); // only this process runnable now
  });
  it('does not while another thread runs now, or while the minute average is past every core', () => {
    expect(coreToSpare(2, 0.5, 2)).toBe(false);
    expect(coreToSpare(2, 8.5, 1)).toBe(false); // a busy machine's momentary lull
  });
  it('falls back to the minute average where the system does not say what runs now', () => {
    expect(coreToSpare(2, 0.8, undefined)).toBe(true);
    expect(coreToSpare(2, 1.5, undefined)).toBe(false);
  });
  it('never on one core', () => {
    expect(coreToSpare(1, 0, 1)).toBe(false);
  });
});
