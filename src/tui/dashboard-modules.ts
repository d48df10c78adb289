/**
 * What the dashboard loads after the command line decided to open it, as one module (run.ts
 * imports it dynamically). One dynamic import instead of four: the bundle (scripts/bundle.mjs)
 * splits code at every dynamic import, and the four made some forty small chunks that Node
 * resolved, read and linked one by one before the first frame.
 */
export { default as React } from 'react';
export { render } from 'ink';
export { App } from './App.js';
export { Startup } from './Startup.js';
export { default as signalExit } from 'signal-exit';
