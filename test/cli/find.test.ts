/** Issue 14 on the command line: names forgiven as the quote search forgives, filters, --sort, and help when nothing matches. */
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, run, STACK } from './helpers.js';

beforeAll(ensureBuilt, 120_000);

const json = (args: string[]) => JSON.parse(run([...args, '-f', 'json']).stdout) as { id: string; speaker: string | null; when: { date: string } | null }[];

describe('names', () => {
  it('--actor, actors NAME, --compare forgive a typo and say what they took', () => {
    const r = run(['actors', 'smagn', '-f', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).id).toBe('actor-smagin');
    expect(r.stderr).toBe('narrative-lens: "smagn" taken as Nikita Smagin (actor-smagin)\n');
    const c = run(['--compare', 'foreign,homegrown', '--print', '-f', 'json']);
    expect(c.code).toBe(0);
    expect(JSON.parse(c.stdout).narratives.map((n: { id: string }) => n.id)).toEqual(['n-foreign-hand', 'n-popular-uprising']);
  });
  it('speaker: and narrative: values read as the closest name', () => {
    const r = run(['search', 'speaker:smagn', '-f', 'json']);
    expect(r.code).toBe(0);
    expect(new Set(JSON.parse(r.stdout).map((q: { speaker: string }) => q.speaker))).toEqual(new Set(['actor-smagin']));
    expect(r.stderr).toBe('narrative-lens: speaker:smagn taken as speaker:"Nikita Smagin"\n');
  });
  it('an unknown filter or filter value: exit 2 with the valid choices', () => {
    for (const [q, msg] of [
      ['foo:bar', /unknown filter "foo:"; the filters are speaker: narrative: article: outlet: date: kind:/],
      ['kind:quote', /kind: must be direct, indirect or term \(not "quote"\)/],
      ['date:last-week', /date: must be YYYY, YYYY-MM or YYYY-MM-DD, or a range FROM\.\.TO/],
    ] as const) {
      const r = run(['search', q]);
      expect(r.code, q).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')[0]).toMatch(msg);
      expect(r.stderr).not.toMatch(STACK);
    }
  });
});

describe('filters and order', () => {
  it('date: keeps the quotes of those dates; outlet: the articles of that outlet', () => {
    const jan = json(['search', 'date:2026-01-10..2026-01-13']);
    expect(jan.length).toBeGreaterThan(0);
    for (const q of jan) expect(q.when?.date ?? '2026-01-14').toMatch(/^2026-01-1[0-4]/);
    expect(json(['search', 'outlet:"al jazeera"']).length).toBe(63);
    expect(run(['search', '!outlet:jazeera']).code).toBe(1);
  });
  it('--sort date: oldest first, undated last; --sort speaker: by name', () => {
    const dates = json(['search', '', '--sort', 'date']).map((q) => q.when?.date ?? null);
    const dated = dates.filter((d): d is string => d !== null);
    expect(dated).toEqual([...dated].sort());
    expect(dates.slice(dates.indexOf(null)).every((d) => d === null) || !dates.includes(null)).toBe(true);
    const limited = json(['search', '', '--sort', 'date', '-n', '2']);
    expect(limited.map((q) => q.id)).toEqual(json(['search', '', '--sort', 'date']).slice(0, 2).map((q) => q.id));
    expect(run(['search', 'x', '--sort', 'size']).stderr).toMatch(/invalid value "size" for --sort/);
  });
  it('--sort wherever quotes are listed: an actor\'s profile, the dashboard\'s --print, one order for all', () => {
    type Q = { id: string; speaker: string | null; when: { date: string } | null };
    const profile = (args: string[]) => (JSON.parse(run(['actors', 'trump', ...args, '-f', 'json']).stdout) as { quotes: Q[] }).quotes;
    const asWritten = profile([]).map((q) => q.id);
    const byDate = profile(['--sort', 'date']);
    const dates = byDate.map((q) => q.when?.date ?? '~');
    expect(dates).toEqual([...dates].sort());
    expect(byDate.map((q) => q.id)).not.toEqual(asWritten); // the order did change: Trump's June 2025 quotes come first
    expect(byDate[0]!.when!.date).toBe('2025-06');
    // the same order as search gives for the same quotes
    expect(json(['search', 'speaker:"donald trump"', '--sort', 'date']).map((q) => q.id)).toEqual(byDate.map((q) => q.id));
    expect(json(['--print', '-s', 'speaker:"donald trump"', '--sort', 'date']).map((q) => q.id)).toEqual(byDate.map((q) => q.id));
    const names = (JSON.parse(run(['--print', '--pane', 'quotes', '--sort', 'speaker', '-f', 'json']).stdout) as { speakerName: string | null }[]).map((q) => q.speakerName);
    expect(names).toHaveLength(63);
    const named = names.filter((n): n is string => n !== null);
    expect(named).toEqual([...named].sort((a, b) => a.localeCompare(b)));
    expect(names.slice(named.length).every((n) => n === null)).toBe(true); // terms (nobody said them) last
    expect(run(['actors', 'trump', '--sort', 'size']).code).toBe(2);
  });
});

describe('when nothing matches', () => {
  it('says which term matched nothing and the nearest correction that finds something', () => {
    const teh = run(['search', 'teh colour']);
    expect(teh.code).toBe(1);
    expect(teh.stdout).toBe('');
    expect(teh.stderr).toMatch(/^narrative-lens: no quotes match "teh colour"\nnarrative-lens: nothing matches teh with the rest of the query; did you mean the\? \(\d+ quotes? with: narrative-lens search 'the colour'\)\n$/);
    const typo = run(['search', 'revlutoin']);
    expect(typo.stderr).toMatch(/\nnarrative-lens: revlutoin matches nothing; did you mean revolution\? \(\d+ quotes with: narrative-lens search revolution\)\n$/);
    expect(run(['search', 'xqzvw']).stderr).toBe('narrative-lens: no quotes match "xqzvw"\nnarrative-lens: xqzvw matches nothing\n');
  });
});
