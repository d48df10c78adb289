import { beforeAll, describe, expect, it } from 'vitest';
import { csvObjects, ensureBuilt, MINI, run, STACK } from './helpers.js';

beforeAll(ensureBuilt, 120_000);

const d = ['--data', MINI];

describe('actors', () => {
  it('lists actors, most quoted first, in text with a header', () => {
    const r = run(['actors', ...d]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+KIND\s+QUOTES\s+ROLE · ALIGNMENT$/);
    expect(lines[1]).toMatch(/^Donald Trump\s+person\s+4\s+President of the United States$/);
    expect(lines).toHaveLength(11);
  });

  it('json, ndjson, csv and markdown lists', () => {
    const j = JSON.parse(run(['actors', ...d, '-f', 'json']).stdout);
    expect(j).toHaveLength(10);
    expect(j[0]).toMatchObject({ id: 'trump', name: 'Donald Trump', kind: 'person', quotes: 4 });
    expect(run(['actors', ...d, '-f', 'ndjson']).stdout.trimEnd().split('\n').map((l) => JSON.parse(l).id)).toEqual(j.map((a: { id: string }) => a.id));
    const rows = csvObjects(run(['actors', ...d, '-f', 'csv']).stdout);
    expect(rows.find((r) => r.id === 'markov')).toMatchObject({ name: 'Sergei Markov', alignment: 'pro-Kremlin', alignment_inferred: 'false', quotes: '1' });
    const md = run(['actors', ...d, '-f', 'markdown']).stdout.split('\n');
    expect(md[0]).toBe('| Actor | Kind | Role | Alignment | Quotes |');
    expect(md).toContain('| Sergei Markov `markov` | person | pro-Kremlin analyst | pro-Kremlin | 1 |');
  });

  it('a profile by part of a name: facts, profile, quotes', () => {
    const r = run(['actors', 'smagin', ...d]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Nikita Smagin {2}person · smagin\n/);
    expect(r.stdout).toMatch(/alignment\s+Kremlin critic \(inferred\): fled Russia after the invasion/);
    expect(r.stdout).toMatch(/Quotes \(3\)\ndirect\s+breathe a sigh of relief\./);
  });

  it('a profile as JSON has quotes, mentions, silences and narratives', () => {
    const p = JSON.parse(run(['actors', 'Vladimir Putin', ...d, '-f', 'json']).stdout);
    expect(p).toMatchObject({ id: 'putin', quotes: [], narratives: [] });
    expect(p.mentions[0]).toMatchObject({ text: 'Vladimir Putin', paragraph: 11 });
    expect(p.silences[0]).toMatchObject({ id: 's-putin', about: 'the protests in Iran' });
    const z = JSON.parse(run(['actors', 'zakharova', ...d, '-f', 'json']).stdout);
    expect(z.quotes.map((q: { id: string }) => q.id)).toEqual(['q-zakharova-colour', 'q-zakharova-unacceptable']);
    expect(z.narratives).toEqual([{ id: 'n-colour', label: 'Western-orchestrated colour revolution' }]);
  });

  it('an unknown name lists the closest actors, exit 2', () => {
    const r = run(['actors', 'zakhrv', ...d]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^narrative-lens: unknown actor "zakhrv"; closest: Mariya Zakharova \(zakharova\)/);
    expect(r.stderr).toMatch(/narrative-lens actors/);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('an ambiguous name lists the candidates, exit 2', () => {
    const r = run(['actors', 'foreign']); // the bundled data: the ministry and its spokeswoman
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"foreign" matches several actors: .*Mariya Zakharova \(actor-zakharova\).*Russian Foreign Ministry/);
  });
});

describe('narratives', () => {
  it('lists narratives with summary, proponents and key terms', () => {
    const r = run(['narratives', ...d]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Western-orchestrated colour revolution {2}n-colour\n {2}The protests are a colour revolution staged by the West\.\n {2}proponents\s+Russian Foreign Ministry, Mariya Zakharova\n/);
    const j = JSON.parse(run(['narratives', ...d, '-f', 'json']).stdout);
    expect(j.map((n: { id: string }) => n.id)).toEqual(['n-colour', 'n-subsided', 'n-us-help', 'n-powerless']);
    expect(j[0].positions).toHaveLength(3);
    const rows = csvObjects(run(['narratives', ...d, '-f', 'csv']).stdout);
    expect(rows[2]).toMatchObject({ id: 'n-us-help', proponents: 'Donald Trump', key_terms: 'help is on the way', positions: '2', quotes: '3' });
  });

  it('one narrative shows its position on each question', () => {
    const r = run(['narratives', 'colour', ...d]);
    expect(r.stdout).toMatch(/Who is behind the unrest\?\s+foreign-instigated — Western countries and trained provocateurs\./);
    expect(r.stdout).toMatch(/secure \[contested\] — Stability will return\./);
    const md = run(['narratives', 'colour', ...d, '-f', 'markdown']).stdout;
    expect(md).toMatch(/^## Western-orchestrated colour revolution\n/);
    expect(md).toContain('| Who is behind the unrest? | **foreign-instigated** | Western countries and trained provocateurs. | supported |');
  });
});

describe('compare', () => {
  const cmp = (...more: string[]) => run(['compare', 'colour revolution', 'us help', 'russia can do little', ...d, ...more]);

  it('markdown: the grid, a column per narrative, a row per question, marks in words', () => {
    const r = cmp('-f', 'markdown');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('| Question | **Western-orchestrated colour revolution** | **US help for the protesters** | **Russia can do little** |');
    expect(lines[1]).toBe('| --- | --- | --- | --- |');
    const outsiders = lines.find((l) => l.startsWith('| What should outsiders do? |'))!;
    const cells = outsiders.split(' | ');
    expect(cells[1]).toMatch(/^\*\*stay out\*\* \\\[agree\\\] \\\[conflict\\\]<br>Outside pressure is illegal\.<br>“illegal pressure from Western countries” — Russian Foreign Ministry$/);
    expect(cells[2]).toMatch(/^\*\*intervene\*\* \\\[conflict\\\]/);
    expect(cells[3]).toMatch(/^\*\*stay out\*\* \\\[agree\\\] \\\[conflict\\\]/);
    // a question none of them answers is left out; one they partly answer shows [silent]
    expect(r.stdout).not.toContain('How many have died?');
    expect(lines.find((l) => l.startsWith('| Is the Iranian leadership secure? |'))).toMatch(/contested — Nikita Smagin\\\].*_\[silent\]_ \| _\[silent\]_ \|$/);
    expect(r.stdout).toMatch(/Marks: /);
  });

  it('text: side by side when wide, stacked when narrow; marks are words, not colour', () => {
    const w = run(['compare', 'colour', 'us help', ...d], { env: { COLUMNS: '120' } });
    expect(w.stdout.split('\n')[0]).toMatch(/^question\s+│ Western-orchestrated colour revolution\s+│ US help for the protesters$/);
    expect(w.stdout).toMatch(/foreign-instigated \[conflict\]\s+│ domestic grievances \[conflict\]/);
    for (const l of w.stdout.split('\n')) expect([...l].length).toBeLessThanOrEqual(120);
    const n = run(['compare', 'colour', 'us help', ...d], { env: { COLUMNS: '50' } });
    expect(n.stdout).toMatch(/^1\. Western-orchestrated colour revolution\n2\. US help for the protesters\n/);
    expect(n.stdout).toMatch(/Who is behind the unrest\?\n {2}1\. Western-orchestrated colour revolution\n {5}foreign-instigated \[conflict\]/);
    for (const l of n.stdout.split('\n')) expect([...l].length).toBeLessThanOrEqual(50);
  });

  it('json, ndjson and csv carry every cell', () => {
    const j = JSON.parse(cmp('-f', 'json').stdout);
    expect(j.narratives.map((n: { id: string }) => n.id)).toEqual(['n-colour', 'n-us-help', 'n-powerless']);
    expect(j.rows.map((r: { axis: { id: string } }) => r.axis.id)).toEqual(['x-behind', 'x-secure', 'x-outsiders', 'x-russia']);
    const secure = j.rows[1].cells[0];
    expect(secure).toMatchObject({ narrative: 'n-colour', marks: ['contested'], position: { stance: 'secure', status: 'contested', statusBy: ['smagin'] }, strongest: { id: 'q-zakharova-unacceptable', speaker: 'zakharova' } });
    expect(j.rows[1].cells[1]).toMatchObject({ marks: ['silent'], position: null, strongest: null });
    expect(cmp('-f', 'ndjson').stdout.trimEnd().split('\n')).toHaveLength(12);
    const rows = csvObjects(cmp('-f', 'csv').stdout);
    expect(rows).toHaveLength(12);
    expect(rows[0]).toMatchObject({ axis_id: 'x-behind', narrative_id: 'n-colour', marks: 'conflict', stance: 'foreign-instigated', quote_id: 'q-zakharova-colour', speaker: 'Mariya Zakharova' });
  });

  it('comma lists work too; fewer than two or an unknown narrative is exit 2', () => {
    expect(run(['compare', 'n-colour,n-us-help', ...d, '-f', 'json']).code).toBe(0);
    const one = run(['compare', 'colour', ...d]);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/compare needs two or more narratives/);
    const bad = run(['compare', 'colour', 'flat earth', ...d]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^narrative-lens: unknown narrative "flat earth"/);
    expect(bad.stderr).toMatch(/narrative-lens narratives/);
  });
});

