/**
 * Gives the terminal back even when the dashboard's process dies outright — out of memory, a
 * native abort, SIGKILL — where no handler of ours runs (issue 18). A tiny shell process is
 * started beside the dashboard: it saves the terminal's modes (`stty -g`) and then waits on a
 * pipe from us. When the pipe closes without our "done" (we died, however), it puts the saved
 * modes back and leaves the alternate screen with the cursor shown. On a normal exit we say
 * "done" and it leaves the terminal alone. POSIX sh and stty only; where they are missing the
 * dashboard runs unsupervised, as before.
 */
import { spawn } from 'node:child_process';

const SCRIPT = [
  // fd 3: the terminal's input (for stty), fd 4: its output
  'saved=$(stty -g <&3) || exit 0',
  'echo ready',
  'read -r word',
  '[ "$word" = done ] && exit 0',
  'stty "$saved" <&3',
  "printf '\\033[?25h\\033[?1049l' >&4",
].join('\n');

export interface Watchdog {
  /** the dashboard ended by one of its own ways out: leave the terminal alone */
  done(): void;
}

/** Starts the watchdog and waits (briefly) until it has saved the terminal's modes. */
export async function startWatchdog(): Promise<Watchdog> {
  const none: Watchdog = { done: () => undefined };
  let child;
  try {
    // its own process group: job control (Ctrl-Z, fg) and the terminal's signals are ours to handle
    child = spawn('/bin/sh', ['-c', SCRIPT], { stdio: ['pipe', 'pipe', 'ignore', 0, 1], detached: true });
  } catch {
    return none;
  }
  const input = child.stdin!;
  const output = child.stdout!;
  child.on('error', () => undefined);
  input.on('error', () => undefined);
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 1000);
    output.once('data', () => {
      clearTimeout(timer);
      resolve(true);
    });
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
  // never keeps us alive: it lives only as long as we do
  child.unref();
  (input as unknown as { unref?: () => void }).unref?.();
  (output as unknown as { unref?: () => void }).unref?.();
  if (!ready) {
    child.kill();
    return none;
  }
  let said = false;
  return {
    done() {
      if (said) return;
      said = true;
      try {
        input.end('done\n');
      } catch {
        // gone already
      }
    },
  };
}
