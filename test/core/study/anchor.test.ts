/**
 * Annotations survive re-extraction: the study's source article is edited on disk (a paragraph
 * with a new quote at the top shifts every offset and renumbers every quote id; the article id
 * itself changes with its text), then opened again. Everything re-attaches to the same words, or
 * is listed as an orphan — and stays in the study file.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import {
  addMemo,
  addQuote,
  codeQuotes,
  correctSpeaker,
  createNarrative,
  initStudy,
  locate,
  makeAnchor,
  openStudy,
  addQuestion,
  setPosition,
  type StudySession,
} from '../../../src/core/study/index.js';
import { articleParagraphs } from '../../../src/core/corpus/corpus.js';
import { paragraphAt } from '../../../src/core/corpus/text.js';
import type { Article } from '../../../src/core/corpus/schema.js';
import { seedCopy, stamp } from './helpers.js';

function idOf(s: StudySession, pred: (text: string, para: string) => boolean): string {
  const hits = s.view.corpus.quotes.filter((r) => pred(r.quote.text, paragraphAt(articleParagraphs(r.article), r.quote.span.start)!.text));
  expect(hits).toHaveLength(1);
  return hits[0]!.quote.id;
}

/** The narratives each coded quote has, by quote text (ids change on re-extraction; the words do not). */
function codedTexts(s: StudySession): string[] {
  return s.view.corpus.quotes.filter((r) => r.quote.narratives.length).map((r) => `${r.quote.text} → ${r.quote.narratives.join(',')}`);
}

describe('re-anchoring after re-extraction', () => {
  it('re-attaches codings, memos, corrections, added quotes and evidence when ids and offsets all change', async () => {
    const { txt, study } = seedCopy();
    const s = await initStudy(study, [txt], stamp());
    await s.edit((v) => createNarrative(v, { label: 'Colour revolution' }), stamp());
    const sigh = idOf(s, (t) => t === 'breathe a sigh of relief.');
    const zakharova = idOf(s, (t) => t.startsWith('The notorious method'));
    // "color revolution" occurs several times: the one in the Ukraine paragraph, told apart by its context
    const ukraine = idOf(s, (t, p) => t === 'color revolution' && p.startsWith('For observers of Ukraine'));
    await s.edit((v) => codeQuotes(v, 'n-colour-revolution', [sigh, zakharova, ukraine]), stamp());
    await s.edit((v) => addMemo(v, { quote: zakharova }, 'the Kremlin mantra'), stamp());
    const irina = idOf(s, (t) => t.startsWith('Iran? What Iran?'));
    await s.edit((v) => correctSpeaker(v, irina, 'sergei-markov'), stamp());
    const article = s.view.corpus.articles[0]!.id;
    let added = '';
    await s.edit((v) => {
      const e = addQuote(v, article, 'has not commented on the protests', { kind: 'indirect', speaker: 'vladimir-putin' });
      added = e.quoteId;
      return e;
    }, stamp());
    await s.edit((v) => codeQuotes(v, 'n-colour-revolution', [added]), stamp());
    await s.edit((v) => addQuestion(v, 'Who is behind it?', 'x-who'), stamp());
    await s.edit((v) => setPosition(v, { narrative: 'n-colour-revolution', axis: 'x-who', stance: 'the west', summary: 'The West.', evidence: [zakharova, sigh] }), stamp());
    const before = codedTexts(s);
    expect(before).toHaveLength(4);
    // the extractor's ids (an added quote keeps the id the study gave it)
    const oldIds = new Set(s.view.corpus.quotes.map((r) => r.quote.id).filter((id) => id !== added));

    // the source is re-saved with a new first paragraph holding a quote
    const original = readFileSync(txt, 'utf8');
    writeFileSync(txt, `Editor’s note: a spokesman said: “We have nothing to add.”\n${original}`);

    const t = await openStudy(study);
    expect(t.changedSources).toEqual(['article.txt']);
    expect(t.view.orphans).toEqual([]);
    // every quote id changed, yet the same words carry the same codes
    expect(t.view.corpus.quotes.some((r) => oldIds.has(r.quote.id))).toBe(false);
    expect(codedTexts(t)).toEqual(before);
    const ukraineNow = t.view.corpus.quotes.find((r) => r.quote.narratives.length && r.quote.text === 'color revolution')!;
    expect(paragraphAt(articleParagraphs(ukraineNow.article), ukraineNow.quote.span.start)!.text).toMatch(/^For observers of Ukraine/);
    const irinaNow = t.view.corpus.quotes.find((r) => r.quote.text.startsWith('Iran? What Iran?'))!;
    expect(irinaNow.quote.speaker).toBe('sergei-markov');
    const putin = t.view.corpus.quotes.find((r) => r.quote.text === 'has not commented on the protests')!;
    expect(putin.quote.speaker).toBe('vladimir-putin');
    // spans still hold exactly the text (the loader's own rule)
    for (const r of t.view.corpus.quotes) expect([...r.article.text].slice(r.quote.span.start, r.quote.span.end).join('')).toBe(r.quote.text);
    expect(t.view.memos.map((m) => t.view.corpus.quoteById.get(m.target)!.quote.text)).toEqual([expect.stringMatching(/^The notorious method/)]);
    const position = t.view.corpus.positions.find((p) => p.axis === 'x-who')!;
    expect(position.evidence.map((id) => t.view.corpus.quoteById.get(id)!.quote.text)).toEqual([expect.stringMatching(/^The notorious method/), 'breathe a sigh of relief.']);
  });

  it('follows a slightly edited quote approximately, and lists what is gone as orphans without dropping it', async () => {
    const { txt, study } = seedCopy();
    const s = await initStudy(study, [txt], stamp());
    await s.edit((v) => createNarrative(v, { label: 'Relief' }), stamp());
    const zakharova = idOf(s, (t) => t.startsWith('The notorious method'));
    const markov = idOf(s, (t) => t.startsWith('The protests will be quelled'));
    await s.edit((v) => codeQuotes(v, 'n-relief', [zakharova, markov]), stamp());

    const original = readFileSync(txt, 'utf8');
    const markovPara = original.split('\n').find((l) => l.includes('The protests will be quelled'))!;
    const edited = original
      .replace('specially trained and armed provocateurs', 'specially trained, armed provocateurs') // a light copy-edit inside the quote
      .replace(`${markovPara}\n`, ''); // a paragraph cut
    expect(edited).not.toBe(original);
    writeFileSync(txt, edited);

    const t = await openStudy(study);
    const coded = t.view.corpus.quotes.filter((r) => r.quote.narratives.includes('n-relief'));
    expect(coded.map((r) => r.quote.text)).toEqual([expect.stringContaining('specially trained, armed provocateurs')]);
    expect(t.view.orphans).toEqual([
      { what: 'coding', id: `code:n-relief:${markov}`, text: expect.stringMatching(/^The protests will be quelled/), article: expect.any(String), reason: 'its text is no longer in any source article' },
    ]);
    // the orphan stays in the study, through later edits and saves, and comes back with the text
    await t.edit((v) => createNarrative(v, { label: 'Another' }), stamp());
    const saved = JSON.parse(readFileSync(study, 'utf8'));
    expect(saved.study.codings.map((c: { id: string }) => c.id)).toContain(`code:n-relief:${markov}`);
    writeFileSync(txt, original);
    const u = await openStudy(study);
    expect(u.view.orphans).toEqual([]);
    expect(u.view.corpus.quotes.filter((r) => r.quote.narratives.includes('n-relief'))).toHaveLength(2);
  });
});

