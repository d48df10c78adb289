/**
 * Re-audit of 2026-12-01 (issue 18 item 1: "nothing grows with the product of two input
 * dimensions"; audit every per-record structure for the same shape). The STIX export looked, for
 * every actor–narrative pair and every article, through every quote: 2,000 quotes took 5 s,
 * 4,000 took 100 s, 50,000 coded ran for more than ten minutes. Measured here without a clock:
 * how many times the export reads a quote must grow with the quotes, not with their product.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/generate.js';
import { loadCorpus } from '../../src/core/corpus/load.js';
import { exchangeFromCorpus } from '../../src/core/export/input.js';
import { exportStix } from '../../src/core/export/stix.js';
import { tempDir } from '../temp.js';

const dir = tempDir('nl-reaudit-linear-');

/** The export's input with its quotes behind a counter of element reads. */
async function counted(quotes: number) {
  const paths = await writeCorpus(path.join(dir, String(quotes)), { quotes });
  const input = exchangeFromCorpus(await loadCorpus(paths));
  let reads = 0;
  const list = input.quotes;
  const quotesProxy = new Proxy(list, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { run: () => exportStix({ ...input, quotes: quotesProxy }), reads: () => reads, n: list.length };
}

describe('the STIX export reads each quote a bounded number of times', () => {
  it('4,000 quotes in 130 articles: fewer than 20 reads a quote (before: once per actor–narrative pair and article; this test did not end in 5 minutes)', async () => {
    const c = await counted(4000);
    const bundle = c.run();
    expect(bundle.objects.filter((o) => o.type === 'note')).toHaveLength(c.n);
    expect(c.reads() / c.n).toBeLessThan(20);
  }, 120_000);
});
