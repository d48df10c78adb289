import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { loadCorpus } from '../../../src/core/corpus/load.js';
import { articleParagraphs } from '../../../src/core/corpus/corpus.js';
import { CATALOGUE, searchTechniques, techniqueById } from '../../../src/core/export/disarm/index.js';
import { exportNavigator, navigatorJson, NavigatorExportError } from '../../../src/core/export/navigator.js';
import { bundledInput, HOSTILE, inputOf, ROOT, STANDARDS } from './helpers.js';

const layerSchema = JSON.parse(readFileSync(path.join(STANDARDS, 'navigator-layer-4.5.schema.json'), 'utf8'));
const validateLayer = new Ajv2020({ strict: true, allErrors: true }).compile(layerSchema);
const layerProblems = (layer: unknown) => (validateLayer(layer) ? [] : (validateLayer.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

describe('DISARM techniques', () => {
  it('come from the framework: 391 techniques in 16 tactics, ids and names as DISARM publishes them', () => {
    expect(CATALOGUE.techniques).toHaveLength(391);
    expect(CATALOGUE.tactics).toHaveLength(16);
    expect(techniqueById('T0022.001')?.name).toBe('Amplify Existing Conspiracy Theory Narratives');
    expect(techniqueById('t0110')?.name).toBe('Formal Diplomatic Channels');
    // the generated catalogue agrees with the framework's own bundle, when the developers' copy is at hand
    const bundlePath = path.resolve(ROOT, '../../shared/standards/disarm/generated_files/DISARM_STIX/DISARM.json');
    let bundle: { objects: { type: string; name: string; external_references: { external_id: string }[] }[] } | null = null;
    try {
      bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));
    } catch {
      bundle = null; // CI has only the repository: the catalogue above is then checked by its figures
    }
    if (bundle) {
      const theirs = bundle.objects.filter((o) => o.type === 'attack-pattern').map((o) => `${o.external_references[0]!.external_id} ${o.name}`).sort();
      expect(CATALOGUE.techniques.map((t) => `${t.id} ${t.name}`).sort()).toEqual(theirs);
    }
  });

  it('searchTechniques: by id or its prefix, by words with a typo, and nothing for noise', () => {
    const ids = (q: string) => searchTechniques(q, 5).map((h) => h.technique.id);
    expect(ids('T0022')).toEqual(['T0022', 'T0022.001', 'T0022.002']);
    expect(ids('t22.1')).toEqual(['T0022.001']);
    expect(ids('conspiracy')).toEqual(expect.arrayContaining(['T0022', 'T0022.001', 'T0022.002']));
    expect(ids('consipracy theroy')[0]).toBe('T0022');
    expect(ids('diplomatic')[0]).toBe('T0110');
    expect(ids('tv')).toEqual(['T0111.001']);
    expect(ids('zzzqqq')).toEqual([]);
    expect(ids('astroturf')).toEqual([]);
    const hit = searchTechniques('intimidate', 1)[0]!;
    expect(hit.tactic.name).toBe('Plan Objectives');
    expect(hit.technique.name.slice(hit.nameMatches[0]![0], hit.nameMatches[0]![1] + 1)).toBe('Intimidate');
  });

  it("the bundled dataset's tags are the framework's, inferred, and quote the article verbatim in the paragraph they cite", async () => {
    const corpus = await loadCorpus([]);
    const paras = articleParagraphs(corpus.articles[0]!);
    const tags = corpus.narratives.flatMap((n) => n.techniques.map((t) => ({ n, t })));
    expect(tags.length).toBeGreaterThanOrEqual(8);
    for (const { n, t } of tags) {
      expect(techniqueById(t.id), `${n.id} ${t.id}`).toBeDefined();
      expect(t.inferred).toBe(true);
      const cited = [...t.reason!.matchAll(/¶(\d+)/g)].map((m) => paras[Number(m[1]) - 1]!.text);
      expect(cited.length, `${n.id} ${t.id} cites a paragraph`).toBeGreaterThan(0);
      for (const [, phrase] of t.reason!.matchAll(/"([^"]+)"/g)) {
        expect(cited.some((p) => p.includes(phrase!)), `${n.id} ${t.id}: "${phrase}" is in the cited paragraph`).toBe(true);
      }
    }
  });
});

describe('ATT&CK Navigator layer', () => {
  it('the bundled study gives a layer valid against the format (v4.5), each technique on its DISARM tactic', async () => {
    const layer = exportNavigator(await bundledInput());
    expect(layerProblems(layer)).toEqual([]);
    expect(layer.gradient.maxValue).toBeGreaterThan(layer.gradient.minValue);
    const t = layer.techniques.find((x) => x.techniqueID === 'T0022.001')!;
    expect(t).toMatchObject({ tactic: 'develop-narratives', score: 2 });
    expect(t.comment).toMatch(/^Western-orchestrated colour revolution \(inferred: .*\)\nForeign hand behind the unrest \(inferred: /);
    expect(layer.techniques.map((x) => x.techniqueID)).toEqual(['T0002', 'T0003', 'T0022.001', 'T0110', 'T0111.001', 'T0115', 'T0136.004', 'T0136.006', 'T0138.001', 'T0140.002']);
  });

  it('the schema check can fail: a wrong layer version and an unknown property are refused', async () => {
    const layer = { ...exportNavigator(await bundledInput()), versions: { navigator: '4.9.1', layer: '4.4' }, extra: 1 };
    expect(layerProblems(layer).join('\n')).toMatch(/must NOT have additional properties[\s\S]*\/versions\/layer must be equal to constant/);
  });

  it('study-level tags count too; unknown ids are refused by name', async () => {
    const input = { ...(await bundledInput()), techniques: [{ id: 'T0002', inferred: false }] };
    expect(exportNavigator(input).techniques.find((t) => t.techniqueID === 'T0002')!.score).toBe(2);
    expect(() => exportNavigator({ ...input, techniques: [{ id: 'T0001', inferred: false }] })).toThrow(NavigatorExportError);
  });

  it('hostile narrative labels stay in the JSON exactly and inert', async () => {
    const input = await inputOf(HOSTILE);
    input.narratives = input.narratives.map((n) => ({ ...n, techniques: [{ id: 'T0002', inferred: true, reason: n.summary }] }));
    const layer = exportNavigator(input);
    expect(layerProblems(layer)).toEqual([]);
    const json = navigatorJson(layer);
    expect(json).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(JSON.parse(json).techniques[0].comment).toContain(input.narratives[0]!.label);
  });
});
