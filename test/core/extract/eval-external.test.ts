/**
 * scripts/eval-external.ts on a one-article corpus in PolNeAR's layout (brat standoff + CoreNLP
 * xml), written here: gold passages, a named source and a pronoun source resolved through the
 * coreference chain, and the guard that keeps the test split's misses unread.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../temp.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const script = path.join(root, 'scripts', 'eval-external.ts');
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, encoding: 'utf8' });

const text = 'Vote\n\n“We will win,” Dana Ruiz said. “It is close,” she said. “Go and vote,” said Omar Haddad.\n';
const at = (s: string, from = 0) => {
  const i = text.indexOf(s, from);
  return [i, i + s.length] as const;
};

function corpus(): string {
  const dir = tempDir('nl-polnear-');
  for (const sub of ['text', 'attributions', 'corenlp']) mkdirSync(path.join(dir, 'dev', sub), { recursive: true });
  mkdirSync(path.join(dir, 'test', 'text'), { recursive: true });
  mkdirSync(path.join(dir, 'test', 'attributions'), { recursive: true });
  const base = 'wire_2016-10-01_vote';
  writeFileSync(path.join(dir, 'dev', 'text', `${base}.txt`), text);
  const [q1s, q1e] = at('“We will win,”');
  const [q2s, q2e] = at('“It is close,”');
  const [ns, ne] = at('Dana Ruiz');
  const [c1s, c1e] = at('said');
  const [ps, pe] = at('she');
  const [c2s, c2e] = at('said', ps);
  const [q3s, q3e] = at('“Go and vote,”');
  const [c3s, c3e] = at('said', q3e);
  writeFileSync(
    path.join(dir, 'dev', 'attributions', `${base}_ab12.ann`),
    [
      `T1\tSource ${ns} ${ne}\tDana Ruiz`,
      `T2\tCue ${c1s} ${c1e}\tsaid`,
      `T3\tContent ${q1s} ${q1e}\t“We will win,”`,
      `T4\tAttribution ${c1s} ${c1e}\tsaid`,
      'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
      `T5\tSource ${ps} ${pe}\tshe`,
      `T6\tCue ${c2s} ${c2e}\tsaid`,
      `T7\tContent ${q2s} ${q2e}\t“It is close,”`,
      `T8\tAttribution ${c2s} ${c2e}\tsaid`,
      'E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5',
      // an annotation slip: the verb marked as the source
      `T9\tSource ${c3s} ${c3e}\tsaid`,
      `T10\tCue ${c3s} ${c3e}\tsaid`,
      `T11\tContent ${q3s} ${q3e}\t“Go and vote,”`,
      `T12\tAttribution ${c3s} ${c3e}\tsaid`,
      'E3\tAttribution:T12 Content:T11 Cue:T10 Source:T9',
      '',
    ].join('\n'),
  );
  // the tokens the scorer needs: the sources' heads and their governors (CoreNLP's 1-based indices)
  const toks = [
    ['Dana', ns, ns + 4, 'NNP', 'PERSON', 2],
    ['Ruiz', ns + 5, ne, 'NNP', 'PERSON', 3],
    ['said', c1s, c1e, 'VBD', 'O', 0],
    ['she', ps, pe, 'PRP', 'O', 5],
    ['said', c2s, c2e, 'VBD', 'O', 0],
    ['said', c3s, c3e, 'VBD', 'O', 0],
  ] as const;
  const xml = `<root><document><sentences><sentence id="1"><tokens>${toks
    .map(([w, s, e, pos, ner], i) => `<token id="${i + 1}"><word>${w}</word><CharacterOffsetBegin>${s}</CharacterOffsetBegin><CharacterOffsetEnd>${e}</CharacterOffsetEnd><POS>${pos}</POS><NER>${ner}</NER></token>`)
    .join('')}</tokens><dependencies type="basic-dependencies">${toks
    .map(([w, , , , , g], i) => `<dep type="x"><governor idx="${g}">x</governor><dependent idx="${i + 1}">${w}</dependent></dep>`)
    .join('')}</dependencies></sentence></sentences><coreference><coreference><mention representative="true"><sentence>1</sentence><start>1</start><end>3</end><head>2</head><text>Dana Ruiz</text></mention><mention><sentence>1</sentence><start>4</start><end>5</end><head>4</head><text>she</text></mention></coreference></coreference></document></root>`;
  writeFileSync(path.join(dir, 'dev', 'corenlp', `${base}.txt.xml`), xml);
  writeFileSync(path.join(dir, 'metadata.tsv'), `compartment\tfilename\tpublisher\tpublication_date\ndev\t${base}\twire\t2016-10-01\n`);
  return dir;
}

describe('scripts/eval-external.ts (PolNeAR layout)', () => {
  const dir = corpus();

  it('turns the attributions into gold passages and speakers, a pronoun through its coreference chain', () => {
    const r = run(dir, '--split', 'dev', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { lines: Array<{ label: string; gold: number; tp: number; speaker: { n: number; correct: number }; named: { n: number; correct: number } }> };
    const all = out.lines.find((l) => l.label === 'PolNeAR dev (all)')!;
    // the third passage's source is the verb "said" (an annotation slip): no speaker in the gold, not scored
    expect(all).toMatchObject({ gold: 3, tp: 3, speaker: { n: 2, correct: 2 }, named: { n: 1, correct: 1 }, unresolved: 1 });
  });

  it('refuses to list the test split\'s misses, and names a folder that is not PolNeAR\'s', () => {
    const r = run(dir, '--split', 'test', '--verbose');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/dev split/);
    const bad = run(path.join(dir, 'nope'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(path.join(dir, 'nope'));
  });
});
