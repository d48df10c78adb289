/**
 * Running the BUILT command as a user would: `node dist/cli/main.js ...` with stdout and stdin
 * piped (so never a terminal). dist/ is rebuilt first when any file under src/ is newer.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../temp.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'dist/cli/main.js');
export const FIXTURES = path.join(ROOT, 'test/fixtures/cli');
export const MINI = path.join(FIXTURES, 'mini');
export const HOSTILE = path.join(FIXTURES, 'hostile.json');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

let built = false;
export function ensureBuilt(): void {
  if (built) return;
  if (!existsSync(BIN) || statSync(BIN).mtimeMs < newest(path.join(ROOT, 'src'))) {
    // as `npm run build`: tsc, then the bundle when the project has one
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
    } catch {
      // tsc emits even when some file has a type error; the tests below show what matters
    }
    const bundle = path.join(ROOT, 'scripts/bundle.mjs');
    if (existsSync(bundle)) execFileSync(process.execPath, [bundle], { cwd: ROOT, stdio: 'pipe' });
  }
  built = true;
}

const CACHE = tempDir('nl-cli-cache-');

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A clean environment: no colour settings, no width, a private cache folder. */
export function env(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, NARRATIVE_LENS_CACHE_DIR: CACHE };
  for (const k of ['NO_COLOR', 'FORCE_COLOR', 'COLUMNS', 'TERM', 'NARRATIVE_LENS_NO_FAST_PATH', 'NARRATIVE_LENS_DEBUG']) delete e[k];
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete e[k];
    else e[k] = v;
  }
  return e;
}

export function run(args: string[], opts: { env?: Record<string, string | undefined>; input?: string; cwd?: string } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: env(opts.env),
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Spawns without waiting (for signals). */
export function start(args: string[], extraEnv: Record<string, string | undefined> = {}) {
  return spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: env(extraEnv), stdio: ['pipe', 'pipe', 'pipe'] });
}

/** A strict RFC 4180 parser, written independently of the printer. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (c === '\n' || c === '\r') {
      throw new Error(`bare line break at ${i} (RFC 4180 wants CRLF)`);
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length) throw new Error('last record has no CRLF');
  return rows;
}

/** Rows as objects keyed by the header. */
export function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  for (const r of rows) if (r.length !== header!.length) throw new Error(`row has ${r.length} fields, header ${header!.length}`);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

// eslint-disable-next-line no-control-regex
export const ANSI = /\u001b\[[0-9;]*m/;
// eslint-disable-next-line no-control-regex
export const TERMINAL_UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** What must never appear on stderr: a stack trace. */
export const STACK = /^\s+at .+\(.+:\d+:\d+\)$|^\s+at .+:\d+:\d+$|Error: .*\n\s+at /m;
