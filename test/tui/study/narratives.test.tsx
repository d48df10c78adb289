/**
 * Editing narratives in the dashboard: create, rename, edit summary and key terms, delete with a
 * confirmation; each saved at once, each undone with u and redone with Ctrl-R.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEYS } from '../helpers.js';
import { mountStudy, newStudy, saved } from './helpers.js';

afterEach(() => cleanup());

const CTRL_R = '\u0012';

describe('narratives in a study', () => {
  it('counts in the status line the narratives and questions the panes show, not only the study\'s own', async () => {
    const { session } = await newStudy();
    const ui = await mountStudy({ session });
    const s = await ui.press('3');
    // the Narratives pane lists the sources' four narratives; a new study made none of them
    const listed = /^ (\d+) narratives /m.exec(s)?.[1];
    expect(listed).toBe('4');
    expect(s).toContain('study study.json · 4 narratives · 0 codings · 3 questions · 0 edits');
  });

  it('creates a narrative with a label, summary and key terms, saved at once', async () => {
    const { file, session } = await newStudy();
    const ui = await mountStudy({ session, author: 'ana' });
    await ui.press('3');
    let s = await ui.press('a');
    expect(s).toContain('New narrative: its label');
    await ui.press('Home-grown anger');
    s = await ui.press(KEYS.enter);
    expect(s).toContain('Its summary (optional)');
    await ui.press('Protests come from prices');
    s = await ui.press(KEYS.enter);
    expect(s).toContain('Key terms');
    await ui.press('prices, currency');
    await ui.press(KEYS.enter);
    s = await ui.until('saved: create narrative “Home-grown anger”');
    expect(s).toContain('Home-grown anger');
    const study = saved(file);
    expect(study.narratives).toMatchObject([{ id: 'n-home-grown-anger', label: 'Home-grown anger', summary: 'Protests come from prices', keyTerms: ['prices', 'currency'], by: 'ana' }]);
    expect(study.history.map((h) => h.summary)).toEqual(['create narrative “Home-grown anger” (n-home-grown-anger)']);
  });

  it('refuses an empty label where it was typed, and Esc cancels without a change', async () => {
    const { file, session } = await newStudy();
    const ui = await mountStudy({ session });
    await ui.keys('3', 'a');
    let s = await ui.press(KEYS.enter);
    expect(s).toContain('type something first');
    s = await ui.press(KEYS.esc);
    expect(s).toContain('cancelled: nothing changed');
    expect(saved(file).history).toEqual([]);
  });

  it('renames, edits and deletes (with a confirmation), and undoes and redoes each', async () => {
    const { file, session } = await newStudy();
    const ui = await mountStudy({ session });
    await ui.keys('3', 'a', 'Temp', KEYS.enter, KEYS.enter, KEYS.enter);
    await ui.until('saved: create narrative');
    // the new narrative is last in the list
    await ui.press('G');
    let s = await ui.press('R');
    expect(s).toContain('Rename the narrative');
    await ui.press(KEYS.ctrlU);
    await ui.press('Temporary story');
    await ui.press(KEYS.enter);
    await ui.until('saved: rename narrative “Temp” to “Temporary story”');
    await ui.keys('e');
    await ui.keys('A summary', KEYS.enter, 'one, two', KEYS.enter);
    s = await ui.until('saved: edit summary, keyTerms');
    expect(saved(file).narratives[0]).toMatchObject({ label: 'Temporary story', summary: 'A summary', keyTerms: ['one', 'two'] });

    s = await ui.press('D');
    expect(s).toContain('Delete this narrative?');
    expect(s).toContain('delete narrative “Temporary story”');
    s = await ui.press('n');
    expect(s).toContain('cancelled');
    expect(saved(file).narratives).toHaveLength(1);
    await ui.keys('D', 'y');
    await ui.until('saved: delete narrative');
    expect(saved(file).narratives).toHaveLength(0);

    await ui.press('u');
    await ui.until('saved: undo delete narrative');
    expect(saved(file).narratives).toHaveLength(1);
    await ui.press(CTRL_R);
    await ui.until('saved: redo delete narrative');
    expect(saved(file).narratives).toHaveLength(0);
  });

  it('cannot delete a narrative of the sources, and says why', async () => {
    const { session } = await newStudy();
    const ui = await mountStudy({ session });
    await ui.keys('3', 'D');
    const s = await ui.until('comes from the sources');
    expect(s).toContain('narrative “Western-orchestrated colour revolution” comes from the sources');
  });
});
