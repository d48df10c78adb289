/**
 * Spans count Unicode code points (see schema.ts); JavaScript strings index UTF-16 code units.
 * These helpers convert between the two. Text without astral characters (the common case) takes
 * the fast path where both are the same.
 */
import type { Span } from './schema.js';

const SURROGATE = /[\uD800-\uDFFF]/;

export function hasAstral(text: string): boolean {
  return SURROGATE.test(text);
}

/** Length of `text` in code points. */
export function codePointLength(text: string): number {
  if (!hasAstral(text)) return text.length;
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Maps code-point offsets to UTF-16 offsets for one text; build once per article. */
export class OffsetMap {
  private readonly table: Uint32Array | null;
  readonly length: number;

  constructor(text: string) {
    if (!hasAstral(text)) {
      this.table = null;
      this.length = text.length;
      return;
    }
    const table: number[] = [];
    let unit = 0;
    for (const ch of text) {
      table.push(unit);
      unit += ch.length;
    }
    table.push(unit);
    this.table = Uint32Array.from(table);
    this.length = table.length - 1;
  }

  /** UTF-16 index of code point `cp` (0..length). */
  toUnit(cp: number): number {
    return this.table === null ? cp : (this.table[cp] ?? this.table[this.table.length - 1]!);
  }

  /** Code-point offset of UTF-16 index `unit` (must not split a surrogate pair). */
  toCodePoint(unit: number): number {
    if (this.table === null) return unit;
    let lo = 0;
    let hi = this.table.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.table[mid]! < unit) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** The text at a code-point span. */
export function sliceSpan(text: string, span: Span, map: OffsetMap = new OffsetMap(text)): string {
  return text.slice(map.toUnit(span.start), map.toUnit(span.end));
}

export interface Paragraph {
  /** 1-based paragraph number, as shown to analysts (¶6) */
  number: number;
  /** code-point offsets of the paragraph within the article text */
  start: number;
  end: number;
  text: string;
}

/** Paragraphs are the article's non-empty lines. Offsets are code points. */
export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const map = new OffsetMap(text);
  let unit = 0;
  for (const line of text.split('\n')) {
    const body = line.replace(/\r$/, '');
    if (body.trim().length > 0) {
      out.push({
        number: out.length + 1,
        start: map.toCodePoint(unit),
        end: map.toCodePoint(unit + body.length),
        text: body,
      });
    }
    unit += line.length + 1;
  }
  return out;
}

/** The paragraph that contains code-point offset `offset`. */
export function paragraphAt(paras: readonly Paragraph[], offset: number): Paragraph | undefined {
  return paras.find((p) => offset >= p.start && offset < p.end) ?? paras.find((p) => offset <= p.end);
}
