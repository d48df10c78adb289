/**
 * fuse.js's logical search (`_searchLogical` and `computeScore` of fuse 7.5), step for step, over
 * the index entries search.ts makes — with one difference: a field value that many records share
 * (a speaker's name, aliases and role; a list of narrative labels or topics: one object in every
 * entry that holds it, see ensureEntries) is matched once per query term, not once per record.
 *
 * Why: one speaker with 8,000 aliases who speaks 8,000 quotes made fuse run its matcher 64
 * million times a keystroke, and hold a match object for each (issue 18: minutes of search, GBs
 * of memory). Here the record's own text is matched per record and the shared values' matches
 * are looked up; the score is then multiplied out in exactly fuse's order (floating-point
 * multiplication is not associative, so the order is part of "the same score"). Every term is
 * still answered by the searcher fuse itself makes for it (Fuse.parseQuery, our fast searcher
 * plugin included), with fuse's key weights and the field norms in fuse's own entries. Tests
 * compare whole searches — hits, scores, order and highlights — with plain fuse.js.
 */
import Fuse, { type Expression, type IFuseOptions, type RangeTuple } from 'fuse.js';

interface TermResult {
  isMatch: boolean;
  score: number;
  indices?: RangeTuple[];
}
interface Leaf {
  keyId: string | null;
  searcher: { searchIn(text: string): TermResult };
}
interface Node {
  children: (Node | Leaf)[];
  operator: '$and' | '$or';
}
type Value = { v: string; n: number } | { v: string; i: number; n: number }[];

/** One match as fuse's search results give it (for highlighting). */
export interface LogicalMatch {
  key: string;
  refIndex?: number;
  indices: readonly RangeTuple[];
}

/** The matches of one term in one field value: the factors they add to the score, in order. */
interface Segment {
  factors: number[];
  matches: LogicalMatch[];
}

export interface EntryLike {
  $?: Record<number, unknown>;
}

export class LogicalSearch {
  private readonly tree: Node | Leaf;
  private readonly weights: number[];
  private readonly names: string[];
  private readonly useNorm: boolean;
  /** per term, per shared value (the entry part object), its segment; null: no match */
  private readonly known = new Map<Leaf, Map<unknown, Segment | null>>();

  /**
   * `sharedFrom`: keys at or after this position hold values shared between records (in
   * search.ts every key after the quote's text).
   */
  constructor(expr: Expression, options: IFuseOptions<unknown>, private readonly sharedFrom: number) {
    const opts = { ...Fuse.config, ...options } as IFuseOptions<unknown> & typeof Fuse.config;
    this.tree = (Fuse.parseQuery as (q: Expression, o: unknown) => Node | Leaf)(expr, opts);
    // fuse's weights are normalised by its key store (each divided by their sum): take them
    // from fuse rather than redo the division
    const store = (new Fuse([], opts) as unknown as { _keyStore?: { keys(): { src: unknown; weight: number }[] } })._keyStore;
    if (!store) throw new Error('fuse.js no longer has the key store this module reads (see logical.ts)');
    const keys = store.keys();
    this.weights = keys.map((k) => k.weight);
    this.names = keys.map((k) => (typeof k.src === 'string' ? k.src : (k.src as { name: string }).name));
    this.useNorm = !opts.ignoreFieldNorm;
  }

  /**
   * A record's score and matches (fuse's order), or null when it does not match. `matches`
   * holds references to shared lists: read, never change.
   */
  evaluate(entry: EntryLike): { score: number; matches: Segment[] } | null {
    const segments = this.node(this.tree, entry.$ ?? {});
    if (!segments.length) return null;
    let total = 1;
    for (const s of segments) for (const f of s.factors) total *= f;
    return { score: total, matches: segments };
  }

  /**
   * A record's score alone, or -1 when it does not match: the same number as evaluate's, without
   * the arrays of segments. The factors are multiplied as they are found, in the order evaluate
   * lists them (fuse's), so the product is bit for bit the same; an $and that fails puts the
   * product back to what it was before it, as evaluate drops its segments. Ranking asks this of
   * every candidate; building and spreading those arrays was a fair part of a keystroke's time
   * and most of its garbage.
   */
  score(entry: EntryLike): number {
    this.product = 1;
    return this.scoreNode(this.tree, entry.$ ?? {}) ? this.product : -1;
  }
  private product = 1;

