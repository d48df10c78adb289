/** The export, report and techniques commands, run as built, as a user would. */
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { ensureBuilt, run, TERMINAL_UNSAFE } from '../../cli/helpers.js';
import { HOSTILE, PROJECT_XSD, ROOT, tempDir, xmllintErrors } from './helpers.js';
import { stixProblems } from './stix-validate.js';

const dir = tempDir('nl-export-cli-');
beforeAll(() => ensureBuilt(), 120_000);

describe('narrative-lens export', () => {
  it('--format qdpx --out writes a project that validates; a second time refuses to overwrite without --force', () => {
    const out = path.join(dir, 'iran.qdpx');
    const r = run(['export', '--format', 'qdpx', '--out', out]);
    expect(r.stderr).toBe(`narrative-lens: wrote ${out} (qdpx: 1 article, 8 narratives, 63 quotes)\n`);
    expect(r.code).toBe(0);
    const qde = path.join(dir, 'iran.qde');
    writeFileSync(qde, strFromU8(unzipSync(readFileSync(out))['project.qde']!));
    expect(xmllintErrors(qde, PROJECT_XSD)).toBe('');
    const again = run(['export', '--format', 'qdpx', '--out', out]);
    expect([again.code, again.stderr]).toEqual([2, `narrative-lens: ${out}: already exists\nnarrative-lens: use --force to overwrite it\n`]);
    expect(run(['export', '--format', 'qdpx', '--out', out, '--force']).code).toBe(0);
  });

  it('--format stix prints a valid bundle; the format follows from --out’s name', () => {
    const r = run(['export', '-f', 'stix']);
    expect(r.code).toBe(0);
    expect(stixProblems(JSON.parse(r.stdout))).toEqual([]);
    const layer = path.join(dir, 'iran.layer.json');
    expect(run(['export', '-o', layer]).code).toBe(0);
    expect(JSON.parse(readFileSync(layer, 'utf8')).versions.layer).toBe('4.5');
  });

  it('the hostile corpus exports in every format without a control character on the way out', () => {
    for (const f of ['stix', 'navigator']) {
      const r = run(['export', '-f', f, '--data', HOSTILE]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(TERMINAL_UNSAFE);
    }
    const out = path.join(dir, 'hostile.qdpx');
    expect(run(['export', '-f', 'qdpx', '-o', out, '--data', HOSTILE]).code).toBe(0);
  });

  it('says what is wrong, one line and a hint, exit 2', () => {
    const wrong = run(['export', '-f', 'json']);
    expect([wrong.code, wrong.stderr]).toEqual([2, 'narrative-lens: export cannot write --format json\nnarrative-lens: choose one of qdpx, stix, navigator (search, actors, … print json, csv and markdown)\n']);
    expect(run(['export']).stderr).toMatch(/^narrative-lens: export needs --format qdpx, stix or navigator\n/);
    expect(run(['export', '-f', 'qdpx']).stderr).toMatch(/give --out FILE\.qdpx/);
    const nofolder = run(['export', '-f', 'stix', '-o', path.join(dir, 'no/such/folder/x.json')]);
    expect(nofolder.code).toBe(2);
    expect(nofolder.stderr).toMatch(/^narrative-lens: .*x\.json: folder .*: /);
    expect(nofolder.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('narrative-lens import', () => {
  it('brings an exported project back as a corpus file that validates, with every quote and its ids', () => {
    const qdpx = path.join(dir, 'round.qdpx');
    expect(run(['export', '-f', 'qdpx', '-o', qdpx]).code).toBe(0);
    const back = path.join(dir, 'back.json');
    const r = run(['import', qdpx, '-o', back]);
    expect(r.stderr).toBe(`narrative-lens: ${qdpx} (from narrative-lens): 1 text, 8 codes as narratives, 63 coded passages, 46 cases as actors → ${back}\n`);
    expect(r.code).toBe(0);
    expect(run(['validate', back]).code).toBe(0);
    const original = JSON.parse(run(['search', '', '-f', 'json']).stdout) as { id: string; text: string; narratives: string[] }[];
    const again = JSON.parse(run(['search', '', '-f', 'json', '--data', back]).stdout) as typeof original;
    const key = (q: (typeof original)[number]) => `${q.id} ${q.text} ${q.narratives.join(',')}`;
    expect(again.map(key).sort()).toEqual(original.map(key).sort());
  });

  it('a file that is no .qdpx: one line, exit 2', () => {
    const bad = path.join(dir, 'bad.qdpx');
    writeFileSync(bad, 'hello');
    const r = run(['import', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^narrative-lens: .*bad\.qdpx: not a \.qdpx \(zip\) archive/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('narrative-lens report', () => {
  it('--out FILE.html writes the page; .md gives Markdown; --compare picks the columns', () => {
    const html = path.join(dir, 'iran.html');
    expect(run(['report', '--out', html]).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*<section id="comparison">/);
    const md = path.join(dir, 'iran.md');
    expect(run(['report', '--out', md, '--compare', 'colour,home-grown']).code).toBe(0);
    expect(readFileSync(md, 'utf8')).toContain('| Question | Western-orchestrated colour revolution | Home-grown protests over real grievances |');
    expect(run(['report', '--compare', 'colour']).stderr).toMatch(/--compare needs two or more narratives/);
    expect(run(['report', '--compare', 'colour,zzzz']).code).toBe(2);
  });
});

describe('narrative-lens techniques', () => {
  it('finds DISARM techniques by id or words; nothing found exits 1', () => {
    const r = run(['techniques', 'T0022', '-f', 'json']);
    expect(JSON.parse(r.stdout).map((t: { id: string }) => t.id)).toEqual(['T0022', 'T0022.001', 'T0022.002']);
    expect(run(['techniques', 'diplomatic']).stdout).toMatch(/^T0110 +Formal Diplomatic Channels +\(TA07 Select Channels and Affordances\)\n/);
    expect(run(['techniques', 'zzzqqq']).code).toBe(1);
  });
});


describe('with a study (--study)', () => {
  it('tag by id, export what the study holds, import it into a fresh study over the same sources, undo it at once', () => {
    const txt = path.join(dir, 'a.txt');
    copyFileSync(path.join(ROOT, 'seeds/000_77e29c8a411f06ba.txt'), txt);
    const s1 = path.join(dir, 's1.json');
    const s2 = path.join(dir, 's2.json');
    for (const s of [s1, s2]) expect(run(['init', s, '--data', txt]).code).toBe(0);
    expect(run(['narrative', 'create', 'Colour revolution', '--summary', 'The West stirs it', '--colour', 'red', '--study', s1]).code).toBe(0);
    expect(run(['code', 'color revolution', '--narrative', 'colour', '--study', s1]).code).toBe(0);
    expect(run(['tag', 't22.1', 'T0110', '--narrative', 'colour', '--study', s1]).code).toBe(0);
    const unknown = run(['tag', 'T9999', '--study', s1]);
    expect([unknown.code, unknown.stderr.split('\n')[0]]).toEqual([2, 'narrative-lens: "T9999" is not a DISARM technique id']);

    expect(run(['tag', '--threat-actor', 'zakharova', '--study', s1]).code).toBe(0);
    const stix = JSON.parse(run(['export', '-f', 'stix', '--study', s1]).stdout);
    expect(stixProblems(stix)).toEqual([]);
    expect(stix.objects.filter((o: { type: string }) => o.type === 'threat-actor').map((o: { name: string }) => o.name)).toEqual(['Mariya Zakharova']);
    const layer = JSON.parse(run(['export', '-f', 'navigator', '--study', s1]).stdout);
    expect(layer.techniques.map((t: { techniqueID: string }) => t.techniqueID)).toEqual(['T0022.001', 'T0110']);

    const qdpx = path.join(dir, 's1.qdpx');
    expect(run(['export', '-f', 'qdpx', '-o', qdpx, '--study', s1]).code).toBe(0);
    expect(run(['import', qdpx, '--study', s1]).stderr).toMatch(/nothing new/);
    const imported = run(['import', qdpx, '--study', s2]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/^saved: import .*\n {2}\+ narrative “Colour revolution” \(n-colour-revolution\)\n/);
    const coded = (s: string) => (JSON.parse(run(['search', 'narrative:colour', '-f', 'json', '--study', s]).stdout) as { text: string }[]).map((q) => q.text).sort();
    expect(coded(s2)).toEqual(coded(s1));
    expect(coded(s2).length).toBeGreaterThan(1);
    expect(run(['report', '-o', path.join(dir, 'study.html'), '--force', '--study', s2]).code).toBe(0);
    expect(readFileSync(path.join(dir, 'study.html'), 'utf8')).toContain('Colour revolution');
    expect(run(['undo', '--study', s2]).code).toBe(0);
    expect(run(['search', 'narrative:colour', '--study', s2]).code).toBe(1);
  });

  it('tag on a narrative changes only the named tags: the inferred ones keep their provenance and reason', () => {
    const data = path.join(dir, 'bundled.json');
    copyFileSync(path.join(ROOT, 'data/kremlin-iran-protests.json'), data);
    const s = path.join(dir, 'tags.json');
    expect(run(['init', s, '--data', data]).code).toBe(0);
    const comments = () => {
      const layer = JSON.parse(run(['export', '-f', 'navigator', '--study', s]).stdout) as { techniques: { techniqueID: string; comment: string }[] };
      return Object.fromEntries(layer.techniques.map((t) => [t.techniqueID, t.comment]));
    };
    const before = comments();
    expect(before['T0003']).toMatch(/^Western-orchestrated colour revolution \(inferred: Inferred by the curator/);

    const tagged = run(['tag', 'T0049', '--narrative', 'colour', '--study', s]);
    expect([tagged.code, tagged.stdout.split('\n')[0]]).toEqual([0, 'saved: tag narrative “Western-orchestrated colour revolution” with T0049']);
    const after = comments();
    expect(after['T0049']).toBe('Western-orchestrated colour revolution');
    // every tag the bundled data inferred reads as before: still "inferred: <its reason>"
    for (const [id, comment] of Object.entries(before)) expect(after[id], id).toBe(comment);
    const md = run(['report', '-f', 'markdown', '--study', s]).stdout;
    expect(md).toMatch(/- DISARM T0003 .* — inferred: Inferred by the curator/);

    // naming an inferred tag makes it the analyst's own; its reason stays
    const confirmed = run(['tag', 'T0003', '--narrative', 'colour', '--study', s]);
    expect(confirmed.stdout.split('\n')[0]).toBe('saved: confirm the inferred T0003 on narrative “Western-orchestrated colour revolution”');
    expect(comments()['T0003']).toMatch(/^Western-orchestrated colour revolution \(Inferred by the curator/);
    expect(run(['undo', '--study', s]).code).toBe(0);
    expect(comments()['T0003']).toBe(before['T0003']);
  });
});
