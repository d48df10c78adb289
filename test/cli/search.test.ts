import { beforeAll, describe, expect, it } from 'vitest';
import { ANSI, csvObjects, ensureBuilt, MINI, run, STACK } from './helpers.js';

beforeAll(ensureBuilt, 120_000);

const json = (args: string[]) => {
  const r = run(args);
  return { ...r, data: JSON.parse(r.stdout) as Record<string, unknown>[] };
};

describe('search on the bundled data', () => {
  it('finds Zakharova’s colour-revolution quote in the top 3 (British spelling)', () => {
    const { code, data } = json(['search', 'colour revolution', '--format', 'json', '--limit', '3']);
    expect(code).toBe(0);
    expect(data.map((q) => q.speaker)).toContain('actor-zakharova');
  });

  it('finds Smagin’s “sigh of relief” and Trump’s “help is on the way” first', () => {
    expect(json(['search', 'sigh of relief', '-f', 'json']).data[0]).toMatchObject({ speaker: 'actor-smagin', text: expect.stringContaining('sigh of relief') });
    expect(json(['search', 'help is on the way', '-f', 'json']).data[0]).toMatchObject({ speaker: 'actor-trump', text: expect.stringContaining('help is on the way') });
  });

  it('speaker: gives only that speaker’s quotes', () => {
    const { data } = json(['search', 'speaker:trump', '-f', 'json']);
    expect(data.length).toBeGreaterThan(1);
    expect(new Set(data.map((q) => q.speaker))).toEqual(new Set(['actor-trump']));
  });

  it('kind:term gives only terms', () => {
    const { data } = json(['search', 'kind:term', '-f', 'json']);
    expect(data.length).toBeGreaterThan(0);
    expect(data.every((q) => q.kind === 'term')).toBe(true);
  });

  it('JSON carries ids, kind, text, speaker, article, span and score; the span points at the text', async () => {
    const { data } = json(['search', 'roblox', '-f', 'json']);
    const q = data[0]!;
    expect(Object.keys(q)).toEqual(expect.arrayContaining(['id', 'kind', 'text', 'speaker', 'speakerName', 'article', 'articleTitle', 'paragraph', 'span', 'score', 'matches']));
    const { readFileSync } = await import('node:fs');
    const corpus = JSON.parse(readFileSync(new URL('../../data/kremlin-iran-protests.json', import.meta.url), 'utf8'));
    const article = corpus.articles.find((a: { id: string }) => a.id === q.article);
    const span = q.span as { start: number; end: number };
    expect([...article.text].slice(span.start, span.end).join('')).toBe(q.text);
    expect(typeof q.score).toBe('number');
  });

  it('nonsense finds nothing: exit 1, empty stdout in text, [] in JSON, a note on stderr', () => {
    const text = run(['search', 'xqzvw']);
    expect(text.code).toBe(1);
    expect(text.stdout).toBe('');
    expect(text.stderr).toMatch(/no quotes match "xqzvw"/);
    const j = run(['search', 'xqzvw', '-f', 'json']);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout)).toEqual([]);
    expect(run(['search', 'xqzvw', '-f', 'ndjson']).stdout).toBe('');
    expect(run(['search', 'xqzvw', '-f', 'csv']).stdout.split('\r\n')[0]).toMatch(/^id,kind,/);
  });

  it('an empty query prints every quote', () => {
    const all = json(['search', '', '-f', 'json']).data;
    const v = JSON.parse(run(['validate', '-f', 'json']).stdout);
    expect(all.length).toBe(v.summary.quotes.total);
  });
});

describe('search formats (fixture corpus)', () => {
  const args = (...more: string[]) => ['search', 'relief | sabers', '--data', MINI, ...more];

  it('text: one aligned line per quote when piped, no colour', () => {
    const r = run(args());
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Nikita Smagin\s+direct\s+breathe a sigh of relief\. ¶2$/);
    expect(lines[1]).toMatch(/^Boris Bondarev\s+direct\s+Why rattle the sabers/);
    // the quote column starts at the same place on every line
    expect(lines[0]!.indexOf('breathe')).toBe(lines[1]!.indexOf('Why'));
    expect(r.stdout).not.toMatch(ANSI);
  });

  it('text wraps to the terminal width ($COLUMNS) under the quote column', () => {
    const r = run(['search', 'roblox', '--data', MINI], { env: { COLUMNS: '60' } });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(60);
    const col = lines[0]!.indexOf('Iran?');
    for (const l of lines.slice(1)) expect(l.slice(0, col).trim()).toBe('');
  });

  it('ndjson: one JSON object per line', () => {
    const lines = run(args('--format', 'ndjson')).stdout.trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l).id)).toEqual(['q-smagin-relief', 'q-bondarev-sabers']);
  });

  it('csv: RFC 4180 with a header; quotes with commas and quotes survive a parser', () => {
    const r = run(['search', 'speaker:irina | speaker:markov', '--data', MINI, '--format', 'csv']);
    expect(r.stdout.endsWith('\r\n')).toBe(true);
    const rows = csvObjects(r.stdout);
    expect(rows.map((x) => x.id)).toEqual(['q-irina', 'q-markov-quelled']);
    expect(rows[0]!.text).toContain('Iran? What Iran? We are busy trying to survive.');
    expect(rows[1]!.text).toContain('The protests will be quelled, but the problems will remain.');
    expect(rows[1]).toMatchObject({ speaker_id: 'markov', speaker: 'Sergei Markov', kind: 'direct', paragraph: '39' });
  });

  it('markdown: a table with speaker, kind, quote and source', () => {
    const r = run(args('--format', 'markdown'));
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('| Speaker | Kind | Quote | Source |');
    expect(lines[1]).toBe('| --- | --- | --- | --- |');
    expect(lines[2]).toBe('| Nikita Smagin | direct | “breathe a sigh of relief.” | ¶2 `q-smagin-relief` |');
    expect(lines).toHaveLength(4);
  });

  it('--limit trims and says how many there were', () => {
    const r = run(['search', 'protests', '--data', MINI, '--limit', '2']);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(/showing 2 of \d+ quotes/);
    expect(JSON.parse(run(['search', 'protests', '--data', MINI, '-n', '1', '-f', 'json']).stdout)).toHaveLength(1);
  });

  it('a malformed query is exit 2 with the reason and a hint, no stack', () => {
    const r = run(['search', 'kind:quote', '--data', MINI]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^narrative-lens: cannot understand the query: kind: must be direct, indirect or term/);
    expect(r.stderr).toMatch(/search --help/);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('the fast path and the full (yargs) path print the same', () => {
    for (const a of [args('-f', 'json'), args('--format=csv'), args(), ['search', 'xqzvw', '--data', MINI], ['search', 'kind:bad', '--data', MINI]]) {
      const fast = run(a);
      const slow = run(a, { env: { NARRATIVE_LENS_NO_FAST_PATH: '1' } });
      expect(slow, a.join(' ')).toEqual(fast);
    }
  });

  it('several --data paths make one corpus', () => {
    const r = run(['search', 'minister', '--data', MINI, '--data', 'test/fixtures/valid/article-a.json', '-f', 'json']);
    expect(r.code).toBe(0);
    expect(new Set(JSON.parse(r.stdout).map((q: { article: string }) => q.article)).size).toBe(2);
  });
});