describe('locate', () => {
  const article = (id: string, text: string): Article => ({ id, title: 't', titleInferred: false, outlet: null, url: null, published: null, language: 'en', source: null, text, draft: false, quotes: [], mentions: [], silences: [], events: [] });
  const find = (anchor: ReturnType<typeof makeAnchor>, ...arts: Article[]) => locate(anchor, arts, new Map(arts.map((a) => [a.id, a])));

  it('tells repeated words apart by their context, even when everything moved', () => {
    const a = article('a', 'He said “yes” to the plan. Later she said “yes” to the war.');
    const second = a.text.lastIndexOf('yes');
    const anchor = makeAnchor(a, { start: second, end: second + 3 });
    expect(anchor.selector).toEqual({ exact: 'yes', prefix: 's” to the plan. Later she said “', suffix: '” to the war.' });
    const moved = article('a', 'Preface. Later she said “yes” to the war. He said “yes” to the plan.');
    const got = find(anchor, moved)!;
    expect(got.how).toBe('moved');
    expect(moved.text.slice(0, got.span.start)).toBe('Preface. Later she said “');
    expect(moved.text.slice(got.span.start, got.span.end)).toBe('yes');
  });

  it('counts offsets in code points when the text has emoji', () => {
    const a = article('a', '🙂 She said “fine”.');
    const at = [...a.text].indexOf('f');
    const anchor = makeAnchor(a, { start: at, end: at + 4 });
    expect(anchor.selector.exact).toBe('fine');
    const moved = article('a', '🙂🙂 She said “fine”.');
    expect(find(anchor, moved)!.span).toEqual({ start: at + 1, end: at + 5 });
  });

  it('finds a passage in another article when its own is gone, and gives up on a short passage that is not there', () => {
    const a = article('a', 'The minister said the economy will recover by spring.');
    const start = a.text.indexOf('the economy');
    const anchor = makeAnchor(a, { start, end: start + 'the economy will recover by spring'.length });
    const b = article('b', 'Yesterday the minister said the economy will recover by summer.');
    const got = find(anchor, b)!;
    expect(got.how).toBe('approximate');
    expect([...b.text].slice(got.span.start, got.span.end).join('')).toMatch(/^the economy will recover by s/);
    const short = makeAnchor(a, { start: 4, end: 12 });
    expect(find({ ...short, selector: { ...short.selector, exact: 'xyz' } }, b)).toBeUndefined();
  });
});

describe('docs/data-format.md', () => {
  it('its anchor example is the anchor the study makes for that quote of the seed article', async () => {
    const doc = readFileSync(new URL('../../../docs/data-format.md', import.meta.url), 'utf8');
    const example = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!).find((b) => b.includes('"selector"'))!;
    const { txt, study } = seedCopy();
    const s = await initStudy(study, [txt], stamp());
    const r = s.view.corpus.quotes.find((x) => x.quote.text === 'breathe a sigh of relief.')!;
    expect(JSON.parse(example)).toEqual(makeAnchor(r.article, r.quote.span, r.quote.id));
  });
});
