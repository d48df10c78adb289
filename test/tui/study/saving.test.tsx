/**
 * Saving while someone else edits the same study file: another window's change is read and
 * shown; an edit that does not conflict is merged; one that does is not written over theirs —
 * the status line says what conflicts and where this window's study was kept. Orphaned
 * annotations are listed in the study overlay.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { codeQuotes, createNarrative, openStudy, updateNarrative } from '../../../src/core/study/index.js';
import { KEYS } from '../helpers.js';
import { mountStudy, newStudy, saved } from './helpers.js';

afterEach(() => cleanup());

const stamp = (by: string) => ({ by, at: new Date().toISOString() });

describe('saving beside another window', () => {
  it("shows another window's edit, and merges its own with it", async () => {
    const { file, session } = await newStudy();
    const ui = await mountStudy({ session });
    await ui.press('3');
    const other = await openStudy(file);
    await other.edit((v) => createNarrative(v, { label: 'From the other window' }), stamp('bob'));
    let s = await ui.until('From the other window');
    expect(s).toContain('the study changed on disk (another window?): read again');
    await ui.keys('a', 'Mine', KEYS.enter, KEYS.enter, KEYS.enter);
    s = await ui.until(/saved: create narrative “Mine”/);
    expect(saved(file).narratives.map((n) => n.label)).toEqual(['From the other window', 'Mine']);
  });

  it('does not overwrite a conflicting change: says what conflicts and keeps both', async () => {
    const { file, session } = await newStudy();
    await session.edit((v) => createNarrative(v, { label: 'Shared' }), stamp('ana'));
    // this window does not see the change coming (as when it lands between a read and a save):
    // its watcher, which would read it first (see the test above), is off
    session.store.watch = () => () => undefined;
    const ui = await mountStudy({ session });
    await ui.keys('3', 'G');
    // the other window renames it; this one, not yet having read that, edits the same narrative
    const other = await openStudy(file);
    const before = readFileSync(file, 'utf8');
    await other.edit((v) => updateNarrative(v, 'n-shared', { label: 'Renamed by Bob' }), stamp('bob'));
    expect(readFileSync(file, 'utf8')).not.toBe(before);
    let s = await ui.press('R');
    expect(s).toContain('Rename the narrative');
    await ui.keys(KEYS.ctrlU, 'Renamed by Ana', KEYS.enter);
    s = await ui.until('CONFLICT, not saved');
    expect(s).toContain('narrative n-shared changed here and in the file');
    // the file keeps Bob's, Ana's is kept beside it
    expect(saved(file).narratives[0]!.label).toBe('Renamed by Bob');
    const kept = /yours kept at (\S+?\.json)/.exec(s.replace(/\n/g, ''))?.[1];
    s = await ui.press('O');
    expect(s).toContain('Conflict with the file on disk');
    expect(s).toContain('changed here and there: narrative n-shared');
    const keptPath = /saved at (\S+\.json)/.exec(s.replace(/\n\s*/g, ' '))?.[1] ?? kept;
    expect(keptPath).toBeTruthy();
    const full = path.isAbsolute(keptPath!) ? keptPath! : path.resolve(process.cwd(), keptPath!);
    expect(existsSync(full)).toBe(true);
    expect(readFileSync(full, 'utf8')).toContain('Renamed by Ana');
  });

  it('lists orphaned annotations (never dropped) in the study overlay, and counts them on the status line', async () => {
    const { file, session } = await newStudy();
    await session.edit((v) => codeQuotes(v, 'n-grievance', ['q-irina-survive']), stamp('ana'));
    // a hand edit (or a re-extraction) leaves the anchor pointing at words no source has
    const json = JSON.parse(readFileSync(file, 'utf8'));
    const target = json.study.codings[0].target;
    Object.assign(target, { quote: 'q-gone', articleHash: `sha256:${'0'.repeat(64)}`, selector: { exact: 'words that no article holds anywhere at all', prefix: '', suffix: '' } });
    writeFileSync(file, JSON.stringify(json, null, 2));
    const ui = await mountStudy({ session: await openStudy(file) });
    let s = ui.screen();
    expect(s).toContain('1 orphaned (O)');
    s = await ui.press('O');
    expect(s).toContain('Orphaned annotations (1)');
    expect(s).toContain('coding code:n-grievance:q-irina-survive: “words that no article holds anywhere at all”');
    expect(s).toContain('its text is no longer in any source article');
    expect(s).toMatch(/History \(1; newest first\)/);
  });
});
