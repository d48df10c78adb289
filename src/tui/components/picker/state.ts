/**
 * A fuzzy picker's state and its pure reducer (ink-ui style: the view draws, the key table
 * decides the action). Items are filtered as the query is typed, fzf-like: every word of the
 * query must match the item's label or detail, fuzzily (Fuse, already the dashboard's search
 * library; on the few hundred items a picker holds it is instant). Tab marks several items
 * (as fzf -m does); Enter takes the marked ones, or the highlighted one when none is marked.
 */
import Fuse from 'fuse.js';
import { edit } from '../../state.js';

export interface PickItem {
  id: string;
  label: string;
  /** a second, dimmer part of the row (a role, a count, a score) */
  detail?: string;
  /** always listed whatever the query (e.g. "+ a new actor"): first, or after the matches once a query is typed */
  pinned?: boolean;
}

export interface PickerState {
  query: string;
  /** index into the filtered items */
  selected: number;
  /** ids marked with Tab */
  marked: string[];
}

export type PickerAction =
  | { type: 'insert'; text: string }
  | { type: 'delete-char' }
  | { type: 'delete-word' }
  | { type: 'clear' }
  | { type: 'move'; by: number; count: number }
  | { type: 'toggle'; id: string }
  | { type: 'remove'; id: string };

export function initialPicker(): PickerState {
  return { query: '', selected: 0, marked: [] };
}

export function pickerReducer(s: PickerState, a: PickerAction): PickerState {
  switch (a.type) {
    case 'insert':
    case 'delete-char':
    case 'delete-word':
    case 'clear':
      return { ...s, query: edit(s.query, a.type, a.type === 'insert' ? a.text : ''), selected: 0 };
    case 'move':
      return { ...s, selected: a.count <= 0 ? 0 : Math.max(0, Math.min(a.count - 1, s.selected + a.by)) };
    case 'toggle':
      return { ...s, marked: s.marked.includes(a.id) ? s.marked.filter((x) => x !== a.id) : [...s.marked, a.id] };
    case 'remove':
      return { ...s, marked: s.marked.filter((x) => x !== a.id) };
  }
}

const fuses = new WeakMap<readonly PickItem[], Fuse<PickItem>>();

/** The items the query lets through: with no query all, pinned first; with one, the matches (best first) and then the pinned. */
export function filterItems(items: readonly PickItem[], query: string): PickItem[] {
  const pinned = items.filter((i) => i.pinned);
  const rest = items.filter((i) => !i.pinned);
  const q = query.trim();
  if (!q) return [...pinned, ...rest];
  let fuse = fuses.get(items);
  if (!fuse) {
    // words must all match (extended search: space is AND); a threshold where loose matches stop
    fuse = new Fuse(rest, { keys: ['label', 'detail'], threshold: 0.35, ignoreLocation: true, useExtendedSearch: true });
    fuses.set(items, fuse);
  }
  return [...fuse.search(q).map((r) => r.item), ...pinned];
}

/** What Enter takes: the marked ids (in the order shown), or the highlighted item's. */
export function picked(items: readonly PickItem[], s: PickerState): string[] {
  const shown = filterItems(items, s.query);
  if (s.marked.length) return items.filter((i) => s.marked.includes(i.id)).map((i) => i.id);
  const at = shown[Math.min(s.selected, shown.length - 1)];
  return at ? [at.id] : [];
}
