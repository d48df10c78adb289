/**
 * File sizes as people write them: "300 MB" in messages, "512MB", "1g", "64k" or a bare number
 * of bytes for --max-file-size. Units are binary (1 KB = 1024 bytes), as `ls -h` and `du -h`.
 */

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/** "512MB", "1.5g", "64 KiB", "1000000" (bytes) → bytes; undefined when it is not a size. */
export function parseSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*$/i.exec(text);
  if (!m) return undefined;
  const bytes = Math.round(Number(m[1]) * UNITS[m[2]!.toLowerCase()]!);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}

/** 812 bytes, 3.4 KB, 7.2 MB, 300 MB, 1.5 GB */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  for (const [unit, size] of [['GB', 1024 ** 3], ['MB', 1024 ** 2], ['KB', 1024]] as const) {
    if (bytes >= size) {
      const n = bytes / size;
      return `${n.toFixed(n < 10 && !Number.isInteger(n) ? 1 : 0)} ${unit}`;
    }
  }
  return `${bytes} bytes`;
}

/** A round limit (a power of two of MB, at least 1MB) that admits `bytes`, written for the flag. */
export function sizeFlagFor(bytes: number): string {
  let mb = 1;
  while (mb * 1024 * 1024 < bytes) mb *= 2;
  return mb >= 1024 ? `${mb / 1024}GB` : `${mb}MB`;
}