  private scoreNode(node: Node | Leaf, item: Record<number, unknown>): boolean {
    if (!('children' in node)) return this.scoreLeaf(node, item);
    const before = this.product;
    let any = false;
    for (const child of node.children) {
      if (this.scoreNode(child, item)) any = true;
      else if (node.operator === '$and') {
        this.product = before;
        return false;
      }
    }
    return any;
  }

  private scoreLeaf(leaf: Leaf, item: Record<number, unknown>): boolean {
    if (leaf.keyId !== null) throw new Error('a term bound to one key is not used by search.ts');
    let known = this.known.get(leaf);
    if (!known) this.known.set(leaf, (known = new Map()));
    let any = false;
    for (let k = 0; k < this.weights.length; k++) {
      const value = item[k] as Value | undefined;
      if (value === undefined || value === null) continue;
      if (k < this.sharedFrom && !Array.isArray(value)) {
        // the record's own field: one answer, one factor (what segment would make), no arrays
        const r = leaf.searcher.searchIn(value.v);
        if (!r.isMatch) continue;
        this.product *= this.factor(r.score, k, value.n);
        any = true;
        continue;
      }
      let seg: Segment | null | undefined;
      if (k < this.sharedFrom) seg = this.segment(leaf, k, value);
      else {
        seg = known.get(value);
        if (seg === undefined) known.set(value, (seg = this.segment(leaf, k, value)));
      }
      if (!seg) continue;
      for (const f of seg.factors) this.product *= f;
      any = true;
    }
    return any;
  }

  /** fuse's computeScore factor for one match */
  private factor(score: number, k: number, norm: number): number {
    const weight = this.weights[k]!;
    return Math.pow(score === 0 && weight ? Number.EPSILON : score, (weight || 1) * (this.useNorm ? norm : 1));
  }

  private node(node: Node | Leaf, item: Record<number, unknown>): Segment[] {
    if (!('children' in node)) return this.leaf(node, item);
    const out: Segment[] = [];
    for (const child of node.children) {
      const r = this.node(child, item);
      if (r.length) out.push(...r);
      else if (node.operator === '$and') return [];
    }
    return out;
  }

  private leaf(leaf: Leaf, item: Record<number, unknown>): Segment[] {
    if (leaf.keyId !== null) throw new Error('a term bound to one key is not used by search.ts');
    let known = this.known.get(leaf);
    if (!known) this.known.set(leaf, (known = new Map()));
    const out: Segment[] = [];
    for (let k = 0; k < this.weights.length; k++) {
      const value = item[k] as Value | undefined;
      if (value === undefined || value === null) continue;
      let seg: Segment | null | undefined;
      if (k < this.sharedFrom) seg = this.segment(leaf, k, value);
      else {
        seg = known.get(value);
        if (seg === undefined) known.set(value, (seg = this.segment(leaf, k, value)));
      }
      if (seg) out.push(seg);
    }
    return out;
  }

  /** fuse's _findMatches and the factors computeScore makes of them */
  private segment(leaf: Leaf, k: number, value: Value): Segment | null {
    const seg: Segment = { factors: [], matches: [] };
    const add = (text: string, norm: number, refIndex: number | undefined) => {
      const r = leaf.searcher.searchIn(text);
      if (!r.isMatch) return;
      seg.factors.push(this.factor(r.score, k, norm));
      if (r.indices && r.indices.length) {
        seg.matches.push(refIndex === undefined ? { key: this.names[k]!, indices: r.indices } : { key: this.names[k]!, refIndex, indices: r.indices });
      }
    };
    if (Array.isArray(value)) for (const sub of value) add(sub.v, sub.n, sub.i);
    else add(value.v, value.n, undefined);
    return seg.factors.length ? seg : null;
  }
}
