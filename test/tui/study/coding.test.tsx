/**
 * Coding quotes in the dashboard: attach the selected quote to a narrative with a fuzzy picker,
 * detach it, attach every result of the search at once (a count, then a confirmation); what a
 * dashboard without a study, or with a study that failed validation, says instead.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEYS, fixture, mount } from '../helpers.js';
import { mountStudy, newStudy, saved } from './helpers.js';

afterEach(() => cleanup());

describe('coding quotes', () => {
  it('codes the selected quote to a narrative picked by typing part of its name, and takes it off again', async () => {
    const { file, session } = await newStudy();
    const ui = await mountStudy({ session, author: 'ana' });
    await ui.keys('/', 'bondarev', KEYS.esc);
    let s = await ui.press('a');
    expect(s).toContain('Code the quote to which narrative?');
    expect(s).toContain('“Why rattle the sabers');
    expect(s).toContain('4 of 4');
    s = await ui.press('grievnce');
    // fuzzy: a typo still finds it, and the others are gone
    expect(s).toContain('1 of 4');
    expect(s).toContain('Genuine grievance');
    expect(s).not.toContain('America will step in');
    await ui.press(KEYS.enter);
    s = await ui.until('saved: code “Why rattle the sabers');
    expect(s).toMatch(/narratives: .*Genuine grievance/);
    expect(saved(file).codings).toMatchObject([{ id: 'code:n-grievance:q-bondarev-sabers', narrative: 'n-grievance', by: 'ana', target: { quote: 'q-bondarev-sabers', selector: { exact: expect.stringContaining('Why rattle the sabers') } } }]);

    s = await ui.press('x');
    expect(s).toContain('Take the quote off which narrative?');
    await ui.press(KEYS.enter);
    s = await ui.until('saved: take “Why rattle the sabers');
    expect(saved(file).codings).toEqual([]);
  });

  it('says why a quote coded by the sources cannot be taken off', async () => {
    const { session } = await newStudy();
    const ui = await mountStudy({ session });
    await ui.keys('/', 'sigh of relief', KEYS.esc, 'x');
    await ui.until('coded in the sources, not by the study');
  });

  it('codes every result of the search at once, after saying how many, as one edit that u undoes', async () => {
    const { file, session } = await newStudy();
    const ui = await mountStudy({ session });
    await ui.keys('/', 'speaker:smagin', KEYS.esc);
    await ui.until('3 of 19 quotes');
    let s = await ui.press('A');
    expect(s).toContain('Code all 3 results to which narrative?');
    expect(s).toContain('search: speaker:smagin');
    await ui.press('genuine');
    s = await ui.press(KEYS.enter);
    expect(s).toContain('Code 3 quotes to “Genuine grievance”?');
    expect(s).toContain('3 of the 3 results of “speaker:smagin” will be coded');
    s = await ui.press('y');
    s = await ui.until('saved: code 3 quotes to “Genuine grievance”');
    expect(saved(file).codings.map((c) => c.target.quote).sort()).toEqual(['q-smagin-little', 'q-smagin-relief', 'q-smagin-within']);

    // again: all are coded already
    await ui.keys('A', 'genuine', KEYS.enter);
    await ui.until('all 3 are coded to “Genuine grievance” already');

    await ui.press('u');
    await ui.until('saved: undo code 3 quotes');
    expect(saved(file).codings).toEqual([]);
  });

  it('says "the 1 result" and "1 quote" when the search found one quote', async () => {
    const { session } = await newStudy();
    const ui = await mountStudy({ session });
    await ui.keys('/', 'rattle the sabers', KEYS.esc);
    await ui.until('1 of 19 quotes');
    let s = await ui.press('A');
    expect(s).toContain('Code the 1 result to which narrative?');
    expect(s).not.toContain('1 results');
    await ui.press('genuine');
    s = await ui.press(KEYS.enter);
    expect(s).toContain('Code 1 quote to “Genuine grievance”?');
    expect(s).toContain('1 of the 1 result of “rattle the sabers” will be coded');
    await ui.press('y');
    await ui.until('saved: code');
    await ui.keys('A', 'genuine', KEYS.enter);
    await ui.until('the 1 result is coded to “Genuine grievance” already');
  });

  it('without a study, the editing keys say how to open one', async () => {
    const ui = await mount(await fixture('corpus'));
    const s = await ui.press('a');
    expect(s).toContain('read only: to edit, open a study');
    // and the footer does not offer them
    expect(s).not.toMatch(/a code/);
  });

  it('a study that failed validation opens read-only: its problems listed, nothing editable', async () => {
    const problems = ['broken.json: $.study.narratives[0].label: a narrative needs a label', 'broken.json: $.study.codings[2]: unknown key "colour"'];
    const ui = await mountStudy({ readOnly: { file: '/tmp/broken.json', problems } });
    let s = ui.screen();
    expect(s).toContain('READ-ONLY');
    expect(s).toContain('broken.json fails validation (2 problems): O lists them');
    s = await ui.press('a');
    expect(s).toContain('read-only: /tmp/broken.json has 2 problems');
    s = await ui.press('O');
    expect(s).toContain('Read-only: 2 problems in the file');
    expect(s).toContain('$.study.narratives[0].label: a narrative needs a label');
    expect(s).toContain('unknown key "colour"');
    s = await ui.press(KEYS.esc);
    expect(s).toContain('[1 Quotes]');
  });
});
