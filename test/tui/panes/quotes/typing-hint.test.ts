import { describe, expect, it } from 'vitest';
import { dateOnItsWay, typingHint } from '../../../../src/tui/panes/quotes/typing-hint.js';
import { parseQuery } from '../../../../src/core/search/query.js';

const errorOf = (q: string) => {
  const r = parseQuery(q);
  return r.ok ? undefined : r.error;
};

describe('a date: value on its way', () => {
  it('takes every start of a date or range and refuses what typing cannot mend', () => {
    for (const v of ['2', '20', '202', '2026-', '2026-0', '2026-1', '2026-01-', '2026-01-3', '2026-01.', '2026..', '2026..2', '..2026-1', '"2026-0']) expect(dateOnItsWay(v), v).toBe(true);
    for (const v of ['x', '20x', '2026-2', '2026-13', '2026-00', '2026-01-4', '2026-01-011', '2026-0.', '2026...', '2026..2026..2']) expect(dateOnItsWay(v), v).toBe(false);
  });

  it('hints only for the last word, and only while the parser refuses it', () => {
    expect(typingHint('date:20', errorOf('date:20'))).toContain('date: expects');
    expect(typingHint('relief date:2026-0', errorOf('relief date:2026-0'))).toContain('date: expects');
    expect(typingHint('date:20 ', errorOf('date:20 '))).toBeUndefined(); // finished
    expect(typingHint('kind:quote date:20', errorOf('kind:quote date:20'))).toBeUndefined(); // the error is kind:'s
    expect(typingHint('date:2026-13', errorOf('date:2026-13'))).toBeUndefined();
    expect(typingHint('date:2026', undefined)).toBeUndefined();
  });
});
