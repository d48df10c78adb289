/** Temporary folders for ingest tests, removed after the file's tests (afterAll). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

export function tempDirs(): (name?: string) => string {
  const made: string[] = [];
  afterAll(() => {
    for (const d of made) rmSync(d, { recursive: true, force: true });
  });
  return (name = 'nl-ingest-') => {
    const d = mkdtempSync(path.join(os.tmpdir(), name));
    made.push(d);
    return d;
  };
}

export function write(dir: string, rel: string, data: string | Uint8Array): string {
  const p = path.join(dir, rel);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, data);
  return p;
}

/** A news article of about `words` words with quotations in the usual styles. */
export function article(n: number, words = 800): string {
  const people = ['Anna Keller', 'Tomas Novak', 'Mira Osei', 'Daniel Ruiz', 'Lena Holm'];
  const p = people[n % people.length]!;
  const q = people[(n + 2) % people.length]!;
  const paras = [
    `Council approves budget ${n} after long debate`,
    `The city council approved budget number ${n} on Tuesday after a debate that lasted most of the night, officials said.`,
    `"This is a budget for the people who live here, not for the people who lobby us," said ${p}, the council's finance chair.`,
    `${q}, who leads the opposition group, said the plan would raise fees for small shops. "We will fight it in every committee," ${q.split(' ')[1]} said.`,
  ];
  const filler = 'Residents who attended the meeting asked about schools, roads, parks and the cost of water, and the answers took time because every item had its own history in the city.';
  while (paras.join(' ').split(/\s+/).length < words) paras.push(filler);
  return `${paras.join('\n\n')}\n`;
}
