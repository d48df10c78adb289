/**
 * Headless Chromium for the report tests (Debian's `chromium`; .ci/run installs it), and a small
 * PNG reader to tell a rendered page from a blank one.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzlibSync } from 'fflate';
import { requireTool } from './helpers.js';

function chromium(args: string[]): string {
  const bin = requireTool('chromium', 'chromium');
  const profile = mkdtempSync(path.join(os.tmpdir(), 'nl-chromium-'));
  try {
    const r = spawnSync(
      bin,
      ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', `--user-data-dir=${profile}`, ...args],
      { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
    );
    if (r.status !== 0) throw new Error(`chromium failed (${r.status ?? r.signal}): ${r.stderr.slice(-2000)}`);
    return r.stdout;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The DOM after Chromium parsed and laid out the file. */
export function dumpDom(file: string): string {
  return chromium(['--dump-dom', `file://${file}`]);
}

export function screenshot(file: string, png: string, width: number, height: number): void {
  chromium([`--window-size=${width},${height}`, `--screenshot=${png}`, `file://${file}`]);
}

export function printToPdf(file: string, pdf: string): void {
  chromium(['--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${file}`]);
}

/** Width, height and the share of pixels that are not near-white, of an 8-bit RGB/RGBA PNG. */
export function pngInk(file: string): { width: number; height: number; ink: number; colours: number } {
  const buf = readFileSync(file);
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error(`${file} is not a PNG`);
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || (data[9] !== 2 && data[9] !== 6) || data[12] !== 0) throw new Error('only 8-bit RGB/RGBA, non-interlaced PNGs are read here');
      channels = data[9] === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const raw = unzlibSync(Buffer.concat(idat));
  const stride = width * channels;
  const prev = new Uint8Array(stride);
  const line = new Uint8Array(stride);
  let inked = 0;
  const colours = new Set<number>();
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)]!;
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? line[i - channels]! : 0;
      const b = prev[i]!;
      const c = i >= channels ? prev[i - channels]! : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const pred = f === 0 ? 0 : f === 1 ? a : f === 2 ? b : f === 3 ? (a + b) >> 1 : paeth;
      line[i] = (src[i]! + pred) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const r = line[x * channels]!;
      const g = line[x * channels + 1]!;
      const bl = line[x * channels + 2]!;
      if (r < 235 || g < 235 || bl < 235) inked++;
      if (colours.size < 5000) colours.add((r << 16) | (g << 8) | bl);
    }
    prev.set(line);
  }
  return { width, height, ink: inked / (width * height), colours: colours.size };
}
