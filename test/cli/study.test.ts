/**
 * The study commands, run as built (`node dist/cli/main.js`) in temporary folders: init, every
 * edit as a command (with --dry-run), undo/redo across processes, the history, --study on the
 * reading commands, validate listing orphans and refusing a broken study — and the same edits
 * made through the core (as the dashboard makes them) giving the same study.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuilt, ROOT, run } from './helpers.js';
import {
  addQuestion,
  addQuote,
  applyStudy,
  codeQuotes,
  correctKind,
  correctSpeaker,
  createActor,
  createNarrative,
  markReviewed,
  newStudy,
  parseStudy,
  perform,
  rejectQuote,
  setPosition,
  type Edit,
  type Study,
} from '../../src/core/study/index.js';
import { loadCorpus } from '../../src/core/corpus/load.js';

const SEED = path.join(ROOT, 'seeds/000_77e29c8a411f06ba.txt');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A temporary folder with the seed article as article.txt; commands run there. */
function folder(): { dir: string; nl: (...args: string[]) => ReturnType<typeof run> } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nl-cli-study-'));
  dirs.push(dir);
  copyFileSync(SEED, path.join(dir, 'article.txt'));
  return { dir, nl: (...args) => run(args, { cwd: dir }) };
}

beforeAll(() => ensureBuilt(), 120_000);

const ARTICLE = 'the-kremlin-is-confident-that-mass-prote-43ab9228';
/** The study as the program reads it (the file stores each item once: parseStudy puts the history's copies back). */
const readStudy = (dir: string): Study => parseStudy(readFileSync(path.join(dir, 's.json'), 'utf8'), 's.json');

describe('init', () => {
  it('creates a study of its sources that validate accepts, and never replaces one', () => {
    const { dir, nl } = folder();
    const r = nl('init', 's.json', '--data', 'article.txt', '--author', 'ana');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^created s\.json: 1 article \(1 draft\), \d+ quotes, \d+ actors from 1 source\nopen it with: narrative-lens s\.json {3}\(or --study s\.json on any command\)\n$/);
    const study = readStudy(dir);
    expect(study.sources).toEqual([{ path: 'article.txt', hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) }]);
    expect(study.created.by).toBe('ana');
    expect(nl('validate', 's.json')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^ok: study s\.json: 1 article \(1 draft\), \d+ quotes/) });
    const before = readFileSync(path.join(dir, 's.json'), 'utf8');
    const again = nl('init', 's.json', '--data', 'article.txt');
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/s\.json: exists already; a study is never replaced/);
    expect(readFileSync(path.join(dir, 's.json'), 'utf8')).toBe(before);
    expect(nl('init', 't.json')).toMatchObject({ code: 2, stderr: expect.stringMatching(/init needs the study’s sources: --data PATH/) });
  });
});

