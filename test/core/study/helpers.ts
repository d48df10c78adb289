/**
 * Helpers for the study's core tests: temporary folders removed after the file's tests, the seed
 * article copied into them (the repository's files are never touched), and fixed stamps.
 */
import { afterAll } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Stamp } from '../../../src/core/study/index.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SEED_TXT = path.join(ROOT, 'seeds/000_77e29c8a411f06ba.txt');
export const CURATED = path.join(ROOT, 'data/kremlin-iran-protests.json');

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A new temporary folder, removed after this test file. */
export function tempDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'nl-study-'));
  made.push(d);
  return d;
}

/** A temporary folder holding a copy of the seed article as article.txt. */
export function seedCopy(): { dir: string; txt: string; study: string } {
  const dir = tempDir();
  const txt = path.join(dir, 'article.txt');
  copyFileSync(SEED_TXT, txt);
  return { dir, txt, study: path.join(dir, 'study.json') };
}

let clock = Date.UTC(2026, 0, 14, 9, 0, 0);
/** A stamp a second after the previous one (so history ids differ and order is plain). */
export function stamp(by = 'analyst'): Stamp {
  clock += 1000;
  return { by, at: new Date(clock).toISOString() };
}
