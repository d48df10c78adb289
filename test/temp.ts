/**
 * Temporary folders for tests, removed when the test file ends: `npm test` leaves nothing in the
 * system's temp folder (issue 18). Call at the top level of a test file or inside a describe.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

export function tempDir(prefix = 'nl-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