describe('editing through commands', () => {
  it('creates and codes, with a dry run that changes nothing; reading commands see the study; undo and redo work across processes', () => {
    const { dir, nl } = folder();
    nl('init', 's.json', '--data', 'article.txt');
    expect(nl('narrative', 'create', 'Colour revolution', '--summary', 'The West stirs it', '--study', 's.json')).toMatchObject({
      code: 0,
      stdout: 'saved: create narrative “Colour revolution” (n-colour-revolution)\n  + narrative “Colour revolution” (n-colour-revolution)\n',
    });
    const before = readFileSync(path.join(dir, 's.json'), 'utf8');
    const dry = nl('code', "'color revolution", '--narrative', 'colour', '--study', 's.json', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout.split('\n')[0]).toBe('would code 4 quotes to “Colour revolution” (dry run: nothing changed)');
    expect(readFileSync(path.join(dir, 's.json'), 'utf8')).toBe(before);

    const done = nl('code', "'color revolution", '--narrative', 'colour', '--study', 's.json', '--author', 'ben', '-f', 'json');
    expect(done.code).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ status: 'saved', summary: 'code 4 quotes to “Colour revolution”' });
    // every reading command works on the study
    const found = JSON.parse(nl('search', 'narrative:colour', '--study', 's.json', '-f', 'json').stdout) as { text: string }[];
    expect(found.map((q) => q.text).sort()).toEqual(['The notorious method of ‘color revolution’ is being used by specially trained and armed provocateurs to turn peaceful protests into cruel and wanton illegal acts, pogroms and murders of law enforcement officers and civilians, including children.', 'color revolution', 'color revolution', 'color revolutions'].sort());
    expect(nl('narratives', '--study', 's.json').stdout).toMatch(/^Colour revolution {2}n-colour-revolution\n {2}The West stirs it\n/);

    expect(nl('undo', '--study', 's.json')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^saved: undo: code 4 quotes/) });
    expect(nl('search', 'narrative:colour', '--study', 's.json').code).toBe(1);
    expect(nl('redo', '--study', 's.json').code).toBe(0);
    expect(nl('search', 'narrative:colour', '--study', 's.json', '-f', 'json').stdout).toContain('color revolutions');
    expect(nl('redo', '--study', 's.json')).toMatchObject({ code: 2, stderr: expect.stringMatching(/nothing to redo/) });

    const history = nl('history', '--study', 's.json', '-f', 'json');
    const entries = JSON.parse(history.stdout) as { by: string; action: string; summary: string; undone: boolean }[];
    expect(entries.map((e) => [e.action, e.summary, e.undone])).toEqual([
      ['edit', 'create narrative “Colour revolution” (n-colour-revolution)', false],
      ['edit', 'code 4 quotes to “Colour revolution”', false],
      ['undo', 'undo: code 4 quotes to “Colour revolution”', false],
      ['redo', 'redo: code 4 quotes to “Colour revolution”', false],
    ]);
    expect(entries[1]!.by).toBe('ben');
  });

  it('refuses what cannot be done with one line and exit 2, and changes nothing', () => {
    const { dir, nl } = folder();
    nl('init', 's.json', '--data', 'article.txt');
    const before = readFileSync(path.join(dir, 's.json'), 'utf8');
    for (const [args, message] of [
      [['narrative', 'create', 'X'], /this command works on a study: give --study STUDY\.json/],
      [['code', 'relief', '--narrative', 'nope', '--study', 's.json'], /unknown narrative "nope"/],
      [['narrative', 'create', 'X', '--colour', 'puce', '--study', 's.json'], /colour "puce"/],
      [['correct', 'speaker', 'breathe a sigh of relief.', 'nobody-at-all', '--study', 's.json'], /unknown actor "nobody-at-all"/],
      [['correct', 'speaker', 'sigh of relief', 'markov', '--study', 's.json'], /"sigh of relief" finds 2 quotes/],
      [['correct', 'add-quote', ARTICLE, 'words nobody wrote', '--kind', 'term', '--study', 's.json'], /are not in article/],
      [['memo', 'x', '--on', 'planet:mars', '--study', 's.json'], /--on planet:mars: use --on quote:ID/],
      [['undo', '--study', 's.json'], /nothing to undo/],
    ] as [string[], RegExp][]) {
      const r = nl(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(readFileSync(path.join(dir, 's.json'), 'utf8')).toBe(before);
  });
});

