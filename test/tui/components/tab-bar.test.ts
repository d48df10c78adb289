/** The tab bar's counts, as an analyst reads them at a million quotes. */
import { describe, expect, it } from 'vitest';
import { tabBarLine } from '../../../src/tui/components/TabBar.js';

const text = (line: { text: string }[]) => line.map((s) => s.text).join('');

describe('the tab bar', () => {
  it('groups large counts in thousands, and says one quote in the singular', () => {
    const big = text(tabBarLine('quotes', { articles: 333_334, quotes: 1_000_000, drafts: 0 }, 120));
    expect(big).toContain('333,334 articles · 1,000,000 quotes');
    const one = text(tabBarLine('quotes', { articles: 1, quotes: 1, drafts: 0 }, 120));
    expect(one).toContain('1 article · 1 quote');
  });
});
