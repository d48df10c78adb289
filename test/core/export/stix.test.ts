import { describe, expect, it } from 'vitest';
import { exportStix, StixExportError, stixJson, type StixObject } from '../../../src/core/export/stix.js';
import { stixProblems } from './stix-validate.js';
import { bundledInput, HOSTILE, inputOf } from './helpers.js';

const byType = (objects: StixObject[], type: string) => objects.filter((o) => o.type === type);

describe('STIX 2.1 export', () => {
  it('the bundled study is valid against the official STIX 2.1 schemas, every reference inside the bundle', async () => {
    const bundle = exportStix(await bundledInput());
    expect(stixProblems(bundle)).toEqual([]);
    expect(bundle.objects.length).toBeGreaterThan(100);
  });

  it('the validator can fail: an empty list, a timestamp without milliseconds, a dangling reference', async () => {
    const bundle = exportStix(await bundledInput());
    const note = bundle.objects.find((o) => o.type === 'note')!;
    const broken = { ...bundle, objects: [...bundle.objects.filter((o) => o !== note), { ...note, authors: [], created: '2026-01-20T10:00:00Z', object_refs: ['report--00000000-0000-4000-8000-000000000000'] }] };
    const problems = stixProblems(broken).join('\n');
    expect(problems).toMatch(/authors must NOT have fewer than 1 items/);
    expect(problems).toMatch(/created must match pattern/);
    expect(problems).toMatch(/refers to report--00000000-0000-4000-8000-000000000000, which is not in the bundle/);
  });

  it('carries each quote verbatim with its offsets, each narrative as an OpenCTI narrative, each position as an opinion', async () => {
    const input = await bundledInput();
    const { objects } = exportStix(input);
    const notes = byType(objects, 'note');
    expect(notes).toHaveLength(input.quotes.length);
    const zak = notes.find((n) => (n.x_narrative_lens_quote as { quote_id: string }).quote_id === 'q-zakharova-notorious-method')!;
    const q = input.quotes.find((r) => r.quote.id === 'q-zakharova-notorious-method')!.quote;
    expect(zak.content).toBe(q.text);
    expect(zak.x_narrative_lens_quote).toMatchObject({ start: q.span.start, end: q.span.end, kind: 'direct', speaker_id: 'actor-zakharova' });
    expect(zak.authors).toEqual(['Mariya Zakharova']);
    const narratives = byType(objects, 'narrative');
    expect(narratives.map((n) => n.name)).toEqual(input.narratives.map((n) => n.label));
    expect(narratives[0]!.extensions).toEqual({ 'extension-definition--ea279b3e-5c71-4632-ac08-831c66a786ba': { extension_type: 'new-sdo' } });
    expect(byType(objects, 'opinion')).toHaveLength(input.positions.length);
    expect(byType(objects, 'report').map((r) => [r.name, r.published])).toEqual([[input.articles[0]!.title, '2026-01-14T00:00:00.000Z']]);
    // no threat-actor unless the study marks one
    expect(byType(objects, 'threat-actor')).toEqual([]);
  });

  it('relates each actor to the narratives they advance, and each tagged narrative to its DISARM techniques', async () => {
    const { objects } = exportStix(await bundledInput());
    const name = new Map(objects.map((o) => [o.id, String(o.name ?? o.external_references ?? '')]));
    const rels = byType(objects, 'relationship').map((r) => `${name.get(String(r.source_ref))} ${r.relationship_type} ${name.get(String(r.target_ref))}`);
    expect(rels).toContain('Mariya Zakharova related-to Western-orchestrated colour revolution');
    expect(rels).toContain('Donald Trump related-to Help is on the way: U.S. backing for the protesters');
    expect(rels).toContain('Western-orchestrated colour revolution uses Amplify Existing Conspiracy Theory Narratives');
    const ap = byType(objects, 'attack-pattern').find((o) => o.name === 'Formal Diplomatic Channels')!;
    // the framework's own object: its id in DISARM.json, its external id, its tactic
    expect(ap.id).toBe('attack-pattern--' + ap.id.split('--')[1]);
    expect(ap.external_references).toEqual([expect.objectContaining({ external_id: 'T0110' })]);
    expect(ap.kill_chain_phases).toEqual([{ kill_chain_name: 'mitre-attack', phase_name: 'select-channels-and-affordances' }]);
  });

  it('threat-actor only where the study says so', async () => {
    const input = { ...(await bundledInput()), threatActors: ['actor-zakharova'] };
    const bundle = exportStix(input);
    expect(stixProblems(bundle)).toEqual([]);
    expect(byType(bundle.objects, 'threat-actor').map((t) => t.name)).toEqual(['Mariya Zakharova']);
    expect(byType(bundle.objects, 'relationship').filter((r) => r.relationship_type === 'uses' && String(r.source_ref).startsWith('threat-actor--'))).toHaveLength(1);
  });

  it('ids are deterministic: two exports of the same study share every id', async () => {
    const a = exportStix(await bundledInput());
    const b = exportStix({ ...(await bundledInput()), now: '2027-02-02T00:00:00.000Z' });
    expect(b.objects.map((o) => o.id)).toEqual(a.objects.map((o) => o.id));
  });

  it('the hostile corpus gives a valid bundle whose JSON keeps the text exactly (escaped by JSON, not altered)', async () => {
    const input = await inputOf(HOSTILE);
    const bundle = exportStix(input);
    expect(stixProblems(bundle)).toEqual([]);
    const json = stixJson(bundle);
    expect(json).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    const back = JSON.parse(json) as typeof bundle;
    expect(byType(back.objects, 'note').map((n) => n.content)).toEqual(input.quotes.map((r) => r.quote.text));
  });

  it('refuses an unknown DISARM technique id, naming it', async () => {
    const input = await bundledInput();
    input.narratives = input.narratives.map((n, i) => (i === 0 ? { ...n, techniques: [{ id: 'T9999', inferred: false }] } : n));
    expect(() => exportStix(input)).toThrow(StixExportError);
    expect(() => exportStix(input)).toThrow(/T9999/);
  });
});
