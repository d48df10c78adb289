/** Exit codes, as fzf and grep: 0 found, 1 nothing found, 2 usage or data error, 130 interrupted. */
export const EXIT = { found: 0, nothing: 1, error: 2, interrupted: 130 } as const;

/** A mistake in what the user typed: one line on stderr, with a hint, exit 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
