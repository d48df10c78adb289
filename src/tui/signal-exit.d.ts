// signal-exit 3 (Ink's and restore-cursor's): only what run.ts uses.
declare module 'signal-exit' {
  const onExit: ((cb: (code: number | null, signal: string | null) => void, opts?: { alwaysLast?: boolean }) => () => void) & {
    /** removes every handler signal-exit installed (its exit callbacks then never run) */
    unload(): void;
  };
  export default onExit;
}
