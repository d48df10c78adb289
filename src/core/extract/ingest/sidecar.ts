/**
 * A collection's sidecar: an `articles.json` beside the articles (or above them) holding a list of
 * entries `{ "file": "articles/x.txt", "title", "outlet", "url", "published", "licence", … }`, file
 * paths relative to the sidecar's folder. Its metadata is stated (by whoever built the collection).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { metaFromRecord, type ArticleMeta } from './metadata.js';

export const SIDECAR_NAME = 'articles.json';

export class SidecarError extends Error {}

/** Metadata by absolute file path, from one sidecar file. */
export async function readSidecar(file: string): Promise<Map<string, ArticleMeta>> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new SidecarError(`${(e as Error).message}`);
  }
  const list = Array.isArray(raw) ? raw : raw && typeof raw === 'object' && Array.isArray((raw as { articles?: unknown }).articles) ? (raw as { articles: unknown[] }).articles : null;
  if (!list) throw new SidecarError('expected a list of {"file": …, "title": …} entries');
  const out = new Map<string, ArticleMeta>();
  const dir = path.dirname(file);
  list.forEach((e) => {
    if (!e || typeof e !== 'object' || typeof (e as { file?: unknown }).file !== 'string') return;
    out.set(path.resolve(dir, (e as { file: string }).file), metaFromRecord(e as Record<string, unknown>, 'sidecar'));
  });
  return out;
}

/** Is this JSON file a sidecar (a list of entries with "file")? Cheap test on its start. */
export function looksLikeSidecar(name: string): boolean {
  return path.basename(name).toLowerCase() === SIDECAR_NAME;
}