describe('timeline', () => {
  it('events in date order, undated last; inferred dates marked', () => {
    const j = JSON.parse(run(['timeline', ...d, '-f', 'json']).stdout);
    expect(j.map((e: { id: string }) => e.id)).toEqual(['e-assad', 'e-erupt', 'e-trump-post', 'e-mfa']);
    expect(j[1]).toMatchObject({ when: { date: '2025-12-28', inferred: true, text: 'on December 28' }, paragraph: 3 });
    const t = run(['timeline', ...d], { env: { COLUMNS: '100' } });
    expect(t.stdout).toMatch(/^2024-12 {6}Fall of Assad\n/);
    expect(t.stdout).toMatch(/2025-12-28~ {2}Protests erupt over economic hardship/);
    expect(t.stdout).toMatch(/~ date inferred/);
    const rows = csvObjects(run(['timeline', ...d, '-f', 'csv']).stdout);
    expect(rows[3]).toMatchObject({ id: 'e-mfa', date: '2026-01-13', date_inferred: 'true', as_written: 'On Tuesday', actors: 'Russian Foreign Ministry' });
    expect(run(['timeline', ...d, '-f', 'markdown']).stdout.split('\n')[0]).toBe('| Date | Event | As written | Actors | Source |');
  });

  it('--limit', () => {
    expect(JSON.parse(run(['timeline', ...d, '-f', 'json', '--limit', '2']).stdout)).toHaveLength(2);
  });
});
