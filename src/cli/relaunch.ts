/**
 * A corpus too large for V8's default heap (about a sixth of the machine's memory here: 4 GB of
 * 24) is refused before it is parsed (load.ts, HeapTooSmallError) rather than ending in a native
 * out-of-memory abort. When the machine has the memory and nobody chose the heap's size, the
 * command runs itself once more with a heap that fits, instead of telling the analyst to split
 * a million-quote corpus: the first `search` over it builds the index on disk in that process,
 * and later runs read the index in the default heap.
 */
import { spawnSync } from 'node:child_process';
import { totalmem } from 'node:os';

/** Set in the second process, so that it never runs itself again. */
const MARK = 'NARRATIVE_LENS_HEAP_RELAUNCHED';
/** The share of the machine's memory a relaunched heap may take. */
const MACHINE_SHARE = 0.75;

/** Whether the heap's size was chosen by whoever started us (respected: never raised). */
function heapChosen(): boolean {
  const flag = /--max-old-space-size|--max_old_space_size/;
  return flag.test(process.env.NODE_OPTIONS ?? '') || process.execArgv.some((a) => flag.test(a));
}

/**
 * Runs this command again with a heap of about `needBytes` (plus a margin) and returns its exit
 * code, or undefined when that is not possible or not allowed (the caller then reports the refusal).
 */
export function relaunchWithHeap(needBytes: number): number | undefined {
  if (process.env[MARK] || heapChosen() || !process.argv[1]) return undefined;
  const wantMB = Math.ceil((needBytes * 1.15) / 2 ** 20);
  if (wantMB > Math.floor((totalmem() * MACHINE_SHARE) / 2 ** 20)) return undefined;
  const r = spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${wantMB}`, process.argv[1], ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, [MARK]: '1' },
  });
  if (r.error) return undefined;
  // the child died by a signal (Ctrl-C, kill): die by the same one, as the shell expects
  if (r.signal) process.kill(process.pid, r.signal);
  return r.status ?? 2;
}
