import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataError, formatProblem, loadCorpus, summarize, type Problem } from '../../../src/core/corpus/load.js';

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const fx = (...p: string[]) => path.join(fixtures, ...p);

/** Loads and returns the problems, failing the test if loading succeeds. */
async function problemsOf(...paths: string[]): Promise<Problem[]> {
  try {
    await loadCorpus(paths);
  } catch (err) {
    expect(err).toBeInstanceOf(DataError);
    return (err as DataError).problems;
  }
  throw new Error(`expected ${paths.join(', ')} to be refused`);
}

describe('loadCorpus: good data', () => {
  it('loads a folder of files into one corpus and merges an actor defined in two files', async () => {
    const corpus = await loadCorpus([fx('valid')]);
    expect(corpus.articles.map((a) => a.id)).toEqual(['art-a', 'art-b']);
    expect(corpus.actors).toHaveLength(1);
    const minister = corpus.actorById.get('minister')!;
    // the first definition wins, gaps are filled from the second, aliases are joined
    expect(minister.name).toBe('The Minister');
    expect(minister.role).toBe('Minister of Things');
    expect(minister.aliases).toEqual(['minister', 'the minister', 'Minister']);
    expect(summarize(corpus).quotes).toEqual({ direct: 3, indirect: 0, term: 1, total: 4 });
  });

  it('counts span offsets in code points, so text after an emoji still lines up', async () => {
    const corpus = await loadCorpus([fx('valid', 'article-b.json')]);
    expect(corpus.quoteById.get('qb-2')!.quote.span).toEqual({ start: 47, end: 52 });
  });

  it('loads the same files given one by one as given as a folder', async () => {
    const a = await loadCorpus([fx('valid', 'article-a.json'), fx('valid', 'article-b.json')]);
    const b = await loadCorpus([fx('valid')]);
    expect(summarize(a)).toEqual(summarize(b));
  });
});

describe('loadCorpus: bad data is refused with the file and the place', () => {
  const cases: [string, RegExp[]][] = [
    ['malformed.json', [/line 1, column 44: broken JSON: property name expected/, /line 2, column 1: broken JSON: close bracket expected/]],
    ['empty.json', [/file is empty/]],
    ['not-an-object.json', [/\$: expected a JSON object/]],
    [
      'wrong-types.json',
      [
        /\$\.articles\[0\]\.title: expected string, got number/,
        /\$\.articles\[0\]\.quotes\[0\]\.kind: expected one of "direct", "indirect", "term"/,
        /\$\.articles\[0\]\.quotes\[0\]\.span\.start: expected number, got string "0"/,
      ],
    ],
    ['missing-fields.json', [/\$\.actors\[0\]\.name: missing field/, /\$\.narratives\[0\]\.summary: missing field/]],
    ['duplicate-ids.json', [/\$\.actors\[1\]: duplicate actor id "a1"/, /\$\.articles\[0\]\.quotes\[1\]: duplicate quote id "q"/]],
    [
      'dangling-refs.json',
      [
        /quotes\[0\]\.speaker: unknown actor "smagn" \(did you mean "smagin"\?\)/,
        /quotes\[0\]\.narratives\[0\]: unknown narrative "n-none"/,
        /\$\.positions\[0\]\.narrative: unknown narrative "n-none"/,
        /\$\.positions\[0\]\.axis: unknown axis "x-none"/,
        /\$\.positions\[0\]\.evidence\[0\]: unknown quote "q-missing"/,
      ],
    ],
    [
      'span-off.json',
      [/quotes\[0\]\.span: span 6-9 holds " “y", not the "yes"/, /quotes\[1\]\.span: span 8-400 runs past the end/],
    ],
  ];

  for (const [file, expected] of cases) {
    it(`${file}: every problem, each naming the file and the place`, async () => {
      const problems = await problemsOf(fx('broken', file));
      const lines = problems.map(formatProblem);
      for (const line of lines) expect(line.startsWith(path.join('test', 'fixtures', 'broken', file)) || line.includes(file)).toBe(true);
      for (const re of expected) expect(lines.some((l) => re.test(l)), `${re} in\n${lines.join('\n')}`).toBe(true);
      expect(lines).toHaveLength(expected.length);
    });
  }

  it('a folder holding a non-corpus file names that file', async () => {
    const problems = await problemsOf(fx('folder-with-junk'));
    expect(problems).toHaveLength(1);
    expect(formatProblem(problems[0]!)).toMatch(/notes\.md: not a corpus file/);
  });

  it('a missing path is named', async () => {
    const problems = await problemsOf(fx('does-not-exist.json'));
    expect(formatProblem(problems[0]!)).toMatch(/does-not-exist\.json: no such file or folder/);
  });

  it('reports problems from every file at once, not only the first', async () => {
    const problems = await problemsOf(fx('broken', 'empty.json'), fx('broken', 'malformed.json'));
    expect(new Set(problems.map((p) => path.basename(p.file)))).toEqual(new Set(['empty.json', 'malformed.json']));
  });

  it('refuses files over the size limit, saying the limit and how to raise it', async () => {
    const problems = await (async () => {
      try {
        await loadCorpus([fx('valid', 'article-a.json')], { maxFileBytes: 100 });
      } catch (err) {
        return (err as DataError).problems;
      }
      return [];
    })();
    expect(problems.map(formatProblem).join('\n')).toMatch(/file is 1\.\d KB, over the 100 bytes limit \(raise it with --max-file-size 1MB\)/);
  });

  it('shows data quoted in a message inert', () => {
    const line = formatProblem({ file: 'x.json', where: '$', message: 'unknown actor "\u001b[31mevil\u202e"' });
    expect(line).not.toMatch(/[\u001b\u202e]/);
    expect(line).toContain('␛[31mevil<U+202E>');
  });
});
