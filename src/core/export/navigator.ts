/**
 * An ATT&CK Navigator layer (format 4.5) of the study's DISARM techniques: open it in a Navigator
 * loaded with the DISARM framework (DISARM's STIX bundle as the custom data) to see the
 * techniques on the framework's matrix. Each tagged technique is scored by how many narratives (and
 * the study itself) carry it; its comment and metadata say which and why.
 */
import { resolveTags, unknownTechniques, type DisarmTactic, type DisarmTechnique } from './disarm/index.js';
import type { ExchangeInput } from './input.js';
import { inertJson } from '../sanitize.js';
import { count } from '../count.js';

/** DISARM's own STIX bundle, which a Navigator loads as custom data (it holds the x-mitre-matrix). */
export const DISARM_BUNDLE_URL = 'https://raw.githubusercontent.com/DISARMFoundation/DISARMframeworks/main/generated_files/DISARM_STIX/DISARM.json';

export interface NavigatorTechnique {
  techniqueID: string;
  tactic: string;
  score: number;
  comment: string;
  metadata: ({ name: string; value: string } | { divider: true })[];
  links: { label: string; url: string }[];
}

export interface NavigatorLayer {
  name: string;
  versions: { navigator: string; layer: '4.5' };
  domain: 'enterprise-attack';
  customDataURL: string;
  description: string;
  sorting: number;
  layout: { layout: 'side'; showID: boolean; showName: boolean; expandedSubtechniques: 'annotated' };
  hideDisabled: boolean;
  techniques: NavigatorTechnique[];
  gradient: { colors: string[]; minValue: number; maxValue: number };
  metadata: { name: string; value: string }[];
}

export class NavigatorExportError extends Error {}

export function exportNavigator(input: ExchangeInput): NavigatorLayer {
  const unknown = [...new Set([...input.narratives.flatMap((n) => unknownTechniques(n.techniques)), ...unknownTechniques(input.techniques)])];
  if (unknown.length) throw new NavigatorExportError(`unknown DISARM technique${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (find the right id with: narrative-lens techniques QUERY)`);

  const uses = new Map<string, { technique: DisarmTechnique; tactic: DisarmTactic; by: { who: string; why?: string }[] }>();
  const note = (who: string, tags: Parameters<typeof resolveTags>[0]) => {
    for (const { tag, technique, tactic } of resolveTags(tags)) {
      const u = uses.get(technique.id) ?? { technique, tactic, by: [] };
      u.by.push({ who, why: tag.reason ? `${tag.inferred ? 'inferred: ' : ''}${tag.reason}` : undefined });
      uses.set(technique.id, u);
    }
  };
  note(`the study "${input.title}"`, input.techniques);
  for (const n of input.narratives) note(n.label, n.techniques);

  const techniques = [...uses.values()]
    .sort((a, b) => a.technique.id.localeCompare(b.technique.id, 'en', { numeric: true }))
    .map(({ technique, tactic, by }) => ({
      techniqueID: technique.id,
      tactic: tactic.shortname,
      score: by.length,
      comment: by.map((b) => `${b.who}${b.why ? ` (${b.why})` : ''}`).join('\n'),
      metadata: by.flatMap((b, i) => [...(i ? [{ divider: true as const }] : []), { name: 'narrative', value: b.who }, ...(b.why ? [{ name: 'why', value: b.why }] : [])]),
      links: [{ label: `DISARM ${technique.id}`, url: `https://github.com/DISARMFoundation/DISARMframeworks/blob/main/generated_pages/techniques/${technique.id}.md` }],
    }));
  const max = Math.max(1, ...techniques.map((t) => t.score));
  return {
    name: input.title,
    versions: { navigator: '4.9.1', layer: '4.5' },
    // The format knows only ATT&CK's domains; DISARM layers name enterprise-attack and bring the
    // framework as custom data.
    domain: 'enterprise-attack',
    customDataURL: DISARM_BUNDLE_URL,
    description: `DISARM techniques of ${count(input.narratives.length, 'narrative')}, exported by narrative-lens on ${input.now}. Score: how many narratives (and the study) carry the technique.`,
    sorting: 0,
    layout: { layout: 'side', showID: true, showName: true, expandedSubtechniques: 'annotated' },
    hideDisabled: false,
    techniques,
    gradient: { colors: ['#fff3b0', '#e09f3e', '#9e2a2b'], minValue: 0, maxValue: max },
    metadata: [
      { name: 'exported by', value: 'narrative-lens' },
      { name: 'framework', value: 'DISARM Red Framework (DISARM Foundation, CC BY-SA 4.0)' },
    ],
  };
}

export function navigatorJson(layer: NavigatorLayer): string {
  return inertJson(JSON.stringify(layer, null, 2)) + '\n';
}
