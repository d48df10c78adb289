/**
 * Faithful output (issue 14.7), byte for byte: paraphrase never in quotation marks, direct quotes
 * and terms in their source's marks, nothing cut outside a terminal, the search CSV's inferred
 * dates, one mark for "inferred", "questions" for axes.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, MINI, run } from './helpers.js';

beforeAll(ensureBuilt, 120_000);

const d = ['--data', MINI];
const tmp = mkdtempSync(path.join(os.tmpdir(), 'nl-faithful-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('quotation marks', () => {
  it('Markdown: reported speech bare, direct quotes and terms in the source’s marks', () => {
    const lines = run(['search', '', ...d, '-f', 'markdown']).stdout.split('\n');
    expect(lines).toContain('| Iranian state media | indirect | more than 100 security personnel were killed in the two weeks of unrest | ¶23 `q-state-media-100` |');
    expect(lines).toContain('| Nikita Smagin | direct | “breathe a sigh of relief.” | ¶2 `q-smagin-relief` |');
    expect(lines).toContain('| — | term | “color revolutions” | ¶7 `t-color-revolutions` |');
  });

  it('a term quoted inside a quote keeps the single marks the source used', () => {
    const corpus = JSON.parse(readFileSync(path.join(MINI, 'corpus.json'), 'utf8'));
    const article = corpus.articles[0];
    const start = [...article.text].join('').indexOf('‘color revolution’');
    expect(start).toBeGreaterThan(0);
    const cp = [...article.text.slice(0, start)].length + 1;
    article.quotes.push({ id: 't-nested', kind: 'term', text: 'color revolution', span: { start: cp, end: cp + 16 }, speaker: null });
    writeFileSync(path.join(tmp, 'nested.json'), JSON.stringify(corpus));
    const r = run(['search', "'color revolution kind:term", '--data', path.join(tmp, 'nested.json'), '-f', 'markdown']);
    expect(r.stdout.split('\n')).toContain('| — | term | ‘color revolution’ | ¶6 `t-nested` |');
  });

  it('Markdown escapes markup in data text but leaves `!` as it is (the same bytes as ever; the report alone escapes it)', () => {
    const corpus = JSON.parse(readFileSync(path.join(MINI, 'corpus.json'), 'utf8'));
    const article = corpus.articles[0];
    const words = 'Help! *now* [x]|y <b> #1 ~_`';
    article.text += `\n${words}`;
    const cp = [...article.text].length - [...words].length;
    article.quotes.push({ id: 't-marks', kind: 'term', text: words, span: { start: cp, end: cp + [...words].length }, speaker: null });
    writeFileSync(path.join(tmp, 'marks.json'), JSON.stringify(corpus));
    const r = run(['search', "'Help! kind:term", '--data', path.join(tmp, 'marks.json'), '-f', 'markdown']);
    expect(r.stdout.split('\n')).toContain('| — | term | “Help! \\*now\\* \\[x\\]\\|y &lt;b&gt; \\#1 \\~\\_\\`” | ¶40 `t-marks` |');
  });

  it('timeline: an event’s source sentence is not put in quotation marks (text and Markdown)', () => {
    const md = run(['timeline', ...d, '-f', 'markdown']).stdout.split('\n');
    expect(md[3]).toBe('| 2025-12-28 (inferred) | **Protests erupt over economic hardship**<br>Protests over economic hardship erupted on December 28 | “on December 28”, inferred: year from the article\'s date |   | ¶3 |');
    const text = run(['timeline', ...d]).stdout;
    expect(text).toContain('\n             Protests over economic hardship erupted on December 28\n');
    expect(text).not.toContain('“Protests over');
  });

  it('a silence is the article’s words, not a quote', () => {
    expect(run(['actors', 'putin', ...d, '-f', 'markdown']).stdout).toContain('\n> Silence on the protests in Iran: Russian President Vladimir Putin has not commented on the protests\n');
  });
});

describe('nothing cut outside a terminal', () => {
  it('compare: the strongest quote whole when piped and in Markdown; cut with … only on a terminal’s width', () => {
    const args = ['compare', 'n-colour-revolution', 'n-russians-indifferent'];
    const irina = 'Iran? What Iran? We are busy trying to survive. My son is sad because (the popular online game) Roblox has been blocked. My husband has only enough income to pay the mortgage. Don’t bother me with questions about Iran,';
    expect(run([...args, '-f', 'markdown']).stdout).toContain(`“${irina}” — Irina`);
    expect(run(args).stdout).toContain(`“${irina}” — Irina`);
    expect(run(args, { env: { COLUMNS: '160' } }).stdout).toContain('husband has only enough income to…” — Irina');
  });

  it('a long speaker name is whole in piped text', () => {
    const corpus = JSON.parse(readFileSync(path.join(MINI, 'corpus.json'), 'utf8'));
    const long = 'Nikita Smagin of the Institute for Very Long Names';
    corpus.actors.find((a: { id: string }) => a.id === 'smagin').name = long;
    writeFileSync(path.join(tmp, 'long.json'), JSON.stringify(corpus));
    const out = run(['search', '"sigh of relief"', '--data', path.join(tmp, 'long.json')]).stdout;
    expect(out).toBe(`${long}  direct  breathe a sigh of relief. ¶2\n`);
  });
});

describe('dates, marks and words', () => {
  it('the search CSV carries the timeline CSV’s inferred-date columns', () => {
    const [header, ...rows] = run(['search', 'locked', ...d, '-f', 'csv']).stdout.split('\r\n');
    expect(header).toBe('id,kind,speaker_id,speaker,text,article_id,article,paragraph,span_start,span_end,date,date_inferred,as_written,channel,narratives,topics,score');
    expect(run(['timeline', ...d, '-f', 'csv']).stdout.split('\r\n')[0]).toMatch(/^id,date,date_inferred,as_written,/);
    expect(rows[0]).toMatch(/^q-trump-locked,direct,trump,Donald Trump,"We are locked, loaded and ready to go,",aj-kremlin-iran,Kremlin confident Iran protests have peaked,10,\d+,\d+,2026-01-02,false,On January 2,wrote,/);
  });

  it('one mark for an inferred date in text: ~, as in the dashboard, with its legend', () => {
    const text = run(['timeline', ...d]).stdout;
    expect(text).toContain('2025-12-28~  Protests erupt over economic hardship\n');
    expect(text.endsWith('~ date inferred (reason given)\n')).toBe(true);
    expect(text).not.toMatch(/\d\*/);
  });

  it('axes are "questions" in what validate says', () => {
    expect(run(['validate', MINI]).stdout).toMatch(/, 5 questions, /);
    expect(run(['validate', MINI, '-f', 'csv']).stdout).toContain('\r\nquestions,5\r\n');
  });

  it('actors in the one order (most quoted first, then by name)', () => {
    const names = JSON.parse(run(['actors', ...d, '-f', 'json']).stdout).map((a: { name: string; quotes: number }) => [a.quotes, a.name]);
    expect(names.slice(0, 3)).toEqual([[4, 'Donald Trump'], [3, 'Nikita Smagin'], [3, 'Russian Foreign Ministry']]);
  });
});
