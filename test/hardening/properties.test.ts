/**
 * Property-based tests (fast-check) of the core's input boundaries. For arbitrary input each
 * returns a result or a clear error, never throws anything else and never hangs:
 *
 * - the loader: random bytes, random JSON, random objects, and the mini corpus damaged at random
 *   (its text cut, bytes changed; its object with any node replaced by any value) → a Corpus, or
 *   a DataError whose every problem names the file and prints inert;
 * - the query parser and searchQuotes: random strings and random query syntax → a result (hits
 *   within the limit, highlight ranges inside their strings) or an error, never a throw;
 * - the extractor: random text → a draft valid under CorpusFile with every span equal to its text;
 * - the sanitisers: nothing unsafe survives, and they are idempotent.
 *
 * Runs are bounded so that each property takes a few seconds at most; NL_FUZZ_SCALE=N multiplies
 * them for a longer run by hand (docs/robustness.md gives the figures of such a run).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DataError, formatProblem, loadCorpus } from '../../src/core/corpus/load.js';
import { parseQuery } from '../../src/core/search/query.js';
import { buildSearchIndex, searchQuotes } from '../../src/core/search/search.js';
import { extractDraft } from '../../src/core/extract/index.js';
import { CorpusFile } from '../../src/core/corpus/schema.js';
import { inert, inertOutput, isInert } from '../../src/core/sanitize.js';
import { ROOT } from '../cli/helpers.js';
import { unsafeIn } from './helpers.js';

const SCALE = Math.max(1, Number(process.env.NL_FUZZ_SCALE ?? 1) || 1);
const runs = (n: number) => Math.round(n * SCALE);
/** What every property tried, for the report (printed at the end). */
const tried: Record<string, number> = {};
const count = (name: string) => () => {
  tried[name] = (tried[name] ?? 0) + 1;
};

const MINI_FILE = path.join(ROOT, 'test/fixtures/cli/mini/corpus.json');
const MINI_TEXT = readFileSync(MINI_FILE, 'utf8');
const MINI = JSON.parse(MINI_TEXT) as unknown;
const HOSTILE_FILE = path.join(ROOT, 'test/fixtures/hostile/corpus.json');

const dir = mkdtempSync(path.join(os.tmpdir(), 'nl-fuzz-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (process.env.NL_FUZZ_REPORT) console.log(`fuzz inputs tried: ${JSON.stringify(tried)}`);
});

let fileNo = 0;
/** Loads `bytes` as a corpus file: a Corpus or a DataError, checked; anything else fails the test. */
async function loadsOrExplains(bytes: Uint8Array | string, ext = '.json'): Promise<'loaded' | 'refused'> {
  const file = path.join(dir, `f${++fileNo}${ext}`);
  writeFileSync(file, bytes);
  try {
    const corpus = await loadCorpus([file]);
    expect(corpus.files.length).toBe(1);
    return 'loaded';
  } catch (err) {
    if (!(err instanceof DataError)) throw new Error(`not a DataError: ${(err as Error)?.stack ?? String(err)}`);
    expect(err.problems.length).toBeGreaterThan(0);
    for (const p of err.problems) {
      expect(p.file).toContain(`f${fileNo}${ext}`);
      expect(p.message.length).toBeGreaterThan(0);
      expect(isInert(formatProblem(p))).toBe(true);
    }
    return 'refused';
  } finally {
    rmSync(file, { force: true });
  }
}

/** Every node of a JSON value, as a path of keys. */
function paths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}
const MINI_PATHS = paths(MINI).filter((p) => p.length > 0);

function replaced(root: unknown, at: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const k of at.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  node[at[at.length - 1]!] = value;
  return copy;
}

// JSON-ish values that resemble the format: its field names, ids, spans, kinds.
const fieldName = fc.constantFrom('articles', 'actors', 'narratives', 'axes', 'positions', 'quotes', 'id', 'text', 'span', 'start', 'end', 'speaker', 'kind', 'name', 'title', 'when', 'date', 'label', 'summary', 'format', '__proto__', 'constructor');
const leaf = fc.oneof(fc.string({ maxLength: 12 }), fc.integer({ min: -3, max: 400 }), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom('direct', 'term', 'person', 'minister', 'n-colour', '2026-01-13', 'narrative-lens/1'));
const corpusish = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(fieldName, tie('value'), { maxKeys: 5 }),
})).object;

