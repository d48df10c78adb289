/**
 * Hostile data through every command and format of the BUILT command (node dist/cli/main.js):
 * text, CSV and Markdown never carry a control, bidi or invisible character to stdout or stderr
 * (the colour sequences the printers add themselves aside, when colour is on); JSON and NDJSON
 * keep the exact data (compared field by field after parsing); Persian, Russian, Chinese, Hindi
 * and emoji come through unchanged. The corpus: test/fixtures/hostile (see its build.ts).
 */
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CorpusFile, type CorpusFileInput } from '../../src/core/corpus/schema.js';
import { HOSTILE_DIR, ensureBuilt, runAll, runAsync, unsafeIn, type Result } from './helpers.js';
import { SCRIPTS, SEQ } from '../fixtures/hostile/build.js';
import { tempDir } from '../temp.js';

/** this file's temporary folders, removed when it ends */
const TMP = tempDir('nl-test-');

const CORPUS = path.join(HOSTILE_DIR, 'corpus.json');
const ARTICLE = path.join(HOSTILE_DIR, 'article.txt');
const BROKEN = path.join(HOSTILE_DIR, 'broken');
const input = JSON.parse(readFileSync(CORPUS, 'utf8')) as CorpusFileInput;
const data = CorpusFile.parse(input);
const actorById = new Map(data.actors.map((a) => [a.id, a]));
const quoteById = new Map(data.articles.flatMap((a) => a.quotes.map((q) => [q.id, { q, a }] as const)));

/** Every command that prints data, on the hostile corpus. */
const COMMANDS: [string, string[]][] = [
  ['search (every quote)', ['search', '']],
  ['search with matches', ['search', 'win']],
  ['actors', ['actors']],
  ['an actor’s profile', ['actors', 'minister']],
  ['narratives', ['narratives']],
  ['one narrative', ['narratives', 'n-a']],
  ['compare', ['compare', 'n-a', 'n-b']],
  ['timeline', ['timeline']],
  ['validate', ['validate']],
  ['the default command, printing', ['--search', 'minister', '--print']],
  ['--pane actors, printing', ['--pane', 'actors', '--print']],
];

function assertInert(r: Result, opts: { crlf?: boolean; sgr?: boolean } = {}): void {
  const what = `${r.args.join(' ')} (exit ${r.code})`;
  expect(unsafeIn(r.stdout, opts), `stdout of ${what}`).toBeNull();
  expect(unsafeIn(r.stderr), `stderr of ${what}`).toBeNull();
}

beforeAll(() => ensureBuilt(), 180_000);

