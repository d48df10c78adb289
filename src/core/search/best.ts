/**
 * The best hits of a search kept as they come: the ranking of the index on disk (disk-index.ts)
 * and the search workers (worker.ts) add every match, and keep only the best `limit`.
 */
import { byScore, type Scored } from './search.js';

/** The best matches of a search, sorted by (score, position), and how many matched in all. */
export interface Ranked {
  shown: Scored[];
  total: number;
}

/**
 * The best `limit` matches by (score, position) and how many there were: with a limit, a heap of
 * the kept ones, its worst on top; without, every match, sorted at the end.
 */
export class Best {
  private pos: Int32Array;
  private score: Float64Array;
  private size = 0;
  private total = 0;
  constructor(private readonly limit: number) {
    const cap = limit === Infinity ? 1024 : Math.max(0, limit);
    this.pos = new Int32Array(cap);
    this.score = new Float64Array(cap);
  }
  add(pos: number, score: number): void {
    this.total++;
    if (this.limit === Infinity) {
      if (this.size === this.pos.length) this.grow();
      this.pos[this.size] = pos;
      this.score[this.size++] = score;
      return;
    }
    if (this.size < this.limit) {
      // sift up: the heap's top is its worst (highest score, then latest position)
      let i = this.size++;
      while (i > 0) {
        const up = (i - 1) >> 1;
        if (!this.worse(pos, score, this.pos[up]!, this.score[up]!)) break;
        this.pos[i] = this.pos[up]!;
        this.score[i] = this.score[up]!;
        i = up;
      }
      this.pos[i] = pos;
      this.score[i] = score;
      return;
    }
    // only one better than the worst kept enters
    if (this.size === 0 || !this.worse(this.pos[0]!, this.score[0]!, pos, score)) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const r = l + 1;
      const w = r < this.size && this.worse(this.pos[r]!, this.score[r]!, this.pos[l]!, this.score[l]!) ? r : l;
      if (!this.worse(this.pos[w]!, this.score[w]!, pos, score)) break;
      this.pos[i] = this.pos[w]!;
      this.score[i] = this.score[w]!;
      i = w;
    }
    this.pos[i] = pos;
    this.score[i] = score;
  }
  private worse(pa: number, sa: number, pb: number, sb: number): boolean {
    return sa > sb || (sa === sb && pa > pb);
  }
  private grow(): void {
    const pos = new Int32Array(this.pos.length * 2);
    pos.set(this.pos);
    const score = new Float64Array(this.score.length * 2);
    score.set(this.score);
    this.pos = pos;
    this.score = score;
  }
  result(): Ranked {
    const shown: Scored[] = new Array(this.size);
    for (let k = 0; k < this.size; k++) shown[k] = { pos: this.pos[k]!, score: this.score[k]! };
    return { shown: shown.sort(byScore), total: this.total };
  }
}
