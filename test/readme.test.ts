import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { keysMarkdown } from '../scripts/keys-md.js';

describe('README', () => {
  it('lists exactly the keys of the key table', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const block = readme.split('<!-- keys:start -->\n')[1]?.split('<!-- keys:end -->')[0];
    expect(block).toBe(keysMarkdown());
  });

  it('names the test command that .ci/run runs', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const ci = await readFile(new URL('../.ci/run', import.meta.url), 'utf8');
    expect(readme).toContain('npm test');
    expect(ci).toMatch(/^npm test$/m);
  });
});
