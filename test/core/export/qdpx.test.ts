import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { makeCorpus } from '../../../src/core/corpus/corpus.js';
import { CorpusFile, type Article } from '../../../src/core/corpus/schema.js';
import { exchangeFromCorpus, type ExchangeInput } from '../../../src/core/export/input.js';
import { buildProject, exportQdpx, guidOf } from '../../../src/core/export/qdpx.js';
import { importQdpx } from '../../../src/core/export/qdpx-import.js';
import { bundledInput, FIXED_NOW, HOSTILE, inputOf, PROJECT_XSD, requireTool, run, tempDir, xmllintErrors } from './helpers.js';

const dir = tempDir('nl-qdpx-');

function writeQde(name: string, input: ExchangeInput): string {
  const file = path.join(dir, `${name}.qde`);
  writeFileSync(file, buildProject(input).xml);
  return file;
}

/** The archive read by an independent reader that does what QualCoder's import does (Python). */
function readAsQualCoder(bytes: Uint8Array, name: string) {
  requireTool('python3', 'python3');
  const file = path.join(dir, `${name}.qdpx`);
  writeFileSync(file, bytes);
  return JSON.parse(run('python3', [path.join(import.meta.dirname, 'qualcoder-read.py'), file])) as {
    codes: { guid: string; name: string; color: string; description: string }[];
    sources: { guid: string; name: string; length: number; selections: { guid: string; name: string; seltext: string; codes: string[] }[] }[];
    cases: { name: string; selections: string[] }[];
    notes: { name: string; created: string; text: string }[];
  };
}

/** A one-article corpus whose text has Windows line ends, astral characters and a BOM-like mark inside. */
function crlfInput(): ExchangeInput {
  const text = 'First line 🇮🇷 said "we stay".\r\nSecond 𝔘 line: "They go," he said.\r\n\r\nLast line.';
  const find = (s: string) => {
    const cps = Array.from(text);
    const at = Array.from(text.slice(0, text.indexOf(s))).length;
    return { start: at, end: at + Array.from(s).length, cps };
  };
  const q1 = find('we stay');
  const q2 = find('They go,');
  const q3 = find('𝔘 line: "They go," he said.\r\n\r\nLast');
  const file = CorpusFile.parse({
    articles: [
      {
        id: 'crlf',
        title: 'Windows text',
        text,
        quotes: [
          { id: 'q1', kind: 'direct', text: 'we stay', span: { start: q1.start, end: q1.end }, speaker: 'a', narratives: ['n1'] },
          { id: 'q2', kind: 'direct', text: 'They go,', span: { start: q2.start, end: q2.end }, speaker: 'a', narratives: ['n1', 'n2'] },
          { id: 'q3', kind: 'indirect', text: '𝔘 line: "They go," he said.\r\n\r\nLast', span: { start: q3.start, end: q3.end }, speaker: null, narratives: ['n2'] },
        ],
      },
    ],
    actors: [{ id: 'a', name: 'Ann', kind: 'person' }],
    narratives: [
      { id: 'n1', label: 'Staying', summary: 'They stay.' },
      { id: 'n2', label: 'Going', summary: 'They go.' },
    ],
  });
  return exchangeFromCorpus(makeCorpus({ ...file, files: [] }), { now: FIXED_NOW });
}

