/** Small helpers for the extractor tests: run a fixture, find a quote, name its speaker. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractDraft, type ExtractMeta } from '../../../src/core/extract/index.js';
import type { CorpusFile, Quote } from '../../../src/core/corpus/schema.js';

export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/extract/${name}`, import.meta.url)), 'utf8');
}

export interface Draft {
  file: CorpusFile;
  quotes: Quote[];
  /** the quote whose text is exactly `text` (throws when there is none) */
  quote(text: string, kind?: Quote['kind']): Quote;
  /** the speaker's name, or null */
  speaker(q: Quote): string | null;
  actor(name: string): CorpusFile['actors'][number];
}

export function draft(text: string, meta: ExtractMeta = {}): Draft {
  const file = extractDraft(text, meta);
  const art = file.articles[0]!;
  const byId = new Map(file.actors.map((a) => [a.id, a]));
  return {
    file,
    quotes: art.quotes,
    quote(t, kind) {
      const q = art.quotes.find((x) => x.text === t && (!kind || x.kind === kind));
      if (!q) throw new Error(`no ${kind ?? ''} quote ${JSON.stringify(t)}; have ${JSON.stringify(art.quotes.map((x) => `${x.kind}: ${x.text}`))}`);
      return q;
    },
    speaker(q) {
      return q.speaker ? (byId.get(q.speaker)?.name ?? null) : null;
    },
    actor(name) {
      const a = file.actors.find((x) => x.name === name);
      if (!a) throw new Error(`no actor ${name}; have ${file.actors.map((x) => x.name).join(', ')}`);
      return a;
    },
  };
}

/** The quoted passages (direct and term) as text. */
export function passages(d: Draft): string[] {
  return d.quotes.filter((q) => q.kind !== 'indirect').map((q) => q.text);
}
