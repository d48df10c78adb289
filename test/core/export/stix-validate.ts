/**
 * Validates a STIX 2.1 bundle against the official OASIS JSON Schemas (draft 2020-12), as the
 * standards README advises: the envelope checked here, then each object against its own
 * sdos/<type>.json or sros/<type>.json (common/core.json for custom types such as OpenCTI's
 * narrative, common/marking-definition.json for markings) — common/bundle.json alone refuses valid
 * custom objects and knows no note or opinion. Plus the rules the schemas cannot check: modified
 * not before created, every reference resolving inside the bundle, ids unique.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { STANDARDS } from './helpers.js';

const DIR = path.join(STANDARDS, 'stix/schemas');
const BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas';

let ajv: Ajv2020 | null = null;
const compiled = new Map<string, ValidateFunction>();

function validator(rel: string): ValidateFunction {
  if (!ajv) {
    // unicodeRegExp off: the OASIS patterns use escapes (\-) that the u flag refuses
    ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    for (const sub of readdirSync(DIR)) {
      for (const f of readdirSync(path.join(DIR, sub))) ajv.addSchema(JSON.parse(readFileSync(path.join(DIR, sub, f), 'utf8')));
    }
  }
  let v = compiled.get(rel);
  if (!v) {
    v = ajv.getSchema(`${BASE}/${rel}`);
    if (!v) throw new Error(`no schema ${rel}`);
    compiled.set(rel, v);
  }
  return v;
}

const has = (sub: string, type: string) => readdirSync(path.join(DIR, sub)).includes(`${type}.json`);

export function schemaFor(type: string): string {
  if (has('sdos', type)) return `sdos/${type}.json`;
  if (has('sros', type)) return `sros/${type}.json`;
  if (type === 'marking-definition') return 'common/marking-definition.json';
  return 'common/core.json';
}

/** Every problem found, one line each; [] when the bundle is valid. */
export function stixProblems(bundle: unknown): string[] {
  const problems: string[] = [];
  const b = bundle as { type?: unknown; id?: unknown; objects?: Record<string, unknown>[] };
  if (b.type !== 'bundle') problems.push('bundle: type is not "bundle"');
  if (typeof b.id !== 'string' || !/^bundle--[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(b.id)) problems.push(`bundle: bad id ${String(b.id)}`);
  if (!Array.isArray(b.objects) || b.objects.length === 0) return [...problems, 'bundle: no objects'];
  const ids = new Set<string>();
  for (const o of b.objects) {
    const id = String(o.id);
    if (ids.has(id)) problems.push(`${id}: id used twice`);
    ids.add(id);
  }
  for (const o of b.objects) {
    const type = String(o.type);
    const id = String(o.id);
    const v = validator(schemaFor(type));
    if (!v(o)) problems.push(...(v.errors ?? []).map((e) => `${id} (${schemaFor(type)}): ${e.instancePath || '/'} ${e.message}`));
    if (!id.startsWith(`${type}--`)) problems.push(`${id}: id does not start with its type ${type}`);
    if (typeof o.created === 'string' && typeof o.modified === 'string' && o.modified < o.created) problems.push(`${id}: modified before created`);
    const refs = Object.entries(o).flatMap(([k, val]) => (k.endsWith('_ref') ? [val] : k.endsWith('_refs') && Array.isArray(val) ? val : []));
    for (const r of refs) if (!ids.has(String(r))) problems.push(`${id}: refers to ${String(r)}, which is not in the bundle`);
  }
  return problems;
}
