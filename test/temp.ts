/**
 * Temporary folders for tests, removed when the test file ends: `npm test` leaves nothing in the
 * system's temp folder (issue 18). Callable anywhere in a test file: at the top level, inside a
 * describe, or inside a test. (An afterAll registered from inside a running test never runs, so
 * the hook is registered once, here, when the test file imports this module — vitest evaluates a
 * file's imports while collecting that file, so the hook belongs to the file's own suite.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];

afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'nl-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}