describe('the loader, on any input: a corpus or a DataError naming the file, never another throw', () => {
  it('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.constantFrom('.json', '.txt'), async (bytes, ext) => {
        count('loader: random bytes')();
        await loadsOrExplains(bytes, ext);
      }),
      { numRuns: runs(300), timeout: 5000 },
    );
  }, 60_000);

  it('random JSON text and random values shaped like the format', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json({ maxDepth: 4 }), corpusish.map((o) => JSON.stringify(o))), async (text) => {
        count('loader: random JSON')();
        await loadsOrExplains(text);
      }),
      { numRuns: runs(400), timeout: 5000 },
    );
  }, 60_000);

  it('the mini corpus, its text cut or a few bytes changed', async () => {
    const bytes = Buffer.from(MINI_TEXT, 'utf8');
    const edit = fc.record({ at: fc.nat({ max: bytes.length - 1 }), op: fc.constantFrom('cut', 'set', 'insert', 'delete'), byte: fc.integer({ min: 0, max: 255 }) });
    let loaded = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
        count('loader: damaged bytes')();
        let b = Buffer.from(bytes);
        for (const e of edits) {
          const at = Math.min(e.at, b.length);
          if (e.op === 'cut') b = b.subarray(0, at);
          else if (e.op === 'set' && at < b.length) b[at] = e.byte;
          else if (e.op === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.from([e.byte]), b.subarray(at)]);
          else b = Buffer.concat([b.subarray(0, at), b.subarray(at + 1)]);
        }
        if ((await loadsOrExplains(b)) === 'loaded') loaded++;
      }),
      { numRuns: runs(250), timeout: 5000 },
    );
    expect(loaded).toBeLessThan(runs(250)); // most damage is found
  }, 60_000);

  it('the mini corpus with any one node replaced by any value (types, spans, ids, references)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: MINI_PATHS.length - 1 }), fc.oneof(fc.anything({ maxDepth: 2 }), leaf, corpusish), async (i, value) => {
        count('loader: damaged objects')();
        const text = JSON.stringify(replaced(MINI, MINI_PATHS[i]!, value));
        if (text === undefined) return;
        await loadsOrExplains(text);
      }),
      { numRuns: runs(300), timeout: 5000 },
    );
  }, 60_000);
});

describe('the query parser and search, on any query: a result or an error, never a throw', () => {
  let index: ReturnType<typeof buildSearchIndex>;
  let hostileIndex: ReturnType<typeof buildSearchIndex>;
  const syntax = fc.array(
    fc.oneof(
      fc.constantFrom("'", '^', '$', '!', '|', '"', '=', ' ', ':', '\\', '(', ')', '*', '~', 'speaker:', 'narrative:', 'kind:', 'article:', 'kind:direct', '!speaker:', 'zakh', 'colour', 'revolution', 'relief', 'смагин', '抗议', '\u001b[2J', '\u202e', '\u0000'),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 12 },
  );
  const anyQuery = fc.oneof(syntax.map((p) => p.join('')), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }));

  function checkResult(idx: ReturnType<typeof buildSearchIndex>, query: string, limit: number): void {
    const parsed = parseQuery(query);
    expect(typeof parsed.ok).toBe('boolean');
    if (!parsed.ok) expect(parsed.error.length).toBeGreaterThan(0);
    const r = searchQuotes(idx, query, { limit });
    if (r.error !== undefined) {
      expect(r.hits).toEqual([]);
      expect(r.error.length).toBeGreaterThan(0);
      return;
    }
    expect(r.hits.length).toBeLessThanOrEqual(limit);
    expect(r.total).toBeGreaterThanOrEqual(r.hits.length);
    for (const h of r.hits) {
      expect(h.score).toBeGreaterThanOrEqual(0);
      for (const m of h.matches) {
        for (const [s, e] of m.indices) {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(e).toBeGreaterThanOrEqual(s);
          expect(e).toBeLessThan(m.value.length);
        }
      }
    }
  }

  it('random strings and random query syntax, on the mini corpus and the hostile one', async () => {
    index = buildSearchIndex(await loadCorpus([MINI_FILE]));
    hostileIndex = buildSearchIndex(await loadCorpus([HOSTILE_FILE]));
    fc.assert(
      fc.property(anyQuery, fc.integer({ min: 1, max: 30 }), fc.boolean(), (query, limit, hostile) => {
        count('query + search')();
        checkResult(hostile ? hostileIndex : index, query, limit);
      }),
      { numRuns: runs(1500) },
    );
  }, 60_000);
});