describe('hostile data: text, CSV and Markdown are inert, for every command', () => {
  for (const format of ['text', 'csv', 'markdown'] as const) {
    it(`--format ${format}`, async () => {
      const results = await runAll(COMMANDS.map(([, args]) => ({ args: [...args, '--data', CORPUS, '--format', format] })));
      for (const r of results) {
        expect(r.code, `${r.args.join(' ')}: ${r.stderr}`).toBe(0);
        expect(r.stdout.length).toBeGreaterThan(0);
        assertInert(r, { crlf: format === 'csv' });
      }
      // valid text in any script is untouched
      const all = results.map((r) => r.stdout).join('\n');
      for (const s of [SCRIPTS.russian, SCRIPTS.chinese, SCRIPTS.emoji, 'Мария Захарова', 'محمد جواد']) expect(all).toContain(s);
      if (format !== 'markdown') expect(all).toContain(SCRIPTS.persian); // markdown escapes nothing in it either, but wraps no cell
      // the sequences are shown, visibly (Markdown escapes [ and < as well)
      const shown = format === 'markdown' ? ['␛\\[2J␛\\[H', '&lt;U+202E&gt;evil&lt;U+202C&gt;', '&lt;U+009B&gt;2J'] : ['␛[2J␛[H', '<U+202E>evil<U+202C>', '<U+009B>2J'];
      for (const s of shown) expect(all).toContain(s);
    }, 120_000);
  }

  it('text with colour on (FORCE_COLOR), wrapped to 60 and to 30 columns: only the printers’ own colour sequences', async () => {
    const list = COMMANDS.flatMap(([, args]) => [
      { args: [...args, '--data', CORPUS], env: { FORCE_COLOR: '1', COLUMNS: '60' } },
      { args: [...args, '--data', CORPUS], env: { COLUMNS: '30' } },
    ]);
    const results = await runAll(list);
    let styled = 0;
    for (const r of results) {
      expect(r.code, `${r.args.join(' ')}: ${r.stderr}`).toBe(0);
      assertInert(r, { sgr: true });
      // eslint-disable-next-line no-control-regex
      if (/\u001b\[/.test(r.stdout)) styled++;
    }
    expect(styled).toBeGreaterThan(0); // colour was really on for some
  }, 120_000);

  it('a raw hostile article: extracted on the fly (--data article.txt) and printed inert', async () => {
    const results = await runAll(
      (['text', 'csv', 'markdown'] as const).flatMap((format) => [
        { args: ['search', '', '--data', ARTICLE, '--format', format] },
        { args: ['actors', '--data', ARTICLE, '--format', format] },
      ]),
    );
    for (const r of results) {
      expect(r.code, r.stderr).toBe(0);
      assertInert(r, { crlf: r.args.includes('csv') });
    }
    expect(results[0]!.stdout).toContain(SCRIPTS.persian);
  }, 60_000);
});

describe('hostile data: shell completion', () => {
  it('offers only names that cannot drive the terminal (ids always), one per line', async () => {
    const results = await runAll([
      { args: ['__complete', '--data', CORPUS, 'actors', ''] },
      { args: ['__complete', '--data', CORPUS, '--compare', ''] },
      { args: ['__complete', '--data', CORPUS, 'search', 'speaker:'] },
    ]);
    for (const r of results) {
      expect(r.code).toBe(0);
      expect(unsafeIn(r.stdout), r.args.join(' ')).toBeNull();
    }
    const actors = results[0]!.stdout.trimEnd().split('\n');
    expect(actors).toEqual(expect.arrayContaining(['minister', 'critic', 'president', 'Мария Захарова', 'محمد جواد']));
    expect(results[1]!.stdout.trimEnd().split('\n')).toEqual(expect.arrayContaining(['n-a', 'n-b']));
  });
});

describe('hostile data: JSON and NDJSON keep the exact data', () => {
  const json = async (args: string[]) => {
    const r = await runAsync([...args, '--data', CORPUS, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(unsafeIn(r.stdout), 'raw JSON output').toBeNull(); // escaped as \uXXXX
    expect(unsafeIn(r.stderr)).toBeNull();
    return JSON.parse(r.stdout) as unknown;
  };

  it('search: every quote’s text, speaker name, article title, channel and dates', async () => {
    const recs = (await json(['search', ''])) as { id: string; text: string; speakerName: string | null; articleTitle: string; channel: string | null; when: unknown; topics: string[] }[];
    expect(recs.length).toBe(quoteById.size);
    for (const r of recs) {
      const { q, a } = quoteById.get(r.id)!;
      expect(r.text).toBe(q.text);
      expect(r.speakerName).toBe(q.speaker ? actorById.get(q.speaker)!.name : null);
      expect(r.articleTitle).toBe(a.title);
      expect(r.channel).toBe(q.channel);
      expect(r.when).toEqual(q.when);
      expect(r.topics).toEqual(q.topics);
    }
  });

  it('actors, an actor’s profile (mentions and silences too), narratives, the timeline and a comparison', async () => {
    const actors = (await json(['actors'])) as { id: string; name: string; aliases: string[]; role: string | null; affiliation: string | null; country: string | null; profile: string; alignment: unknown }[];
    for (const r of actors) {
      const a = actorById.get(r.id)!;
      expect({ name: r.name, aliases: r.aliases, role: r.role, affiliation: r.affiliation, country: r.country, profile: r.profile, alignment: r.alignment }).toEqual({
        name: a.name,
        aliases: a.aliases,
        role: a.role,
        affiliation: a.affiliation,
        country: a.country,
        profile: a.profile,
        alignment: a.alignment,
      });
    }
    const art = data.articles[0]!;
    const profile = (await json(['actors', 'minister'])) as { mentions: { text: string }[]; silences: unknown[]; narratives: { label: string }[] };
    expect(profile.mentions.map((m) => m.text)).toEqual(art.mentions.map((m) => m.text));
    expect(profile.narratives.map((n) => n.label)).toEqual([data.narratives[0]!.label]);
    const president = (await json(['actors', 'president'])) as { silences: { about: string; text: string }[] };
    expect(president.silences.map((s) => [s.about, s.text])).toEqual(art.silences.map((s) => [s.about, s.text]));

    const narratives = (await json(['narratives'])) as { id: string; label: string; summary: string; keyTerms: string[]; positions: { question: string; stance: string; summary: string }[] }[];
    for (const r of narratives) {
      const n = data.narratives.find((x) => x.id === r.id)!;
      expect([r.label, r.summary, r.keyTerms]).toEqual([n.label, n.summary, n.keyTerms]);
      for (const p of r.positions) {
        const src = data.positions.find((x) => x.narrative === r.id && x.stance === p.stance)!;
        expect(p.summary).toBe(src.summary);
        expect(p.question).toBe(data.axes.find((x) => x.id === src.axis)!.question);
      }
    }

    const events = (await json(['timeline'])) as { label: string; text: string; when: unknown }[];
    expect(events.map((e) => [e.label, e.text, e.when])).toEqual(art.events.map((e) => [e.label, e.text, e.when]));

    const cmp = (await json(['compare', 'n-a', 'n-b'])) as { rows: { axis: { question: string }; cells: { position: { stance: string; statusNote: string | null } | null; strongest: { text: string } | null }[] }[] };
    const row = cmp.rows.find((r) => r.axis.question === data.axes[0]!.question)!;
    expect(row.cells[0]!.position!.statusNote).toBe(data.positions[0]!.statusNote);
    expect(row.cells[0]!.strongest!.text).toBe(quoteById.get('q-win')!.q.text);
  });

  it('NDJSON: one exact record per line', async () => {
    const r = await runAsync(['search', '', '--data', CORPUS, '--format', 'ndjson']);
    expect(unsafeIn(r.stdout)).toBeNull();
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBe(quoteById.size);
    for (const l of lines) {
      const rec = JSON.parse(l) as { id: string; text: string };
      expect(rec.text).toBe(quoteById.get(rec.id)!.q.text);
    }
  });

  it('extract: the draft keeps the article’s exact text, every span equal to its text, yet no raw control reaches stdout', async () => {
    const r = await runAsync(['extract', ARTICLE]);
    expect(r.code, r.stderr).toBe(0);
    expect(unsafeIn(r.stdout)).toBeNull();
    const draft = CorpusFile.parse(JSON.parse(r.stdout));
    const art = draft.articles[0]!;
    expect(art.text).toBe(readFileSync(ARTICLE, 'utf8'));
    const cps = Array.from(art.text);
    for (const q of art.quotes) expect(cps.slice(q.span.start, q.span.end).join('')).toBe(q.text);
    expect(art.quotes.length).toBeGreaterThan(0);
  });
});

describe('hostile data in error messages', () => {
  it('validate: broken files whose problems quote hostile text, in every format (JSON keeps it exactly)', async () => {
    const files = ['unknown-field.json', 'wrong-type.json', 'span-off.json', 'raw-escape.json'].map((f) => path.join(BROKEN, f));
    const results = await runAll((['text', 'csv', 'markdown', 'json'] as const).flatMap((format) => files.map((f) => ({ args: ['validate', f, '--format', format] }))));
    for (const r of results) {
      expect(r.code, r.args.join(' ')).toBe(2);
      expect(unsafeIn(r.stdout, { crlf: r.args.includes('csv') }), r.args.join(' ')).toBeNull();
      expect(unsafeIn(r.stderr)).toBeNull();
    }
    const text = results.filter((r) => r.args.includes('text')).map((r) => r.stdout).join('');
    expect(text).toContain('unknown field "field ␛[2J␛[H ␛]52;c;cm0gLXJmIH4K␇"');
    expect(text).toMatch(/span-off\.json: \$\.articles\[0\]\.quotes\[0\]\.span: span 2-9 holds/);
    expect(text).toMatch(/raw-escape\.json: line 1, column 17: broken JSON/);
    const asJson = results.find((r) => r.args.includes('json') && r.args.some((a) => a.endsWith('unknown-field.json')))!;
    const problems = (JSON.parse(asJson.stdout) as { problems: { message: string }[] }).problems;
    expect(problems[0]!.message).toBe(`unknown field "field ${SEQ.clear} ${SEQ.osc52}"`);
  }, 60_000);

  it('every other command on a broken hostile file: one inert line per problem on stderr, exit 2', async () => {
    const results = await runAll(COMMANDS.filter(([name]) => name !== 'validate').map(([, args]) => ({ args: [...args, '--data', path.join(BROKEN, 'span-off.json')] })));
    for (const r of results) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(unsafeIn(r.stderr)).toBeNull();
      expect(r.stderr).toMatch(/span-off\.json: \$\.articles\[0\]\.quotes\[0\]\.span: span 2-9 holds ".*", not the "(␛|\\u001b)\[2J(␛|\\u001b)\[H not the text <U\+009B>2J" given as text/);
    }
  }, 60_000);

  it('a hostile file or folder name, and hostile words typed on the command line, are shown inert', async () => {
    const dir = mkdtempSync(path.join(TMP, 'nl-hostile-names-'));
    const evil = `evil${SEQ.title}${SEQ.rlo}${SEQ.c1csi}`;
    const folder = path.join(dir, `dir${SEQ.osc52}`);
    mkdirSync(folder);
    writeFileSync(path.join(folder, `${evil}.json`), '{"articles": [');
    writeFileSync(path.join(folder, `${evil}.md`), 'notes');
    for (let i = 0; i < 12; i++) writeFileSync(path.join(folder, `${evil}-${i}.json`), '{');
    const results = await runAll([
      { args: ['search', 'x', '--data', folder], cwd: dir },
      { args: ['validate', folder], cwd: dir },
      { args: ['validate', folder, '--format', 'csv'], cwd: dir },
      { args: ['validate', folder, '--format', 'markdown'], cwd: dir },
      { args: ['search', 'x', '--data', path.join(dir, `missing${SEQ.clear}.json`)] },
      { args: ['extract', path.join(dir, `missing${SEQ.osc8}.txt`)] },
      { args: ['actors', `${SEQ.clear}qqqqqq${SEQ.rlo}`, '--data', CORPUS] },
      { args: ['compare', `${SEQ.osc52}`, 'n-a', '--data', CORPUS] },
      { args: ['narratives', `${SEQ.dcs}qqqqqq`, '--data', CORPUS] },
      { args: ['search', `${SEQ.osc52}${SEQ.c1osc}`, '--data', CORPUS] },
      { args: ['search', `speaker:${SEQ.clear}qqqqqq`, '--data', CORPUS] },
      { args: ['search', '"unclosed', '--data', CORPUS] },
      { args: ['actors', '--format', SEQ.clear, '--data', CORPUS] },
      { args: ['actors', `--${SEQ.title}`, '--data', CORPUS] },
      { args: [`${SEQ.rlo}command`] },
      { args: ['extract', ARTICLE, '--date', SEQ.osc52] },
      { args: ['extract', ARTICLE, '--out', path.join(dir, `x${SEQ.clear}`, 'out.json')] },
    ]);
    for (const r of results) {
      expect(r.code, `${r.args.join(' ')}: ${r.stderr}`).not.toBe(0);
      expect(unsafeIn(r.stdout, { crlf: r.args.includes('csv') }), r.args.join(' ')).toBeNull();
      expect(unsafeIn(r.stderr), `${JSON.stringify(r.args)}: ${JSON.stringify(r.stderr)}`).toBeNull();
      expect(r.stderr).not.toMatch(/^\s+at /m); // no stack trace
    }
    // the names are there, visibly
    expect(results[0]!.stderr).toContain('evil␛]0;pwned␇<U+202E>evil<U+202C><U+009B>2J');
    expect(results[0]!.stderr).toMatch(/and \d+ more problems; see them all with/);
  }, 90_000);
});