describe('the same edits through the commands and through the core (the dashboard’s way)', () => {
  it('give the same study', async () => {
    const { dir, nl } = folder();
    const steps: [string[], (v: Parameters<typeof codeQuotes>[0]) => Edit][] = [];
    // quote ids as the extractor numbers them today, found by their words
    const draft = await loadCorpus([path.join(dir, 'article.txt')]);
    const byText = (t: string) => draft.quotes.find((r) => r.quote.text === t)!.quote.id;
    const ids = new Map([
      [34, draft.quotes.find((r) => r.quote.text.startsWith('“foreign agents” had given'))!.quote.id],
      [35, byText('foreign agents')],
      [42, byText('advanced')],
      [50, draft.quotes.find((r) => r.quote.text.startsWith('Iran? What Iran?'))!.quote.id],
      [52, byText('reform')],
    ]);
    const quoteId = (n: number) => ids.get(n)!;
    steps.push([['narrative', 'create', 'Foreign hand'], (v) => createNarrative(v, { label: 'Foreign hand' })]);
    steps.push([['code', "'foreign agents", '--narrative', 'foreign hand'], (v) => codeQuotes(v, 'n-foreign-hand', [quoteId(34), quoteId(35)])]);
    steps.push([['question', 'add', 'Who is behind the unrest?'], (v) => addQuestion(v, 'Who is behind the unrest?')]);
    steps.push([
      ['position', 'set', '--narrative', 'n-foreign-hand', '--question', 'x-who-is-behind-the-unrest', '--stance', 'foreign', '--summary', 'Agents armed them.', '--status', 'unverified', '--status-by', 'al-jazeera', '--evidence', quoteId(35)],
      (v) => setPosition(v, { narrative: 'n-foreign-hand', axis: 'x-who-is-behind-the-unrest', stance: 'foreign', summary: 'Agents armed them.', status: 'unverified', statusBy: ['al-jazeera'], evidence: [quoteId(35)] }),
    ]);
    steps.push([['correct', 'speaker', quoteId(50), 'Irina Petrova', '--new-actor', 'person'], (v) => {
      const created = createActor(v, { name: 'Irina Petrova', kind: 'person' });
      const fix = correctSpeaker(applyStudy(created.apply(v.study, { by: '', at: '' }), v.sources), quoteId(50), created.actorId);
      return { op: 'correct-speaker', summary: `${fix.summary} (new actor)`, apply: (s, st) => fix.apply(created.apply(s, st), st) };
    }]);
    steps.push([['correct', 'kind', quoteId(52), 'term'], (v) => correctKind(v, quoteId(52), 'term')]);
    steps.push([['correct', 'reject', quoteId(42)], (v) => rejectQuote(v, quoteId(42))]);
    steps.push([['correct', 'add-quote', ARTICLE, 'has not commented on the protests', '--kind', 'indirect', '--speaker', 'vladimir-putin'], (v) => addQuote(v, ARTICLE, 'has not commented on the protests', { kind: 'indirect', speaker: 'vladimir-putin' })]);
    steps.push([['review', ARTICLE], (v) => markReviewed(v, ARTICLE)]);

    nl('init', 's.json', '--data', 'article.txt', '--author', 'ana');
    for (const [args] of steps) expect(nl(...args, '--study', 's.json', '--author', 'ana'), args.join(' ')).toMatchObject({ code: 0, stderr: '' });
    const viaCommands = readStudy(dir);

    let { study, view } = await newStudy(path.join(dir, 'core.json'), [path.join(dir, 'article.txt')], { by: 'ana', at: viaCommands.created.at });
    steps.forEach(([, make], i) => {
      study = perform(study, make(view), { by: 'ana', at: viaCommands.history[i]!.at });
      view = applyStudy(study, view.sources);
    });
    // the same study, title (from the file name) aside
    expect({ ...study, title: 's' }).toEqual(viaCommands);
  });
});

