/**
 * The curated dataset for the seed article is the gold standard the extractor is scored against,
 * so these tests pin its fidelity: the text is the seed byte for byte, every span shows exactly
 * its text, every quoted passage of the seed is a quote with the right speaker, and every
 * reference resolves.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CorpusFile, FORMAT_ID, type Article, type Span } from '../../src/core/corpus/schema.js';
import { codePointLength, OffsetMap, paragraphs, sliceSpan } from '../../src/core/corpus/text.js';
import { loadCorpus } from '../../src/core/corpus/load.js';

const DATA = fileURLToPath(new URL('../../data/kremlin-iran-protests.json', import.meta.url));
const SEED = fileURLToPath(new URL('../../seeds/000_77e29c8a411f06ba.txt', import.meta.url));

const raw: unknown = JSON.parse(readFileSync(DATA, 'utf8'));
const parsed = CorpusFile.safeParse(raw);
if (!parsed.success) throw new Error(`data file does not match the schema: ${parsed.error.message}`);
const file = parsed.data;
const article = file.articles[0]!;
const text = article.text;
const map = new OffsetMap(text);

const actorIds = new Set(file.actors.map((a) => a.id));
const narrativeIds = new Set(file.narratives.map((n) => n.id));
const axisIds = new Set(file.axes.map((x) => x.id));
const quoteById = new Map(article.quotes.map((q) => [q.id, q]));

/** A pair of quotation marks in the seed: the code-point span strictly inside them. */
interface MarkPair {
  open: '“' | '‘';
  inner: Span;
  innerText: string;
}

/**
 * Finds every “…” and ‘…’ pair. ’ is also the apostrophe ("Tehran’s", "doesn’t"): a single
 * quotation closes at the first ’ after the ‘ that is not followed by a letter or digit.
 */
function quotationPairs(t: string): MarkPair[] {
  const chars = [...t];
  const pairs: MarkPair[] = [];
  const mk = (open: MarkPair['open'], s: number, e: number): MarkPair => ({
    open,
    inner: { start: s, end: e },
    innerText: chars.slice(s, e).join(''),
  });
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === '“') {
      const j = chars.indexOf('”', i + 1);
      if (j === -1) throw new Error(`unclosed “ at ${i}`);
      pairs.push(mk('“', i + 1, j));
    } else if (chars[i] === '‘') {
      let j = i + 1;
      while (j < chars.length && !(chars[j] === '’' && !/[\p{L}\p{N}]/u.test(chars[j + 1] ?? ''))) j++;
      if (j >= chars.length) throw new Error(`unclosed ‘ at ${i}`);
      pairs.push(mk('‘', i + 1, j));
    }
  }
  return pairs;
}

const pairs = quotationPairs(text);

describe('seed dataset: the article', () => {
  it('declares the format and holds exactly one article', () => {
    expect(file.format).toBe(FORMAT_ID);
    expect(file.articles).toHaveLength(1);
    expect(article.id).toBe('kremlin-iran-protests');
  });

  it('has the seed file as its text, byte for byte', () => {
    const seed = readFileSync(SEED);
    expect(Buffer.from(text, 'utf8').equals(seed)).toBe(true);
    expect(seed.length).toBe(7205);
    expect(text.endsWith('Markov wrote on Telegram on Sunday.\n')).toBe(true);
  });

  it('points at the seed file relative to data/', () => {
    expect(article.source).toBe('../seeds/000_77e29c8a411f06ba.txt');
  });

  it('marks the inferred title, outlet date and publication date as inferred, with reasons', () => {
    expect(article.titleInferred).toBe(true);
    expect(article.outlet).toBe('Al Jazeera');
    expect(article.published).toMatchObject({ date: '2026-01-14', inferred: true });
    expect(article.published?.reason).toMatch(/Tuesday/);
  });
});