describe('REFI-QDA export (.qdpx)', () => {
  it('the bundled study validates against the official Project schema', async () => {
    expect(xmllintErrors(writeQde('bundled', await bundledInput()), PROJECT_XSD)).toBe('');
  });

  it('the schema check can fail: an element out of the order the schema fixes is refused', async () => {
    const xml = buildProject(await bundledInput()).xml.replace(/(<Users>.*?<\/Users>)(<CodeBook>.*?<\/CodeBook>)/s, '$2$1');
    const file = path.join(dir, 'misordered.qde');
    writeFileSync(file, xml);
    expect(xmllintErrors(file, PROJECT_XSD)).toMatch(/Users.*not expected/);
  });

  it('the hostile corpus stays well-formed and valid, its control characters shown as control pictures', async () => {
    const input = await inputOf(HOSTILE);
    const file = writeQde('hostile', input);
    expect(xmllintErrors(file, PROJECT_XSD)).toBe('');
    const xml = readFileSync(file, 'utf8');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(xml).toContain('\u241B[31m'); // ␛[31m: the escape sequence in a label, visible and inert
    expect(xml).toContain('Мария Захарова'); // other scripts unchanged
  });

  it('an importer reading like QualCoder finds every quote at its positions, coded to its narratives, said by its speaker', async () => {
    const input = await bundledInput();
    const read = readAsQualCoder(exportQdpx(input), 'bundled');
    expect(read.codes.map((c) => c.name)).toEqual(input.narratives.map((n) => n.label));
    expect(read.codes.map((c) => c.description)).toEqual(input.narratives.map((n) => n.summary));
    const selections = read.sources.flatMap((s) => s.selections);
    expect(selections).toHaveLength(input.quotes.length);
    const codeName = new Map(read.codes.map((c) => [c.guid, c.name]));
    const speakerOf = new Map(read.cases.flatMap((c) => c.selections.map((g) => [g, c.name] as const)));
    for (const r of input.quotes) {
      const sel = selections.find((s) => s.guid === guidOf.quote(r.quote.id))!;
      expect(sel.seltext).toBe(r.quote.text);
      expect(sel.codes.map((g) => codeName.get(g))).toEqual(r.narratives.map((id) => input.narratives.find((n) => n.id === id)!.label));
      expect(speakerOf.get(sel.guid) ?? null).toBe(r.quote.speaker ? input.actors.find((a) => a.id === r.quote.speaker)!.name : null);
    }
    expect(read.notes.map((n) => n.text)).toEqual(input.memos.map((m) => m.text));
    expect(read.notes.every((n) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(n.created))).toBe(true);
  });

  it('CRLF text, astral characters: positions count what the importer reads (LF, code points)', () => {
    const input = crlfInput();
    const bytes = exportQdpx(input);
    const source = unzipSync(bytes)[`sources/${guidOf.article('crlf')}.txt`]!;
    expect(source[0]).not.toBe(0xef); // no BOM
    expect(new TextDecoder().decode(source)).not.toContain('\r');
    const read = readAsQualCoder(bytes, 'crlf');
    expect(read.sources[0]!.selections.map((s) => s.seltext)).toEqual(['we stay', '𝔘 line: "They go," he said.\n\nLast', 'They go,']);
    expect(xmllintErrors(writeQde('crlf', input), PROJECT_XSD)).toBe('');
  });

  it('is repeatable: the same study gives the same bytes', async () => {
    const input = await bundledInput();
    expect(Buffer.from(exportQdpx(input)).equals(Buffer.from(exportQdpx(input)))).toBe(true);
  });
});

