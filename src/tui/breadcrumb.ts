/**
 * The path of links followed (what Esc goes back along), as one line: "Quotes › Nikita Smagin ›
 * Reader". Pure.
 */
import type { Corpus } from '../core/corpus/corpus.js';
import { fit, ui, data, type Line, type Seg } from './lib/text.js';
import type { State, View } from './state.js';
import { findEvent } from './panes/timeline/event-view.js';

export function viewLabel(corpus: Corpus, v: View): string {
  const d = v.detail;
  if (d) {
    switch (d.kind) {
      case 'reader':
        return `Reader: ${corpus.articleById.get(d.article)?.title ?? d.article}`;
      case 'cell':
        return `Cell: ${corpus.axisById.get(d.axis)?.question ?? d.axis}`;
      case 'event':
        return `Event: ${findEvent(corpus, d.id)?.event.label ?? d.id}`;
      case 'narrative':
        return `Narrative: ${corpus.narrativeById.get(d.id)?.label ?? d.id}`;
    }
  }
  switch (v.pane) {
    case 'quotes':
      return v.quotes.query ? `Quotes /${v.quotes.query}` : 'Quotes';
    case 'actors':
      return v.actors.profile ? (corpus.actorById.get(v.actors.profile)?.name ?? v.actors.profile) : 'Actors';
    case 'narratives':
      return v.narratives.comparing ? 'Comparison' : 'Narratives';
    case 'timeline':
      return 'Timeline';
  }
}

const SHORT = 36;

/** The trail, oldest first, cut from the left when it does not fit (the way back is at the end). */
export function breadcrumbLine(corpus: Corpus, s: State, cols: number): Line {
  const labels = [...s.history.map((v) => viewLabel(corpus, v)), viewLabel(corpus, s)].map((l) => (l.length > SHORT ? `${l.slice(0, SHORT - 1)}…` : l));
  const segs: Seg[] = [ui(' esc ← ', 'dim')];
  labels.forEach((l, i) => {
    if (i) segs.push(ui(' › ', 'dim'));
    segs.push(data(l, i === labels.length - 1 ? 'bold' : 'dim'));
  });
  return fit(segs, cols, { focus: 'bold' });
}
