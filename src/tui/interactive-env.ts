/**
 * Imported first by run.ts, for its side effect, before anything loads Ink.
 *
 * Ink draws only the last frame when it thinks it runs on a CI server (it reads CI, CI_* and
 * CONTINUOUS_INTEGRATION once, when it loads). The dashboard is opened only when stdin and
 * stdout are terminals — someone is looking — so those hints are dropped here. (A CI run of the
 * end-to-end tests drives the dashboard in tmux with CI=true and saw a blank screen.)
 */
for (const name of Object.keys(process.env)) {
  if (name === 'CI' || name === 'CONTINUOUS_INTEGRATION' || name.startsWith('CI_')) delete process.env[name];
}

export {};
