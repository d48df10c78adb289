/**
 * A cached corpus's records made small as they are decoded, without changing what anyone reads.
 *
 * Why: the dashboard's UI thread holds the whole corpus, and at a million quotes the records
 * took 480 MB of heap after a full collection. JSON.parse makes a new string for every value and
 * a new array for every list, so the six channels ("told reporters", …) were a million strings,
 * and every quote had two arrays of its own (its narratives, mostly none or one, and its topics)
 * at about 56 bytes each, even when empty.
 *
 * Here equal strings and equal lists of strings become one shared value. A shared list is
 * frozen: nothing in the program changes a record's list in place (a study edit makes a new
 * quote with a new list: core/study/apply.ts), and should something try, it fails at once
 * instead of changing every quote that shares the list.
 */

/** The one empty list every record with none shares. */
const EMPTY: readonly string[] = Object.freeze([]);

export class Sharer {
  private readonly strings = new Map<string, string>();
  private readonly singles = new Map<string, readonly string[]>();
  private readonly lists = new Map<string, readonly string[]>();

  /** One string for equal strings; anything else as it is. */
  string<T>(s: T): T {
    if (typeof s !== 'string') return s;
    const had = this.strings.get(s);
    if (had !== undefined) return had as T;
    this.strings.set(s, s);
    return s;
  }

  /** One frozen list for equal lists of strings; anything else (not a list of strings) as it is. */
  list<T>(a: T): T {
    if (!Array.isArray(a)) return a;
    if (a.length === 0) return EMPTY as T;
    if (!a.every((x) => typeof x === 'string')) return a;
    const by = a.length === 1 ? this.singles : this.lists;
    const key: string = a.length === 1 ? a[0] : JSON.stringify(a);
    const had = by.get(key);
    if (had) return had as T;
    for (let i = 0; i < a.length; i++) a[i] = this.string(a[i]);
    Object.freeze(a);
    by.set(key, a);
    return a;
  }
}

type Rec = Record<string, unknown>;

/**
 * Shares the repeated strings and lists of one decoded article's records, in place (the
 * decoded objects are fresh and ours).
 */
export function shareArticle(a: Rec, s: Sharer): void {
  a.outlet = s.string(a.outlet);
  a.language = s.string(a.language);
  for (const q of a.quotes as Rec[]) {
    q.kind = s.string(q.kind);
    q.speaker = s.string(q.speaker);
    q.channel = s.string(q.channel);
    q.narratives = s.list(q.narratives);
    q.topics = s.list(q.topics);
    const at = q.attribution as Rec | undefined;
    if (at && typeof at === 'object') at.rule = s.string(at.rule);
  }
  for (const m of a.mentions as Rec[]) m.actor = s.string(m.actor);
  for (const x of a.silences as Rec[]) x.actor = s.string(x.actor);
  for (const e of a.events as Rec[]) e.actors = s.list(e.actors);
}