describe('validate and a study’s sources changing', () => {
  it('lists orphans when a source lost the annotated text (exit 0), and refuses a broken study (exit 2, read-only)', () => {
    const { dir, nl } = folder();
    nl('init', 's.json', '--data', 'article.txt');
    nl('narrative', 'create', 'Relief', '--study', 's.json');
    nl('code', "'sigh of relief", '--narrative', 'relief', '--study', 's.json');
    // the source is re-saved without that sentence
    const txt = path.join(dir, 'article.txt');
    writeFileSync(txt, readFileSync(txt, 'utf8').replace('the Kremlin can “breathe a sigh of relief.”', 'the Kremlin is relieved.'));
    const v = nl('validate', '--study', 's.json');
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('  source changed since the study was made: article.txt');
    expect(v.stdout).toContain('1 orphaned annotation (kept in the study; it re-attaches if its text comes back):\n  coding code:n-relief:');
    expect(v.stdout).toContain('“breathe a sigh of relief.”');
    expect(nl('search', 'relief', '--study', 's.json').stderr).toMatch(/s\.json: 1 annotation is orphaned/);

    // a hand edit leaves the study pointing at an actor that does not exist
    const raw = JSON.parse(readFileSync(path.join(dir, 's.json'), 'utf8'));
    raw.study.actorEdits.push({ id: 'align:ghost', actor: 'ghost', alignment: null, by: 'x', at: '2026-01-01T00:00:00Z' });
    writeFileSync(path.join(dir, 's.json'), JSON.stringify(raw));
    const bad = nl('validate', 's.json');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain('problem: alignment edit align:ghost: unknown actor "ghost"');
    const edit = nl('narrative', 'create', 'More', '--study', 's.json');
    expect(edit.code).toBe(2);
    expect(edit.stderr).toMatch(/read-only until they are fixed/);
    // a study whose schema fails is reported with the place
    raw.study.codings[0].narrative = 'Not An Id';
    writeFileSync(path.join(dir, 's.json'), JSON.stringify(raw));
    expect(nl('validate', 's.json')).toMatchObject({ code: 2, stdout: expect.stringContaining('s.json: $.study.codings[0].narrative: an id is lower-case') });
  });

  it('opens a study given to the dashboard; without a terminal it prints (as --print)', () => {
    const { nl } = folder();
    nl('init', 's.json', '--data', 'article.txt');
    nl('narrative', 'create', 'Relief', '--study', 's.json');
    nl('code', "'sigh of relief", '--narrative', 'relief', '--study', 's.json');
    const r = nl('s.json', '-s', 'narrative:relief');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/breathe a sigh of relief\./);
    expect(nl('s.json', '--data', 'article.txt', '-s', 'x')).toMatchObject({ code: 2, stderr: expect.stringMatching(/give --study or --data, not both/) });
  });
});

describe('counts in messages', () => {
  it('read as English: one quote, two quotes (merge, validate, code, report, export)', () => {
    const { dir, nl } = folder();
    nl('init', 's.json', '--data', 'article.txt');
    expect(nl('merge-actors', 'irina', 'sergei-markov', '--dry-run', '--study', 's.json').stdout.split('\n')[0]).toBe('would merge Irina into Sergei Markov (1 quote moved) (dry run: nothing changed)');
    expect(nl('merge-actors', 'ahmed-al-shalah', 'sergei-markov', '--dry-run', '--study', 's.json').stdout.split('\n')[0]).toBe('would merge Ahmed al-Shalah into Sergei Markov (2 quotes moved) (dry run: nothing changed)');
    nl('question', 'add', 'Who is behind it?', '--study', 's.json');
    expect(nl('validate', 's.json').stdout).toMatch(/^ok: study s\.json: 1 article \(1 draft\), 54 quotes, 23 actors, 0 narratives, 1 question, 0 positions\n/);
    nl('narrative', 'create', 'Relief', '--study', 's.json');
    expect(nl('code', "'locked, loaded", '--narrative', 'relief', '--study', 's.json').stdout.split('\n')[0]).toBe('saved: code “We are locked, loaded and ready to go,” to “Relief”');
    expect(nl('code', "'locked, loaded", '--narrative', 'relief', '--study', 's.json').stderr).toBe('narrative-lens: the quote found is coded to “Relief” already\n');
    expect(nl('report', '--study', 's.json').stdout).toMatch(/Report generated by narrative-lens on [^<]* from 1 article, 1 narrative and 1 cited quote\.</);
    const exported = nl('export', '-f', 'navigator', '-o', path.join(dir, 'layer.json'), '--study', 's.json');
    expect(exported.stderr).toBe(`narrative-lens: wrote ${path.join(dir, 'layer.json')} (navigator: 1 article, 1 narrative, 54 quotes)\n`);
    expect(JSON.parse(readFileSync(path.join(dir, 'layer.json'), 'utf8')).description).toMatch(/^DISARM techniques of 1 narrative, exported/);
  });
});
