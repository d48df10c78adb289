/** Shared by the exporter tests: corpora, temp folders that are removed afterwards, and the external checkers. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { loadCorpus } from '../../../src/core/corpus/load.js';
import { exchangeFromCorpus, type ExchangeInput } from '../../../src/core/export/input.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const HOSTILE = path.join(ROOT, 'test/fixtures/hostile/corpus.json');
/** The official schemas, copied into the repository (see its README). */
export const STANDARDS = path.join(ROOT, 'test/fixtures/standards');
export const PROJECT_XSD = path.join(STANDARDS, 'refi-qda/Project-mrt2019.xsd');
export const FIXED_NOW = '2026-01-20T10:00:00.000Z';

export async function bundledInput(): Promise<ExchangeInput> {
  return exchangeFromCorpus(await loadCorpus([]), { now: FIXED_NOW });
}

export async function inputOf(...files: string[]): Promise<ExchangeInput> {
  return exchangeFromCorpus(await loadCorpus(files), { now: FIXED_NOW });
}

/** A temp folder removed when the test file ends. */
export function tempDir(prefix = 'nl-export-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * An external tool the tests need. Missing, the test FAILS with what to install (never skips):
 * .ci/run installs these, and a check that silently does not run proves nothing.
 */
export function requireTool(cmd: string, debianPackage: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  if (found.status !== 0) throw new Error(`${cmd} is not installed: apt-get install ${debianPackage} (as .ci/run does)`);
  return found.stdout.trim();
}

/** xmllint --schema; returns its complaints ('' when the file validates). */
export function xmllintErrors(file: string, xsd: string): string {
  requireTool('xmllint', 'libxml2-utils');
  const r = spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
  return r.status === 0 ? '' : `${r.stderr}${r.stdout}`.trim();
}

export function run(cmd: string, args: string[], input?: string): string {
  return execFileSync(cmd, args, { encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });
}
