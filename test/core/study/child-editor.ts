/**
 * A second process editing a study, for store.test.ts (run with `node --import tsx`):
 *   edit STUDY PREFIX N   opens the study and creates N narratives "PREFIX i", saving each at once
 *   save STUDY            saves ever-changing versions of the study in a loop until killed,
 *                         printing "saved i" after each (for the kill -9 test)
 */
import { createNarrative, FileStudyStore, openStudy, stampNow, type Study } from '../../../src/core/study/index.js';

const [mode, file, prefix, count] = process.argv.slice(2);

if (mode === 'edit') {
  const session = await openStudy(file!, {}, new FileStudyStore(file!));
  for (let i = 0; i < Number(count); i++) {
    const r = await session.edit((v) => createNarrative(v, { label: `${prefix} ${i}` }), stampNow(prefix));
    if (r.status === 'conflict') throw new Error(`unexpected conflict: ${JSON.stringify(r.conflicts)}`);
  }
} else if (mode === 'save') {
  const store = new FileStudyStore(file!, { staleMs: 2000 });
  let loaded = await store.load();
  for (let i = 1; ; i++) {
    // a study big enough that a write takes a while (about a megabyte)
    const memos = Array.from({ length: 3000 }, (_, k) => ({
      id: `memo-${i}-${k}`,
      on: { kind: 'actor' as const, id: 'nikita-smagin' },
      text: `round ${i}, memo ${k}: ${'words of a memo '.repeat(10)}`,
      by: 'saver',
      at: new Date().toISOString(),
    }));
    const next: Study = { ...loaded.study, title: `round ${i}`, memos };
    const r = await store.save(next, loaded);
    if (!r.loaded) throw new Error('save failed');
    loaded = r.loaded;
    process.stdout.write(`saved ${i}\n`);
  }
}
