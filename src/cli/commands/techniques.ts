/** `narrative-lens techniques [QUERY]`: DISARM techniques by id or words (the dashboard picker's search). */
import { CATALOGUE, searchTechniques } from '../../core/export/disarm/index.js';
import { EXIT } from '../errors.js';
import type { GlobalArgs } from '../options.js';
import { emit, stdoutOutput } from '../print/output.js';
import { md, mdTable } from '../print/markdown.js';
import { inert } from '../../core/sanitize.js';
import type { Session } from '../session.js';

export interface TechniquesArgs extends GlobalArgs {
  query?: string;
}

export async function run(a: TechniquesArgs, _session: Session): Promise<number> {
  const hits = searchTechniques(a.query ?? '', a.limit ?? (a.query ? 20 : CATALOGUE.techniques.length));
  const records = hits.map((h) => ({ id: h.technique.id, name: h.technique.name, tactic: h.tactic.id, tacticName: h.tactic.name, description: h.technique.description }));
  const out = stdoutOutput(a.format);
  await emit(out, {
    json: () => records,
    csv: () => ({ header: ['id', 'name', 'tactic', 'tacticName'], rows: records.map((r) => [r.id, r.name, r.tactic, r.tacticName]) }),
    markdown: () => mdTable(['id', 'technique', 'tactic'], records.map((r) => [md(r.id), md(r.name), md(`${r.tactic} ${r.tacticName}`)])),
    text: () => records.map((r) => `${r.id.padEnd(10)} ${inert(r.name)}  (${r.tactic} ${inert(r.tacticName)})\n`).join(''),
  });
  return records.length ? EXIT.found : EXIT.nothing;
}
