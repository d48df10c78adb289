/** The shared dialog pieces' pure reducers: the text prompt and the fuzzy picker; and the flows' order of questions. */
import { describe, expect, it } from 'vitest';
import { initialPrompt, promptReducer } from '../../../src/tui/components/prompt/state.js';
import { filterItems, initialPicker, picked, pickerReducer, type PickItem } from '../../../src/tui/components/picker/state.js';
import { studyContexts, studyReducer, initialStudyUi } from '../../../src/tui/study/state.js';
import { splitTerms } from '../../../src/tui/study/flows.js';

const ITEMS: PickItem[] = [
  { id: 'new', label: '+ a new actor…', pinned: true },
  { id: 'zakharova', label: 'Mariya Zakharova', detail: 'Foreign Ministry spokeswoman' },
  { id: 'smagin', label: 'Nikita Smagin', detail: 'Iran expert' },
  { id: 'trump', label: 'Donald Trump', detail: 'US President' },
];

describe('text prompt', () => {
  it('types, deletes a character, a word, and clears, as the search box does', () => {
    let s = initialPrompt('Colour');
    s = promptReducer(s, { type: 'insert', text: ' revolution' });
    expect(s.value).toBe('Colour revolution');
    s = promptReducer(s, { type: 'delete-char' });
    expect(s.value).toBe('Colour revolutio');
    s = promptReducer(s, { type: 'delete-word' });
    expect(s.value).toBe('Colour ');
    s = promptReducer(s, { type: 'clear' });
    expect(s.value).toBe('');
  });
});

describe('fuzzy picker', () => {
  it('lists all, pinned first, for no query; filters fuzzily (a typo is forgiven) with the pinned after the matches', () => {
    expect(filterItems(ITEMS, '').map((i) => i.id)).toEqual(['new', 'zakharova', 'smagin', 'trump']);
    expect(filterItems(ITEMS, 'zakarova').map((i) => i.id)).toEqual(['zakharova', 'new']);
    // the detail matches too
    expect(filterItems(ITEMS, 'expert').map((i) => i.id)).toEqual(['smagin', 'new']);
    expect(filterItems(ITEMS, 'qqqq').map((i) => i.id)).toEqual(['new']);
  });

  it('moves within the shown items, and starts at the top again when the query changes', () => {
    let s = initialPicker();
    s = pickerReducer(s, { type: 'move', by: 5, count: 4 });
    expect(s.selected).toBe(3);
    s = pickerReducer(s, { type: 'move', by: -10, count: 4 });
    expect(s.selected).toBe(0);
    s = pickerReducer(pickerReducer(s, { type: 'move', by: 2, count: 4 }), { type: 'insert', text: 'n' });
    expect(s).toMatchObject({ query: 'n', selected: 0 });
  });

  it('takes the highlighted item, or every marked one (in list order) when some are marked', () => {
    let s = pickerReducer(initialPicker(), { type: 'move', by: 2, count: 4 });
    expect(picked(ITEMS, s)).toEqual(['smagin']);
    s = pickerReducer(pickerReducer(s, { type: 'toggle', id: 'trump' }), { type: 'toggle', id: 'zakharova' });
    expect(picked(ITEMS, s)).toEqual(['zakharova', 'trump']);
    s = pickerReducer(s, { type: 'toggle', id: 'trump' });
    expect(picked(ITEMS, s)).toEqual(['zakharova']);
  });
});

describe('study dialogs', () => {
  it('puts the keys in the dialog while one is open: typing for prompts and pickers, y/n for a confirmation', () => {
    const open = (ask: 'text' | 'pick' | 'confirm', multi = false) =>
      studyReducer(initialStudyUi('edit'), { type: 'open', flow: 'memo', target: {}, step: ask === 'pick' ? { ask, title: 't', about: [], items: ITEMS, multi } : { ask, title: 't', about: [] } });
    expect(studyContexts(open('text'))).toEqual(['always', 'dialog', 'input']);
    expect(studyContexts(open('pick', true))).toEqual(['always', 'dialog', 'picker', 'input']);
    expect(studyContexts(open('confirm'))).toEqual(['always', 'confirm']);
    expect(studyContexts(initialStudyUi('edit'))).toBeNull();
  });

  it('a suggestion taken leaves the picker open without it', () => {
    let s = studyReducer(initialStudyUi('edit'), { type: 'open', flow: 'suggest', target: {}, step: { ask: 'pick', title: 't', about: [], items: ITEMS } });
    s = studyReducer(s, { type: 'taken', id: 'smagin' });
    expect(s.dialog?.step.ask === 'pick' && s.dialog.step.items.map((i) => i.id)).toEqual(['new', 'zakharova', 'trump']);
  });

  it('reads key terms as typed, comma-separated', () => {
    expect(splitTerms(' color revolution,, external forces ,')).toEqual(['color revolution', 'external forces']);
  });
});
