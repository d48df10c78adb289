/**
 * Re-audit of 2026-12-01 (issue 18, "a second set of hostile inputs"): pages and front matter
 * that `ingest` must refuse with a message a reader understands, or read as a browser would —
 * never a JavaScript error's own words ("Cannot destructure property…", "Maximum call stack size
 * exceeded", "Invalid time value", a zod dump), never a date that does not exist.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../temp.js';
import { ensureBuilt, runAsync } from './helpers.js';

const dir = tempDir('nl-reaudit-ingest-');
const SAID = '“We will never accept this,” said Foreign Minister Anna Lindqvist on Monday. The minister added that talks would continue for a long time.';
const page = (head: string, body: string) => `<html><head><title>T</title>${head}</head><body><article><h1>Title</h1>${body}<p>${SAID}</p></article></body></html>`;
const JS_WORDS = /Cannot destructure|Maximum call stack|Invalid time value|"code":|undefined|TypeError|RangeError/;

let n = 0;
/** Ingests the files (name → content) into a fresh folder; the summary and the drafts. */
async function ingest(files: Record<string, string | Buffer>) {
  const src = path.join(dir, `src${++n}`);
  const out = path.join(dir, `out${n}`);
  mkdirSync(src);
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(src, name), content);
  const r = await runAsync(['ingest', src, '--out', out, '-f', 'json', '-j', '1'], { timeoutMs: 120_000 });
  const summary = JSON.parse(r.stdout) as { failures: { file: string; reason: string }[] };
  const drafts = Object.fromEntries(
    readdirSync(out)
      .filter((f) => f.endsWith('.json'))
      .map((f) => [f, JSON.parse(readFileSync(path.join(out, f), 'utf8')).articles[0]]),
  ) as Record<string, { text: string; published: { date: string | null } | null; metadata?: Record<string, { value: string }> }>;
  return { r, summary, drafts, reason: (name: string) => summary.failures.find((f) => f.file.endsWith(name))?.reason };
}

describe('ingest of hostile pages and headers', () => {
  beforeAll(() => ensureBuilt(), 180_000);

  it('an empty page and a page of one <script>: "no article text found", not a Readability crash', async () => {
    const { r, reason } = await ingest({ 'empty.html': '', 'script.html': `<script>${'x'.repeat(500)}</script>` });
    expect(r.code).toBe(2);
    for (const f of ['empty.html', 'script.html']) {
      expect(reason(f)).toBe('no article text found in the page');
    }
  });

  it('paragraphs saved without <html> are read as a browser shows them (before: "no article text found")', async () => {
    const { r, drafts } = await ingest({ 'fragment.html': `<p>${SAID}</p><p>${SAID.replace('Monday', 'Tuesday')}</p>` });
    expect(r.code, r.stderr).toBe(0);
    expect(drafts['fragment.json']!.text).toContain('said Foreign Minister Anna Lindqvist on Tuesday');
  });

  it('a page that declares UTF-16 in its ASCII markup is read as UTF-8, as browsers do (before: decoded in pairs, then a crash)', async () => {
    const { r, drafts } = await ingest({ 'u16.html': page('<meta charset="utf-16">', '') });
    expect(r.code, r.stderr).toBe(0);
    expect(drafts['u16.json']!.text).toContain('said Foreign Minister Anna Lindqvist');
  });

  it('elements nested 100,000 deep: refused naming the depth (before: "Maximum call stack size exceeded")', async () => {
    const { r, reason } = await ingest({ 'deep.html': page('', `${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}`) });
    expect(r.code).toBe(2);
    expect(reason('deep.html')).toMatch(/^the page's elements are nested \d+ levels deep, more than the 512 a browser builds; not read$/);
  }, 120_000);

  it('impossible dates in front matter are never a publication date, and never a JavaScript error', async () => {
    const body = `\n\n${SAID}\n`;
    const { r, summary, drafts } = await ingest({
      'kv.txt': `title: Hello\npublished: 2026-13-45\n${body}`,
      'feb.md': `---\ntitle: Feb\npublished: "2026-02-30"\n---${body}`,
      // the YAML reader made this a Date that rolled over to 2027-02-14
      'tag.md': `---\ntitle: Tagged\npublished: !!timestamp 2026-13-45\n---${body}`,
    });
    expect(summary.failures).toEqual([]);
    expect(r.code, r.stdout).toBe(0);
    for (const f of ['kv.json', 'feb.json', 'tag.json']) {
      expect(drafts[f]!.published?.date ?? null, f).toBeNull();
      expect(drafts[f]!.metadata?.published?.value, f).toMatch(/^2026-(13-45|02-30)$/); // kept as written, not as a date
    }
  });

  it('front matter nested too deeply, or far bigger than a header: one plain reason each, at once', async () => {
    const body = `\n\n${SAID}\n`;
    const { reason } = await ingest({
      'deep.md': `---\ntitle: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n---${body}`,
      // 300,000 keys: the YAML reader checks keys pairwise (minutes)
      'keys.md': `---\n${Array.from({ length: 300_000 }, (_, i) => `k${i}: v\n`).join('')}title: T\n---${body}`,
      'laughs.md': `---\na: &a [x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]\n`).join('')}title: *i\n---${body}`,
    });
    expect(reason('deep.md')).toBe('front matter is not valid YAML (line 2): nested too deeply');
    expect(reason('keys.md')).toMatch(/^front matter is 3\.\d MB, more than a header of metadata may be \(64 KB\)$/);
    expect(reason('laughs.md')).toMatch(/^front matter is not valid YAML/);
    for (const f of ['deep.md', 'keys.md', 'laughs.md']) expect(reason(f)).not.toMatch(JS_WORDS);
  }, 120_000);
});
