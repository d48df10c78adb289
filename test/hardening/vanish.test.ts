/**
 * A file that disappears (or turns unreadable) between the folder listing and its reading, made
 * deterministic: the file system's open() removes the file first, for names marked "vanish".
 * The loader names that file and goes on with the others; nothing else throws.
 */
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    open: async (file: Parameters<typeof real.open>[0], ...rest: unknown[]) => {
      const name = path.basename(String(file));
      if (name.includes('vanish')) {
        try {
          unlinkSync(String(file));
        } catch {
          // already gone
        }
      }
      if (name.includes('denied')) throw Object.assign(new Error(`EACCES: permission denied, open '${name}'`), { code: 'EACCES' });
      if (name.includes('eio')) throw Object.assign(new Error(`EIO: i/o error, open '${name}'`), { code: 'EIO' });
      return (real.open as (...a: unknown[]) => ReturnType<typeof real.open>)(file, ...rest);
    },
  };
});

const { DataError, formatProblem, loadCorpus } = await import('../../src/core/corpus/load.js');

const MINI_TEXT = readFileSync(path.join(import.meta.dirname, '../fixtures/cli/mini/corpus.json'), 'utf8');
const dir = mkdtempSync(path.join(os.tmpdir(), 'nl-gone-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function problemsOf(paths: string[]): Promise<string[]> {
  try {
    await loadCorpus(paths);
  } catch (err) {
    expect(err).toBeInstanceOf(DataError);
    return (err as InstanceType<typeof DataError>).problems.map(formatProblem);
  }
  return [];
}

describe('files that change under the loader', () => {
  it('a file removed after the folder was listed is named; the other files are still checked', async () => {
    writeFileSync(path.join(dir, 'a.json'), MINI_TEXT);
    writeFileSync(path.join(dir, 'b-vanish.json'), MINI_TEXT);
    writeFileSync(path.join(dir, 'c.json'), '{"broken": ');
    const problems = await problemsOf([dir]);
    expect(problems.some((p) => /b-vanish\.json: no such file or folder$/.test(p))).toBe(true);
    expect(problems.some((p) => /c\.json: line 1, column \d+: broken JSON/.test(p))).toBe(true);
  });

  it('a file that cannot be opened (permission, an I/O error) is named with the reason', async () => {
    const denied = path.join(dir, 'denied.json');
    const eio = path.join(dir, 'eio.json');
    writeFileSync(denied, MINI_TEXT);
    writeFileSync(eio, MINI_TEXT);
    const problems = await problemsOf([denied, eio]);
    expect(problems).toEqual([expect.stringMatching(/denied\.json: permission denied$/), expect.stringMatching(/eio\.json: cannot read \(EIO\)$/)]);
  });
});
