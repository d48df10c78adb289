/**
 * The file store never loses work: concurrent edits merge when they do not conflict; conflicting
 * ones keep both (nothing overwritten); two processes editing at once lose nothing; kill -9 in
 * the middle of saving leaves the old study or the new, never a part. The study file is a valid
 * corpus file under `validate`; a broken one is reported with its place.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  createNarrative,
  FileStudyStore,
  initStudy,
  openStudy,
  parseStudy,
  updateNarrative,
} from '../../../src/core/study/index.js';
import { DataError, loadCorpus } from '../../../src/core/corpus/load.js';
import { ROOT, seedCopy, stamp } from './helpers.js';

const CHILD = path.join(ROOT, 'test/core/study/child-editor.ts');

function child(args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

function finished(p: ReturnType<typeof child>): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  p.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve) => p.on('close', (code) => resolve({ code, stderr })));
}

const onDisk = (file: string) => parseStudy(readFileSync(file, 'utf8'), file);

describe('two windows on one study', () => {
  it('merges edits that do not conflict: both are in the file, with both histories', async () => {
    const { txt, study } = seedCopy();
    await initStudy(study, [txt], stamp());
    const a = await openStudy(study);
    const b = await openStudy(study);
    expect((await a.edit((v) => createNarrative(v, { label: 'From A' }), stamp('a'))).status).toBe('saved');
    // b read the study before a's edit
    const r = await b.edit((v) => createNarrative(v, { label: 'From B' }), stamp('b'));
    expect(r.status).toBe('merged');
    expect(r.view.corpus.narratives.map((n) => n.label)).toEqual(['From A', 'From B']);
    expect((await a.edit((v) => createNarrative(v, { label: 'A again' }), stamp('a'))).status).toBe('merged');
    const saved = onDisk(study);
    expect(saved.narratives.map((n) => n.label)).toEqual(['From A', 'From B', 'A again']);
    expect(saved.history.map((h) => h.by)).toEqual(['a', 'b', 'a']);
    // a is up to date with the file; b is not (it has not seen a's last edit)
    expect(await new FileStudyStore(study).changedSince(a.loaded.version)).toBe(false);
    expect(await new FileStudyStore(study).changedSince(b.loaded.version)).toBe(true);
  });

  it('keeps both when edits conflict: the file keeps theirs, mine is kept beside it, the conflict is named', async () => {
    const { dir, txt, study } = seedCopy();
    const s = await initStudy(study, [txt], stamp());
    await s.edit((v) => createNarrative(v, { label: 'Shared' }), stamp());
    const a = await openStudy(study);
    const b = await openStudy(study);
    await a.edit((v) => updateNarrative(v, 'n-shared', { label: 'Renamed by A' }), stamp('a'));
    const r = await b.edit((v) => updateNarrative(v, 'n-shared', { label: 'Renamed by B' }), stamp('b'));
    expect(r.status).toBe('conflict');
    if (r.status !== 'conflict') return;
    expect(r.conflicts.map((c) => [c.coll, c.key])).toEqual([['narratives', 'n-shared']]);
    expect((r.conflicts[0]!.mine as { label: string }).label).toBe('Renamed by B');
    expect((r.conflicts[0]!.theirs as { label: string }).label).toBe('Renamed by A');
    // nothing overwritten: the file has A's; B's whole study is kept, as a study one can open
    expect(onDisk(study).narratives[0]!.label).toBe('Renamed by A');
    const kept = path.resolve(r.keptAt);
    expect(path.dirname(kept)).toBe(dir);
    expect(path.basename(kept)).toMatch(/^study\.conflict-.*\.json$/);
    expect(onDisk(kept).narratives[0]!.label).toBe('Renamed by B');
    // the window now shows what is on disk
    expect(b.view.corpus.narrativeById.get('n-shared')!.label).toBe('Renamed by A');
  });

  it('never overwrites a study file that someone broke: the edit is kept beside it', async () => {
    const { txt, study } = seedCopy();
    const s = await initStudy(study, [txt], stamp());
    writeFileSync(study, '{ "format": "narrative-lens/study-1", "study": ');
    const r = await s.edit((v) => createNarrative(v, { label: 'Mine' }), stamp());
    expect(r.status).toBe('conflict');
    if (r.status !== 'conflict') return;
    expect(r.reason).toMatch(/no longer a valid study.*broken JSON/);
    expect(readFileSync(study, 'utf8')).toBe('{ "format": "narrative-lens/study-1", "study": ');
    expect(onDisk(path.resolve(r.keptAt)).narratives.map((n) => n.label)).toEqual(['Mine']);
  });

  it('init never replaces an existing study', async () => {
    const { txt, study } = seedCopy();
    await initStudy(study, [txt], stamp());
    const before = readFileSync(study, 'utf8');
    await expect(initStudy(study, [txt], stamp())).rejects.toThrow(/exists already/);
    expect(readFileSync(study, 'utf8')).toBe(before);
  });
});

describe('two processes editing at once', () => {
  it('loses no edit: 2 × 12 narratives created by two processes are all in the file', async () => {
    const { txt, study } = seedCopy();
    await initStudy(study, [txt], stamp());
    const [x, y] = await Promise.all([finished(child(['edit', study, 'alpha', '12'])), finished(child(['edit', study, 'beta', '12']))]);
    expect(x).toEqual({ code: 0, stderr: '' });
    expect(y).toEqual({ code: 0, stderr: '' });
    const saved = onDisk(study);
    const labels = saved.narratives.map((n) => n.label).sort();
    const want = [...Array.from({ length: 12 }, (_, i) => `alpha ${i}`), ...Array.from({ length: 12 }, (_, i) => `beta ${i}`)].sort();
    expect(labels).toEqual(want);
    expect(saved.history.filter((h) => h.by === 'alpha')).toHaveLength(12);
    expect(saved.history.filter((h) => h.by === 'beta')).toHaveLength(12);
  }, 60_000);
});

describe('kill -9 during a save', () => {
  it('leaves the old study or a new one, whole, every time (also when killed mid-write)', async () => {
    const { dir, txt, study } = seedCopy();
    await initStudy(study, [txt], stamp());
    const temps = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'));
    let midWrite = 0;
    for (let round = 0; round < 12 && (round < 3 || midWrite === 0); round++) {
      const p = child(['save', study]);
      let out = '';
      const times: number[] = [];
      // it is saving in a loop: each save reads, checks, and writes about a megabyte and syncs it
      const twoSaves = new Promise<void>((resolve) =>
        p.stdout!.on('data', (d) => {
          out += d;
          while (times.length < (out.match(/saved \d+\n/g) ?? []).length) times.push(Date.now());
          if (times.length >= 2) resolve();
        }),
      );
      const exited = new Promise((resolve) => p.on('close', resolve));
      await twoSaves;
      if (round % 2 === 1) {
        // every other round: killed as soon as a write's temporary file appears, so that a kill
        // lands mid-write whatever the machine's speed (on a quiet machine the write is a small
        // part of the save cycle and the timed kills below may all miss it)
        await new Promise<void>((resolve) => {
          const w = watch(dir, (_event, name) => {
            if (name && String(name).endsWith('.tmp')) {
              p.kill('SIGKILL');
              w.close();
              resolve();
            }
          });
        });
      } else {
        // kill at a different point of the save cycle each round (a busy machine stretches it)
        const period = times[1]! - times[0]!;
        await new Promise((r) => setTimeout(r, Math.round(period * ((round * 0.37 + 0.5) % 1))));
        p.kill('SIGKILL');
      }
      await exited;
      if (temps().length > 0) midWrite++; // a write was cut short: its temporary file is left
      const now = onDisk(study); // parses and passes the schema: whole
      expect(now.title, `round ${round}`).toMatch(/^(study|round \d+)$/);
      if (now.title !== 'study') expect(now.memos, `round ${round}`).toHaveLength(3000);
    }
    expect(midWrite, 'rounds in which a kill cut a write short').toBeGreaterThan(0);
    // the next session opens and saves normally (the killed process's lock goes stale), and
    // removes the killed writes' temporary files
    const s = await openStudy(study);
    expect((await s.edit((v) => createNarrative(v, { label: 'After the kills' }), stamp())).status).toBe('saved');
    expect(temps(), 'temporary files left after the next save').toEqual([]);
    for (const f of readdirSync(dir)) expect(['article.txt', 'study.json', '.study.json.lock'], 'files in the folder').toContain(f);
  }, 90_000);
});

describe('the study file as a corpus file', () => {
  it('is valid under validate (the loader), and narrative-lens/1 files still load beside it', async () => {
    const { txt, study } = seedCopy();
    const s = await initStudy(study, [txt], stamp());
    await s.edit((v) => createNarrative(v, { label: 'N' }), stamp());
    const corpus = await loadCorpus([study, path.join(ROOT, 'data')]);
    expect(corpus.articles.length).toBe(1);
    expect(JSON.parse(readFileSync(path.join(ROOT, 'data/kremlin-iran-protests.json'), 'utf8')).format).toBe('narrative-lens/1');
  });

  it('a broken study is reported with the file and the place, by validate and by open', async () => {
    const { txt, study } = seedCopy();
    await initStudy(study, [txt], stamp());
    const raw = JSON.parse(readFileSync(study, 'utf8'));
    raw.study.codings = [{ id: 'c1', narrative: 'n-x', by: 'me', at: '2026-01-01T00:00:00Z' }];
    raw.study.narratives = [{ id: 'Bad Id', label: 'x', by: 'me', at: 'yesterday' }];
    writeFileSync(study, JSON.stringify(raw));
    const problems = await loadCorpus([study]).then(
      () => [],
      (e: DataError) => e.problems.map((p) => `${p.where}: ${p.message}`),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\$\.study\.narratives\[0\]\.id: an id is lower-case/),
        expect.stringMatching(/^\$\.study\.narratives\[0\]\.at: a time is ISO 8601/),
        expect.stringMatching(/^\$\.study\.codings\[0\]\.target: missing field/),
      ]),
    );
    await expect(openStudy(study)).rejects.toThrow(DataError);
    expect(existsSync(study)).toBe(true);
  });
});
