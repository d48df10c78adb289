#!/usr/bin/env node
/**
 * The narrative-lens command. NO_COLOR must become FORCE_COLOR=0 before anything imports chalk
 * (Ink does, and chalk ignores NO_COLOR), so this file has no static imports: it sets the
 * environment, then loads the rest.
 */
if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') process.env.FORCE_COLOR = '0';

try {
  const { main } = await import('./run.js');
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  // Only a broken installation gets here (a module missing or unreadable): still one line.
  const e = err as Error;
  process.stderr.write(`narrative-lens: cannot start: ${String(e?.message ?? err).split('\n')[0]}\n`);
  process.exitCode = 2;
}