describe('seed dataset: spans', () => {
  const spanned: { where: string; text: string; span: Span }[] = [
    ...article.quotes.map((q) => ({ where: `quote ${q.id}`, text: q.text, span: q.span })),
    ...article.mentions.map((m, i) => ({ where: `mention ${i} (${m.actor})`, text: m.text, span: m.span })),
    ...article.silences.map((s) => ({ where: `silence ${s.id}`, text: s.text, span: s.span })),
    ...article.events.map((e) => ({ where: `event ${e.id}`, text: e.text, span: e.span })),
  ];

  it('every quote, mention, silence and event shows exactly its text', () => {
    const bad = spanned.filter((s) => sliceSpan(text, s.span, map) !== s.text || s.span.end > codePointLength(text));
    expect(bad.map((b) => b.where)).toEqual([]);
    expect(spanned.length).toBeGreaterThan(200);
  });

  it('spans are trimmed (no leading or trailing white space) and stay inside one paragraph', () => {
    const paras = paragraphs(text);
    for (const s of spanned) {
      expect(s.text, s.where).toBe(s.text.trim());
      const inOne = paras.some((p) => s.span.start >= p.start && s.span.end <= p.end);
      expect(inOne, s.where).toBe(true);
    }
  });
});

describe('seed dataset: quotes', () => {
  it('finds the 32 quotation-mark pairs of the seed (apostrophes are not quotation marks)', () => {
    expect(pairs).toHaveLength(32);
    expect(pairs.filter((p) => p.open === '‘').map((p) => p.innerText)).toEqual([
      'color revolution',
      'losing its reputation again',
      'deal',
    ]);
    expect(pairs.map((p) => p.innerText)).not.toContain('s leadership has managed');
  });

  it('covers every quotation-mark pair with a direct or term quote of exactly its inner span', () => {
    const missing = pairs.filter(
      (p) =>
        !article.quotes.some(
          (q) => q.kind !== 'indirect' && q.span.start === p.inner.start && q.span.end === p.inner.end,
        ),
    );
    expect(missing.map((p) => p.innerText)).toEqual([]);
  });

  it('has a direct or term quote only where the seed has quotation marks', () => {
    const stray = article.quotes.filter(
      (q) =>
        q.kind !== 'indirect' &&
        !pairs.some((p) => p.inner.start === q.span.start && p.inner.end === q.span.end),
    );
    expect(stray.map((q) => q.id)).toEqual([]);
  });

  it('attributes every quoted passage to the right speaker', () => {
    // first words of the passage -> [kind, speaker]
    const expected: [string, 'direct' | 'term', string | null][] = [
      ['breathe a sigh of relief.', 'direct', 'actor-smagin'],
      ['doesn’t think there’s anything', 'direct', 'actor-smagin'],
      ['illegal pressure from Western countries', 'direct', 'actor-russian-foreign-ministry'],
      ['external forces', 'direct', 'actor-russian-foreign-ministry'],
      ['destabilize and destroy', 'direct', 'actor-russian-foreign-ministry'],
      ['The notorious method of', 'direct', 'actor-zakharova'],
      ['color revolution', 'term', 'actor-zakharova'], // nested in Zakharova's quote
      ['color revolutions', 'term', null], // the Kremlin mantra, scare-quoted by the journalist
      ['categorically unacceptable,', 'direct', 'actor-zakharova'],
      ['a reduction in artificially induced protests', 'direct', 'actor-zakharova'],
      ['take over the institutions', 'direct', 'actor-trump'],
      ['help is on the way.', 'direct', 'actor-trump'],
      ['We are locked, loaded and ready to go,', 'direct', 'actor-trump'],
      ['easy target.', 'direct', 'actor-trump'],
      ['can do little about it,', 'direct', 'actor-smagin'],
      ['prevent the restoration of relations', 'direct', 'actor-smagin'],
      ['respect', 'direct', 'actor-al-shalah'],
      ['color revolution', 'term', null], // "Moscow’s blather about a …"
      ['all protests against the dictatorship', 'direct', 'actor-likhachev'],
      ['foreign malicious actors,', 'direct', 'actor-likhachev'],
      ['foreign agents', 'direct', 'actor-israeli-tv-station'],
      ['losing its reputation again', 'direct', 'actor-bondarev'],
      ['Soviet republic', 'term', null],
      ['advanced', 'term', null],
      ['strategic partnership', 'term', null],
      ['sword-like.', 'direct', 'actor-bondarev'],
      ['Why rattle the sabers', 'direct', 'actor-bondarev'],
      ['What does Russia have to do', 'direct', 'actor-bondarev'],
      ['deal', 'term', 'actor-bondarev'], // nested in Bondarev's quote
      ['Iran? What Iran?', 'direct', 'actor-irina'],
      ['reform', 'direct', 'actor-markov'],
      ['The protests will be quelled', 'direct', 'actor-markov'],
    ];
    const actual = pairs.map((p) => {
      const q = article.quotes.find(
        (x) => x.kind !== 'indirect' && x.span.start === p.inner.start && x.span.end === p.inner.end,
      );
      return [p.innerText, q?.kind, q?.speaker];
    });
    expect(actual).toHaveLength(expected.length);
    expected.forEach(([start, kind, speaker], i) => {
      const [inner, k, s] = actual[i]!;
      expect(inner, `pair ${i}`).toMatch(new RegExp('^' + start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      expect([k, s], `pair ${i}: ${inner}`).toEqual([kind, speaker]);
    });
  });

  it('gives every direct quote a speaker that exists, and every quote known narratives', () => {
    for (const q of article.quotes) {
      if (q.kind === 'direct' || q.kind === 'indirect') expect(q.speaker, q.id).not.toBeNull();
      if (q.speaker !== null) expect(actorIds.has(q.speaker), `${q.id} speaker ${q.speaker}`).toBe(true);
      for (const n of q.narratives) expect(narrativeIds.has(n), `${q.id} narrative ${n}`).toBe(true);
    }
  });

  it('notes the nesting of nested terms', () => {
    for (const q of article.quotes.filter((x) => x.kind === 'term' && x.speaker !== null)) {
      const outer = article.quotes.find(
        (o) => o.kind === 'direct' && o.id !== q.id && o.span.start < q.span.start && q.span.end < o.span.end,
      );
      expect(outer, q.id).toBeDefined();
      expect(q.speaker).toBe(outer!.speaker);
      expect(q.note).toContain(outer!.id);
    }
  });

  it('records the reported statements as indirect quotes with the right speaker', () => {
    const indirect = (start: string) => article.quotes.find((q) => q.kind === 'indirect' && q.text.startsWith(start));
    const cases: [string, string][] = [
      ['more than 100 security personnel were killed in the two weeks of unrest', 'actor-iranian-state-media'],
      ['the death toll is much higher, including thousands of protesters', 'actor-opposition-activists'],
      ['Al Jazeera cannot independently verify the numbers', 'actor-al-jazeera'],
      ['the protests have subsided', 'actor-russian-embassy-tehran'],
      ['foreign countries of being behind the unrest', 'actor-iran'],
      ['Israel is playing a role in stirring up tensions', 'actor-several-analysts'],
      ['Iranian law enforcement likely suppressed them violently', 'actor-smagin'],
      ['The Kremlin is confident that mass protests in Iran have peaked', 'actor-smagin'],
      ['Trump does not need Russia to agree', 'actor-bondarev'],
      ['U.S. President Donald Trump’s threat to intervene', 'actor-zakharova'],
      ['“foreign agents” had given weapons to Iranian protesters', 'actor-israeli-tv-station'],
    ];
    for (const [start, speaker] of cases) {
      const q = indirect(start);
      expect(q, start).toBeDefined();
      expect(q!.speaker, start).toBe(speaker);
    }
    expect(article.quotes.filter((q) => q.kind === 'indirect').length).toBeGreaterThanOrEqual(25);
  });

  it('records channels and resolved dates where the text gives them', () => {
    const q = (id: string) => quoteById.get(id)!;
    expect(q('q-smagin-sigh-of-relief').channel).toBe('told Al Jazeera');
    expect(q('q-markov-telegram')).toMatchObject({
      channel: 'wrote on Telegram',
      when: { text: 'on Sunday', date: '2026-01-11', inferred: true },
    });
    expect(q('q-trump-locked-loaded').when).toMatchObject({ text: 'On January 2', date: '2026-01-02', inferred: true });
    expect(q('q-trump-help-on-the-way').when).toMatchObject({ text: 'On Tuesday', date: '2026-01-13', inferred: true });
    expect(q('q-al-shalah-respect').when).toMatchObject({ date: '2025-10', inferred: false });
    for (const quote of article.quotes) {
      if (quote.when?.inferred) expect(quote.when.reason, quote.id).toBeTruthy();
    }
  });
});

describe('seed dataset: mentions, silences, events', () => {
  it('mentions every occurrence of every person’s name and alias', () => {
    const WORD = /[A-Za-z0-9-]/;
    const problems: string[] = [];
    for (const actor of file.actors.filter((a) => a.kind === 'person')) {
      for (const name of [actor.name, ...actor.aliases]) {
        for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
          if (WORD.test(text[i - 1] ?? ' ') || WORD.test(text[i + name.length] ?? ' ')) continue;
          const s = map.toCodePoint(i);
          const e = map.toCodePoint(i + name.length);
          const covered = article.mentions.some((m) => m.actor === actor.id && m.span.start <= s && e <= m.span.end);
          if (!covered) problems.push(`${actor.id}: "${name}" at ${s}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('mentions every actor at least once and only known actors', () => {
    for (const m of article.mentions) expect(actorIds.has(m.actor), m.actor).toBe(true);
    const mentioned = new Set(article.mentions.map((m) => m.actor));
    expect(file.actors.filter((a) => !mentioned.has(a.id)).map((a) => a.id)).toEqual([]);
  });

  it('records Putin’s and Moscow’s silences', () => {
    const putin = article.silences.find((s) => s.actor === 'actor-putin' && /protests/.test(s.about));
    expect(putin?.text).toBe('Russian President Vladimir Putin has not commented on the protests');
    expect(article.silences.some((s) => s.actor === 'actor-russia' && s.text.includes('Moscow remained silent'))).toBe(true);
  });

  it('dates the events as written and resolved', () => {
    const ev = (id: string) => article.events.find((e) => e.id === id);
    expect(ev('ev-protests-erupt')?.when).toMatchObject({ text: 'on December 28', date: '2025-12-28', inferred: true });
    expect(ev('ev-assad-overthrown')?.when).toMatchObject({ date: '2024-12', inferred: false });
    expect(ev('ev-maduro-abduction')?.when).toMatchObject({ date: '2026-01-03', inferred: true });
    expect(ev('ev-internet-shutdown')?.when.date).toBeNull();
    for (const e of article.events) {
      for (const a of e.actors) expect(actorIds.has(a), `${e.id} actor ${a}`).toBe(true);
      if (e.when.inferred) expect(e.when.reason, e.id).toBeTruthy();
    }
    expect(article.events.length).toBeGreaterThanOrEqual(15);
  });
});

describe('seed dataset: actors, narratives, axes, positions', () => {
  it('ids are unique', () => {
    const groups: [string, string[]][] = [
      ['actors', file.actors.map((a) => a.id)],
      ['narratives', file.narratives.map((n) => n.id)],
      ['axes', file.axes.map((x) => x.id)],
      ['positions', file.positions.map((p) => p.id)],
      [
        'quotes, silences, events',
        [...article.quotes.map((q) => q.id), ...article.silences.map((s) => s.id), ...article.events.map((e) => e.id)],
      ],
    ];
    for (const [name, ids] of groups) expect(ids.length, name).toBe(new Set(ids).size);
  });

  it('every actor has a profile and an alignment with a reason', () => {
    for (const a of file.actors) {
      expect(a.profile.length, a.id).toBeGreaterThan(20);
      expect(a.alignment?.reason, a.id).toBeTruthy();
    }
    const zakharova = file.actors.find((a) => a.id === 'actor-zakharova');
    expect(zakharova?.aliases).toEqual(expect.arrayContaining(['Zakharova', 'Foreign Ministry spokeswoman']));
  });

  it('has at least 5 narratives and 5 axes, and every narrative takes a position on at least 3 axes', () => {
    expect(file.narratives.length).toBeGreaterThanOrEqual(5);
    expect(file.axes.length).toBeGreaterThanOrEqual(5);
    for (const n of file.narratives) {
      const axes = new Set(file.positions.filter((p) => p.narrative === n.id).map((p) => p.axis));
      expect(axes.size, n.id).toBeGreaterThanOrEqual(3);
      expect(n.proponents.length, n.id).toBeGreaterThan(0);
    }
  });

  it('every reference resolves', () => {
    for (const n of file.narratives) for (const a of n.proponents) expect(actorIds.has(a), `${n.id} ${a}`).toBe(true);
    const seen = new Set<string>();
    for (const p of file.positions) {
      expect(narrativeIds.has(p.narrative), p.id).toBe(true);
      expect(axisIds.has(p.axis), p.id).toBe(true);
      expect(p.evidence.length, p.id).toBeGreaterThan(0);
      for (const q of p.evidence) expect(quoteById.has(q), `${p.id} evidence ${q}`).toBe(true);
      for (const a of p.statusBy) expect(actorIds.has(a), `${p.id} statusBy ${a}`).toBe(true);
      const key = `${p.narrative} ${p.axis}`;
      expect(seen.has(key), `two positions for ${key}`).toBe(false);
      seen.add(key);
    }
  });

  it('marks both casualty claims unverified, by Al Jazeera and the other side', () => {
    const toll = file.positions.filter((p) => p.axis === 'x-death-toll');
    expect(toll.length).toBeGreaterThanOrEqual(2);
    expect(new Set(toll.map((p) => p.stance)).size).toBe(toll.length); // they conflict
    for (const p of toll) {
      expect(['contested', 'unverified']).toContain(p.status);
      expect(p.statusBy).toContain('actor-al-jazeera');
      expect(p.statusBy.length).toBeGreaterThanOrEqual(2);
      expect(p.statusNote).toMatch(/cannot independently verify/);
    }
    const speakers = toll.map((p) => quoteById.get(p.evidence[0]!)!.speaker).sort();
    expect(speakers).toEqual(['actor-iranian-state-media', 'actor-opposition-activists']);
  });

  it('the narratives that agree share a stance token', () => {
    const stance = (n: string, x: string) => file.positions.find((p) => p.narrative === n && p.axis === x)?.stance;
    expect(stance('n-colour-revolution', 'x-instigators')).toBe(stance('n-foreign-hand', 'x-instigators'));
    expect(stance('n-colour-revolution', 'x-instigators')).not.toBe(stance('n-popular-uprising', 'x-instigators'));
    expect(stance('n-us-intervention', 'x-outsiders')).not.toBe(stance('n-colour-revolution', 'x-outsiders'));
  });
});

describe('seed dataset: through the loader', () => {
  it('loads with the project loader without problems', async () => {
    const corpus = await loadCorpus([DATA]);
    const loaded: Article | undefined = corpus.articleById.get('kremlin-iran-protests');
    expect(loaded?.text).toBe(text);
    expect(corpus.quotes.length).toBe(article.quotes.length);
  });
});