describe('REFI-QDA import', () => {
  it('round trip into the same study loses nothing: ids, texts, spans, codings, speakers, actors, memos', async () => {
    const input = await bundledInput();
    const back = importQdpx(exportQdpx(input), input);
    expect(back.warnings).toEqual([]);
    expect(back.title).toBe(input.title);
    expect(back.narratives).toEqual(input.narratives);
    expect(back.actors).toEqual(input.actors);
    expect(back.articles).toEqual(input.articles.map((a) => ({ ...a, quotes: a.quotes })));
    expect(back.memos).toEqual(input.memos.map((m) => ({ ...m, created: '2026-01-20T10:00:00Z' })));
  });

  it('round trip into an empty study keeps every text, span, coding, speaker and memo (ids made from names)', async () => {
    const input = await bundledInput();
    const back = importQdpx(exportQdpx(input));
    expect(back.warnings).toEqual([]);
    const label = new Map(back.narratives.map((n) => [n.id, n.label]));
    const name = new Map(back.actors.map((a) => [a.id, a.name]));
    const origLabel = new Map(input.narratives.map((n) => [n.id, n.label]));
    const origName = new Map(input.actors.map((a) => [a.id, a.name]));
    expect(back.narratives.map((n) => [n.label, n.summary])).toEqual(input.narratives.map((n) => [n.label, n.summary]));
    expect(back.actors.map(({ id, ...a }) => a)).toEqual(input.actors.map(({ id, ...a }) => a));
    expect(back.articles.map((a) => [a.title, a.text])).toEqual(input.articles.map((a) => [a.title, a.text]));
    const flat = (arts: Article[], l: Map<string, string>, n: Map<string, string>) =>
      arts.flatMap((a) => a.quotes.map((q) => ({ text: q.text, span: q.span, speaker: q.speaker && n.get(q.speaker), narratives: q.narratives.map((id) => l.get(id)) })));
    expect(flat(back.articles, label, name)).toEqual(flat(input.articles, origLabel, origName));
    expect(back.memos.map((m) => m.text)).toEqual(input.memos.map((m) => m.text));
    // the imported project is a valid corpus file
    expect(CorpusFile.safeParse({ articles: back.articles, actors: back.actors, narratives: back.narratives }).success).toBe(true);
  });

  it('CRLF and astral text come back with every quote at its place', () => {
    const input = crlfInput();
    const back = importQdpx(exportQdpx(input), input);
    const quotes = back.articles[0]!.quotes;
    expect(quotes.map((q) => q.text)).toEqual(['we stay', '𝔘 line: "They go," he said.\n\nLast', 'They go,']);
    expect(quotes.map((q) => q.narratives)).toEqual([['n1'], ['n2'], ['n1', 'n2']]);
  });

  it('the hostile corpus comes back with every quote text exact', async () => {
    const input = await inputOf(HOSTILE);
    const back = importQdpx(exportQdpx(input), input);
    expect(back.articles.flatMap((a) => a.quotes.map((q) => q.text))).toEqual(input.quotes.map((r) => r.quote.text));
    expect(back.articles.map((a) => a.text)).toEqual(input.articles.map((a) => a.text));
  });

  it("another tool's project: braced upper-case GUIDs, Project.qde and Sources/, a BOM, nested codes, ATLAS.ti's CRLF", () => {
    const text = 'Intro.\r\nThe minister said "we will win" today.\r\nEnd.';
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Field study" origin="ATLAS.ti 8.4.0">
  <CodeBook><Codes>
    <Code guid="{11111111-1111-1111-1111-111111111111}" name="Claims" isCodable="false">
      <Code guid="{22222222-2222-2222-2222-222222222222}" name="Victory" isCodable="true" color="#F0A"><Description>They will win.</Description></Code>
    </Code>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="{33333333-3333-3333-3333-333333333333}" name="Interview 1" plainTextPath="internal://{33333333-3333-3333-3333-333333333333}.txt">
      <PlainTextSelection guid="{44444444-4444-4444-4444-444444444444}" startPosition="26" endPosition="37">
        <Description>Said twice in the interview.</Description>
        <Coding guid="{55555555-5555-5555-5555-555555555555}"><CodeRef targetGUID="{22222222-2222-2222-2222-222222222222}"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="{66666666-6666-6666-6666-666666666666}" startPosition="40" endPosition="900"/>
    </TextSource>
  </Sources>
</Project>`;
    const zip = zipSync({
      'Project.qde': strToU8(xml),
      'Sources/{33333333-3333-3333-3333-333333333333}.txt': new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(text)]),
    });
    const back = importQdpx(zip);
    expect(back.narratives).toEqual([{ id: 'n-claims-victory', label: 'Claims / Victory', summary: 'They will win.', proponents: [], keyTerms: [], techniques: [] }]);
    expect(back.colours).toEqual({ 'n-claims-victory': '#FF00AA' });
    const q = back.articles[0]!.quotes;
    expect(q.map((x) => [x.text, x.kind, x.narratives])).toEqual([['we will win', 'direct', ['n-claims-victory']]]);
    expect(back.memos.map((m) => [m.text, m.about])).toEqual([['Said twice in the interview.', { kind: 'quote', id: q[0]!.id }]]);
    expect(back.warnings.join('\n')).toMatch(/selection \{66666666-6666-6666-6666-666666666666\} at 40–900 lies outside its \d+-character text/);
  });

  it('names what is wrong with a file that is no .qdpx', () => {
    expect(() => importQdpx(strToU8('not a zip'))).toThrow(/not a \.qdpx \(zip\) archive/);
    expect(() => importQdpx(zipSync({ 'readme.txt': strToU8('x') }))).toThrow(/no project\.qde/);
  });
});
