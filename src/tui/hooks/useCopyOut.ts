/**
 * Carries out what the command handler asks to send outside the dashboard: text to the clipboard
 * (OSC 52 written to the terminal, unless a test or an embedder passes its own), text appended
 * to the clips file. Reports the outcome of an append as a flash message.
 */
import { useCallback } from 'react';
import { useStdout } from 'ink';
import { appendFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { osc52 } from '../lib/clipboard.js';
import type { Effect } from '../commands.js';
import type { Action } from '../state.js';

/** Where `a` appends copied quotes: $NARRATIVE_LENS_CLIPS, else ~/narrative-lens-clips.md. */
export function defaultClipFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.NARRATIVE_LENS_CLIPS || path.join(os.homedir(), 'narrative-lens-clips.md');
}

export interface CopyOutOptions {
  /** receives copied text instead of the terminal's clipboard */
  clipboard?: ((text: string) => void) | undefined;
  clipFile?: string | undefined;
}

export function useCopyOut({ clipboard, clipFile }: CopyOutOptions, dispatch: (a: Action) => void): (e: Effect) => void {
  const { stdout } = useStdout();
  const file = clipFile ?? defaultClipFile();
  return useCallback(
    (e: Effect) => {
      if (e.kind === 'clipboard') {
        if (clipboard) clipboard(e.text);
        else stdout.write(osc52(e.text));
        return;
      }
      // appended, never rewritten: what is in the file stays as it was
      appendFile(file, `${e.text}\n\n`, 'utf8').then(
        () => dispatch({ type: 'flash', text: `appended to ${file}` }),
        (err: NodeJS.ErrnoException) => dispatch({ type: 'flash', text: `could not append to ${file}: ${err.code ?? err.message}` }),
      );
    },
    [clipboard, file, stdout, dispatch],
  );
}
