import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import stringWidth from 'string-width';
import { CorpusFile } from '../../../src/core/corpus/schema.js';
import { makeCorpus } from '../../../src/core/corpus/corpus.js';
import { fit, highlight, pad, width, wrap, type Line } from '../../../src/tui/lib/text.js';
import { KEYS, lines, mount, widest } from '../helpers.js';

afterEach(() => cleanup());

const text = (l: Line) => l.map((s) => s.text).join('');

describe('cells, fitting and wrapping', () => {
  const samples = [
    'plain ASCII text that goes on and on',
    '“Curly” quotes — dashes … and ellipses',
    '中文字符宽度是两个单元格的测试文本',
    'Emoji 👩‍👩‍👧 family and 🇮🇷 flag and é (e + combining)',
    'Persian متن فارسی و русский текст',
  ];
  it('never lets a fitted or wrapped line exceed its width', () => {
    for (const s of samples) {
      for (const cols of [1, 2, 5, 9, 17, 40]) {
        const f = fit([{ text: s }], cols);
        expect(stringWidth(text(f)), `${s} @${cols}`).toBeLessThanOrEqual(cols);
        expect(width(pad([{ text: s }], cols))).toBe(cols);
        for (const l of wrap([{ text: s }], Math.max(2, cols))) expect(stringWidth(text(l)), `${s} wrapped @${cols}`).toBeLessThanOrEqual(Math.max(2, cols));
      }
    }
  });

  it('does not split a grapheme (emoji sequence, combining mark) when cutting', () => {
    const f = fit([{ text: 'ab👩‍👩‍👧cd' }], 4);
    expect(text(f)).toBe('ab…');
    expect(text(fit([{ text: 'xe\u0301yz' }], 3))).toBe('xe\u0301…');
  });

  it('keeps every word when wrapping', () => {
    const s = 'The notorious method of ‘color revolution’ is being used by specially trained provocateurs';
    const out = wrap([{ text: s }], 20).map(text);
    expect(out.join(' ')).toBe(s);
    for (const l of out) expect(stringWidth(l)).toBeLessThanOrEqual(20);
  });

  it('highlights ranges (end inclusive) of the raw text after making it inert', () => {
    const segs = highlight('a\u001b[31mred\u001b[0m z', [[6, 8]]);
    expect(segs.map((s) => [s.text, s.style ?? ''])).toEqual([
      ['a␛[31m', ''],
      ['red', 'match'],
      ['␛[0m z', ''],
    ]);
  });

  it('keeps a match in view when cutting a long line (fzf-style)', () => {
    const raw = 'one two three four five six seven eight nine ten eleven relief';
    const f = fit(highlight(raw, [[56, 61]]), 24, { focus: 'match' });
    expect(text(f).startsWith('…')).toBe(true);
    expect(f.some((s) => s.style === 'match' && s.text === 'relief')).toBe(true);
    expect(stringWidth(text(f))).toBeLessThanOrEqual(24);
  });
});

describe('wide and empty corpora on screen', () => {
  const wide = CorpusFile.parse({
    articles: [
      {
        id: 'a-wide',
        title: '伊朗抗议 👩‍👩‍👧 报道的标题很长很长很长很长很长很长很长',
        text: '发言人说：“这是一场颜色革命，由西方国家策划和资助的颜色革命，我们绝不接受。” 👩‍👩‍👧',
        quotes: [{ id: 'q-wide', kind: 'direct', text: '这是一场颜色革命，由西方国家策划和资助的颜色革命，我们绝不接受。', span: { start: 6, end: 38 }, speaker: 'spk', narratives: ['n-wide'] }],
        events: [{ id: 'e-wide', label: '颜色革命的声明发表了很长很长很长很长很长的标签', when: { text: '星期二', date: '2026-01-13', inferred: true, reason: '推断的原因很长很长很长很长很长很长很长很长很长很长很长' }, text: '发言人说', span: { start: 0, end: 4 }, actors: ['spk'] }],
      },
    ],
    actors: [{ id: 'spk', name: '外交部发言人玛丽亚·扎哈罗娃（很长的名字）', kind: 'person', role: '发言人 👩‍👩‍👧', profile: '很长的简介'.repeat(20) }],
    narratives: [{ id: 'n-wide', label: '西方策划的颜色革命（很长很长很长很长的标签）', summary: '摘要'.repeat(40), proponents: ['spk'] }, { id: 'n-two', label: '第二个叙事', summary: '摘要' }],
    axes: [{ id: 'x', question: '谁在背后？'.repeat(5) }],
    positions: [
      { id: 'p1', narrative: 'n-wide', axis: 'x', stance: 'west', summary: '西方'.repeat(30), evidence: ['q-wide'] },
      { id: 'p2', narrative: 'n-two', axis: 'x', stance: 'home', summary: '国内'.repeat(30) },
    ],
  });
  const corpus = makeCorpus({ ...wide, files: ['wide.json'] });

  it('fits double-width text and emoji at 60 columns on every pane', async () => {
    expect(corpus.quotes[0]!.article.text.slice(6, 38)).toBe(corpus.quotes[0]!.quote.text);
    const ui = await mount(corpus, { size: { columns: 60, rows: 20 } });
    const check = (s: string) => {
      expect(widest(s)).toBeLessThanOrEqual(60);
      expect(lines(s).length).toBeLessThanOrEqual(19);
    };
    check(ui.screen());
    check(await ui.press(KEYS.enter));
    check(await ui.press('3'));
    await ui.press(KEYS.space);
    await ui.press('j');
    await ui.press(KEYS.space);
    check(await ui.press('c'));
    check(await ui.press('4'));
    check(await ui.press(KEYS.enter));
  });

  it('shows empty states for a corpus with nothing in it', async () => {
    const empty = makeCorpus({ articles: [], actors: [], narratives: [], axes: [], positions: [], files: [] });
    const ui = await mount(empty);
    expect(ui.screen()).toContain('this corpus has no quotes');
    await ui.pressUntil(KEYS.enter, () => true, 'Enter'); // nothing to open, nothing happens
    expect(await ui.press('2')).toContain('0 actors');
    expect(await ui.press('3')).toContain('this corpus has no narratives');
    expect(await ui.press('4')).toContain('this corpus has no events');
    expect(ui.screen()).toContain('0 events');
  });
});