describe('the extractor, on any text: a valid draft whose every span equals its text', () => {
  const pieces = fc.oneof(
    fc.constantFrom('“', '”', '"', "'", '‘', '’', '«', '»', '„', '「', '」', ',', '.', ':', ';', '\n', '\r\n', '\n\n', ' ', '\t', ' said ', ' told ', ' added', ', according to ', 'Mr ', 'the minister', 'He', 'she', 'Smith', 'Мария', 'ایران', '🇮🇷', '\u001b[2J', '\u202e', '\u0000', '\ufeff', '\ud800', '\udc00'),
    fc.string({ maxLength: 10 }),
    fc.string({ unit: 'binary', maxLength: 6 }),
  );
  const texts = fc.oneof(fc.array(pieces, { minLength: 1, maxLength: 50 }).map((p) => p.join('')), fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 80 }));

  it('random text, quotation-heavy text, lone surrogates and control characters', () => {
    fc.assert(
      fc.property(texts, (text) => {
        count('extractor')();
        if (text.replace(/^\uFEFF/, '').trim().length === 0) {
          expect(() => extractDraft(text)).toThrow(/empty/);
          return;
        }
        const draft = extractDraft(text);
        const parsed = CorpusFile.safeParse(draft);
        expect(parsed.success, JSON.stringify(parsed.error?.issues?.slice(0, 2))).toBe(true);
        const art = draft.articles[0]!;
        const cps = Array.from(art.text);
        for (const q of art.quotes) expect(cps.slice(q.span.start, q.span.end).join('')).toBe(q.text);
        for (const m of art.mentions) expect(cps.slice(m.span.start, m.span.end).join('')).toBe(m.text);
        for (const e of art.events) expect(cps.slice(e.span.start, e.span.end).join('')).toBe(e.text);
        const actors = new Set(draft.actors.map((a) => a.id));
        for (const q of art.quotes) if (q.speaker) expect(actors.has(q.speaker)).toBe(true);
      }),
      { numRuns: runs(400) },
    );
  }, 60_000);
});

describe('the sanitisers', () => {
  it('inert and the output guard: nothing unsafe survives, both idempotent, safe text unchanged', () => {
    const sgr = fc.constantFrom('\u001b[1m', '\u001b[22m', '\u001b[1;36m', '\u001b[39m', '\u001b[2J', '\u001b]0;x\u0007', '\r\n', '\r', '\n', '\t');
    const mixed = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), sgr), { maxLength: 20 }).map((p) => p.join(''));
    fc.assert(
      fc.property(mixed, fc.boolean(), (s, styles) => {
        count('sanitisers')();
        const once = inert(s);
        expect(unsafeIn(once)).toBeNull();
        expect(inert(once)).toBe(once);
        const block = inert(s, { keepNewlines: true });
        expect(unsafeIn(block)).toBeNull();
        const out = inertOutput(s, { styles });
        expect(unsafeIn(out, { crlf: true, sgr: styles })).toBeNull();
        expect(inertOutput(out, { styles })).toBe(out);
        if (isInert(s)) expect(inert(s)).toBe(s);
      }),
      { numRuns: runs(3000) },
    );
  });
});
