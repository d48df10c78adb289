/**
 * Correcting the sources from the dashboard: a quote's speaker (an actor picked, or a new one
 * created), its kind, rejecting a false quote, adding a missed quote found by its words, marking
 * an article reviewed. The sources are never touched: the corrections live in the study.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { KEYS } from '../helpers.js';
import { mountStudy, newStudy, saved } from './helpers.js';

afterEach(() => cleanup());

describe('corrections', () => {
  it("changes a quote's speaker to an actor picked by name", async () => {
    const { file, session } = await newStudy();
    const ui = await mountStudy({ session });
    await ui.keys('/', 'busy trying', KEYS.esc);
    let s = await ui.press('S');
    expect(s).toContain('Who said it?');
    expect(s).toContain('+ a new actor…');
    s = await ui.press('bondarev');
    expect(s).toContain('Boris Bondarev');
    await ui.press(KEYS.enter);
    s = await ui.until('saved: speaker of “Iran? What Iran?');
    expect(s).toContain('Irina → Boris Bondarev');
    expect(saved(file).corrections).toMatchObject([{ kind: 'speaker', speaker: 'bondarev', target: { quote: 'q-irina-survive' } }]);
  });

  it('creates a new actor as the speaker, as two edits that u undoes one by one', async () => {
    const { file, session } = await newStudy();
    const ui = await mountStudy({ session });
    await ui.keys('/', 'busy trying', KEYS.esc, 'S');
    let s = await ui.press(KEYS.enter);
    expect(s).toContain('The new actor: name');
    await ui.keys('Anna Petrova', KEYS.enter);
    s = await ui.press('pers');
    expect(s).toContain('person');
    await ui.press(KEYS.enter);
    s = await ui.until('saved: speaker of “Iran? What Iran?');
    expect(s).toContain('Irina → Anna Petrova');
    const study = saved(file);
    expect(study.actors).toMatchObject([{ id: 'anna-petrova', name: 'Anna Petrova', kind: 'person' }]);
    expect(study.history.map((h) => ('op' in h ? h.op : h.action))).toEqual(['actor-create', 'correct-speaker']);
    await ui.press('u');
    await ui.until('saved: undo speaker of');
    expect(saved(file).corrections).toEqual([]);
    expect(saved(file).actors).toHaveLength(1);
  });

  it("changes a quote's kind", async () => {
    const { file, session } = await newStudy();
    const ui = await mountStudy({ session });
    await ui.keys('/', 'sabers', KEYS.esc);
    let s = await ui.press('K');
    expect(s).toContain('What kind of quote is it? (now: direct)');
    await ui.keys('indirect', KEYS.enter);
    s = await ui.until('saved: kind of “Why rattle the sabers');
    expect(saved(file).corrections).toMatchObject([{ kind: 'quote-kind', quoteKind: 'indirect' }]);
  });

  it('rejects a false quote after a confirmation: it leaves the view, the source file stays as it was', async () => {
    const { dir, file, session } = await newStudy();
    const sourceBefore = readFileSync(path.join(dir, 'corpus/seed.json'), 'utf8');
    const ui = await mountStudy({ session });
    await ui.keys('/', 'sabers', KEYS.esc, 'X');
    await ui.keys('a question, not a claim', KEYS.enter);
    let s = ui.screen();
    expect(s).toContain('Reject this quote?');
    await ui.press('y');
    s = await ui.until('saved: reject “Why rattle the sabers');
    expect(saved(file).corrections).toMatchObject([{ kind: 'reject', reason: 'a question, not a claim' }]);
    await ui.keys(KEYS.esc);
    s = await ui.until('18 quotes');
    expect(readFileSync(path.join(dir, 'corpus/seed.json'), 'utf8')).toBe(sourceBefore);
  });

  it("adds a missed quote by its words (found in the selected quote's article), with its kind and speaker", async () => {
    const { file, session } = await newStudy();
    const ui = await mountStudy({ session });
    await ui.keys('/', 'external forces', KEYS.esc);
    let s = await ui.press('+');
    expect(s).toContain('type its words as they stand in the article');
    expect(s).toContain('in: Kremlin confident Iran protests have peaked');
    await ui.keys('destabilize and destroy', KEYS.enter);
    await ui.keys('direct', KEYS.enter);
    s = await ui.press('foreign ministry');
    expect(s).toContain('Russian Foreign Ministry');
    await ui.press(KEYS.enter);
    s = await ui.until('saved: add quote “destabilize and destroy”');
    const c = saved(file).corrections[0];
    expect(c).toMatchObject({ kind: 'add-quote', quoteKind: 'direct', speaker: 'mfa', anchor: { selector: { exact: 'destabilize and destroy' } } });
    await ui.keys(KEYS.esc);
    s = await ui.until('20 quotes');
    expect(s).toContain('destabilize and destroy');
  });

  it('refuses words that are not in the article, where they were typed', async () => {
    const { session } = await newStudy();
    const ui = await mountStudy({ session });
    await ui.keys('/', 'external forces', KEYS.esc, '+', 'words nowhere in it', KEYS.enter, 'direct', KEYS.enter, 'foreign', KEYS.enter);
    await ui.until('are not in article art-kremlin-iran');
  });

  it('marks a draft article reviewed: its DRAFT mark goes', async () => {
    const { file, session } = await newStudy();
    const ui = await mountStudy({ session });
    expect(ui.screen()).toContain('DRAFT');
    await ui.keys('/', 'order has been restored', KEYS.esc);
    let s = await ui.press('V');
    expect(s).toContain('Mark this article reviewed?');
    await ui.press('y');
    s = await ui.until(/saved: mark “Officials in Tehran said order has been…” reviewed/);
    expect(s.split('\n')[0]).not.toContain('DRAFT');
    expect(saved(file).corrections).toMatchObject([{ kind: 'reviewed', article: 'art-draft' }]);
    await ui.keys('V');
    await ui.until('is not a draft (reviewed already)');
  });
});
