/**
 * The extractor's view of an article: tokens, paragraphs, quoted passages and sentences.
 * All offsets here are UTF-16 indices into the text; index.ts converts to code points at the end.
 * Every step is a single left-to-right pass (or a bounded look-around), so time is linear.
 */
import { ABBREVIATIONS, SPEECH_VERBS, STOPWORDS } from './lexicon.js';

/**
 * What a token's text alone decides (its spelling, case and kind). Tokens with the same text
 * share one: a long article has millions of tokens but some tens of thousands of distinct words,
 * and a string or three per token was most of the extractor's memory and of its garbage
 * collection time (issue 18).
 */
export interface Lexeme {
  readonly t: string;
  readonly lower: string;
  readonly word: boolean;
  readonly cap: boolean;
  readonly poss: boolean;
  readonly base: string;
  /**
   * Answers about the spelling alone, kept with it once asked (np.ts: isNameTok, isTitle): they
   * were asked millions of times on a long article, each a few set look-ups and expressions.
   */
  memo: { name?: boolean; title?: boolean } | null;
}

export class Tok {
  /** paragraph, innermost and outermost quoted passage, sentence: filled in by the passes below */
  para = -1;
  /** innermost quoted passage containing the token (marks excluded), or -1 */
  quote = -1;
  /** outermost quoted passage containing the token or whose mark it is, or -1 */
  top = -1;
  /** this token is a quotation mark of a recognised passage */
  mark = false;
  sent = -1;
  constructor(
    public idx: number,
    /** UTF-16 start/end in the text */
    readonly s: number,
    readonly e: number,
    readonly lex: Lexeme,
  ) {}
  get t(): string {
    return this.lex.t;
  }
  get lower(): string {
    return this.lex.lower;
  }
  /** a word (letters/digits), not punctuation */
  get word(): boolean {
    return this.lex.word;
  }
  /** starts with a capital letter, or is a particle-prefixed name part such as "al-Assad" */
  get cap(): boolean {
    return this.lex.cap;
  }
  /** ends in a possessive ’s / 's (base has it removed) */
  get poss(): boolean {
    return this.lex.poss;
  }
  /** the token without a possessive suffix */
  get base(): string {
    return this.lex.base;
  }
}

export interface QuotedPassage {
  idx: number;
  /** UTF-16 index of the opening and closing marks */
  open: number;
  close: number;
  /** inside the marks: [start, end) */
  start: number;
  end: number;
  parent: number;
  depth: number;
  para: number;
  lastPara: number;
  openTok: number;
  closeTok: number;
  /** sentence index where the passage opens / closes (filled by sentence splitting) */
  sent: number;
  lastSent: number;
  /** item position of a top-level passage in the sentence where it opens / closes */
  item: number;
  lastItem: number;
}

export interface Para {
  idx: number;
  s: number;
  e: number;
  firstTok: number;
  endTok: number;
}

export interface Sentence {
  idx: number;
  para: number;
  /** token range [a, b) */
  a: number;
  b: number;
  /**
   * The sentence as the analyser reads it: token indices outside top-level quotes (marks
   * excluded), with each top-level quoted passage as one item `-(quote index + 1)`.
   */
  items: number[];
}

export interface Doc {
  text: string;
  toks: Tok[];
  paras: Para[];
  quotes: QuotedPassage[];
  sents: Sentence[];
  /** lower-case words seen in lower case somewhere outside quotes (to spot sentence-initial common words) */
  lowerVocab: Set<string>;
  /** token index → its position in its sentence's items (-1 inside a quotation) */
  itemOf: Int32Array;
}

// A word: letters/digits/marks joined by internal apostrophes or hyphens; or dotted initials (U.S.);
// or any single other non-space code point. Each alternative is unambiguous, so matching is linear.
// A letter may also be mojibake, UTF-8 read as Latin-1 ("FranÃ§ois", twice over "FranÃ\u0083Â§ois"):
// a lead byte Â–ß then a continuation byte U+0080–U+00BF (tried first: "Ã" alone is a letter, and the
// name would end there, before its "§"). Such a pair is rare in real text. Not "Â\u00a0" (a mangled
// no-break space between words) nor "Â«", "Â»" (mangled guillemets, still quotation marks). The lead
// may be decomposed ("A" and a combining tilde: text normalised to NFD after the damage).
const MOJIBAKE = '(?:[\u00c2-\u00df]|[ACEINOUY][\u0300-\u036f])[\u0080-\u009f\u00a1-\u00aa\u00ac-\u00ba\u00bc-\u00bf]';
const WORD_CHAR = `(?:${MOJIBAKE}|[\\p{L}\\p{N}\\p{M}])`;
const TOKEN = new RegExp(`(?:\\p{L}\\.){2,}|${WORD_CHAR}+(?:[-‐'’]${WORD_CHAR}+)*|\\S`, 'gu');
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const UPPER = /^\p{Lu}/u;
const PARTICLE_NAME = /^(?:al|el|ad|ar|as|at|az|ash|an|ul|ud)-\p{Lu}/u;

export function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  const lexemes = new Map<string, Lexeme>();
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) {
      i++;
      continue;
    }
    let end = c < 0x80 ? asciiTokenEnd(text, i, c) : -1;
    if (end < 0) {
      // beyond ASCII: the regular expression decides (it skips Unicode spaces itself)
      TOKEN.lastIndex = i;
      const m = TOKEN.exec(text);
      if (m === null) break;
      i = m.index;
      end = i + m[0].length;
    }
    const t = text.slice(i, end);
    let lex = lexemes.get(t);
    if (lex === undefined) lexemes.set(t, (lex = lexeme(t)));
    toks.push(new Tok(toks.length, i, end, lex));
    i = end;
  }
  return joinTitleDots(toks);
}

const isAsciiAlnum = (x: number) => (x >= 0x30 && x <= 0x39) || (x >= 0x41 && x <= 0x5a) || (x >= 0x61 && x <= 0x7a);
const isAsciiLetter = (x: number) => (x >= 0x41 && x <= 0x5a) || (x >= 0x61 && x <= 0x7a);

/**
 * Where TOKEN's match starting at i (an ASCII character, not a space) ends, read without the
 * regular expression (most of an English text; the expression cost a third of tokenizing), or -1
 * when a character beyond ASCII could change the answer and the expression must decide.
 */
function asciiTokenEnd(text: string, i: number, c: number): number {
  if (!isAsciiAlnum(c)) return i + 1; // punctuation: the \S alternative alone
  if (text.charCodeAt(i + 1) === 0x2e && isAsciiLetter(c)) {
    // dotted initials, two or more: "U.S."
    let j = i;
    for (;;) {
      const x = text.charCodeAt(j);
      if (x >= 0x80) return -1;
      if (!isAsciiLetter(x) || text.charCodeAt(j + 1) !== 0x2e) break;
      j += 2;
    }
    return j - i >= 4 ? j : i + 1;
  }
  // letters and digits joined by single hyphens or apostrophes
  let j = i + 1;
  for (;;) {
    const x = text.charCodeAt(j);
    if (isAsciiAlnum(x)) {
      j++;
      continue;
    }
    if (x >= 0x80) return -1;
    if (x === 0x2d || x === 0x27) {
      const y = text.charCodeAt(j + 1);
      if (isAsciiAlnum(y)) {
        j += 2;
        continue;
      }
      if (y >= 0x80) return -1;
    }
    return j;
  }
}

function lexeme(t: string): Lexeme {
  const c = t.charCodeAt(0);
  // ASCII first characters (most of an English text) are classified without a regular
  // expression; the others as before. Same answers: an ASCII character that is not a letter or
  // digit can only be matched alone by the \S alternative.
  let word: boolean;
  let cap: boolean;
  if (c < 0x80) {
    const upper = c >= 0x41 && c <= 0x5a;
    word = upper || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
    cap = word && (upper || (t.length > 3 && t.indexOf('-') > 0 && PARTICLE_NAME.test(t)));
  } else {
    word = LETTER_OR_DIGIT.test(t[0]!) || (t.length > 1 && LETTER_OR_DIGIT.test(t));
    cap = word && (UPPER.test(t) || PARTICLE_NAME.test(t));
  }
  const poss = word && t.length > 2 && endsPossessive(t);
  const base = poss ? t.slice(0, -2) : t;
  return { t, lower: base.toLowerCase(), word, cap, poss, base, memo: null };
}

/** /['’]s$/i without a regular expression */
function endsPossessive(t: string): boolean {
  const last = t.charCodeAt(t.length - 1);
  if (last !== 0x73 && last !== 0x53) return false;
  const q = t.charCodeAt(t.length - 2);
  return q === 0x27 || q === 0x2019;
}

/** Abbreviated titles that stand before a name. */
const TITLE_ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'sen', 'rep', 'gov', 'col', 'lt', 'sgt', 'capt', 'maj', 'adm', 'cmdr', 'rev', 'hon', 'pres', 'supt', 'insp', 'det', 'del', 'amb', 'atty', 'cpl', 'pvt', 'fr', 'sr']);

/**
 * "Mr. Annan": the title and its full stop are one token, so that the name phrase runs on to
 * the name (with the stop apart, "Mr" alone became an actor). So is a middle initial: "Laurence H. Tribe".
 */
function joinTitleDots(toks: Tok[]): Tok[] {
  const out: Tok[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const dot = toks[i + 1];
    const next = toks[i + 2];
    const titleDot = t.word && t.cap && TITLE_ABBREVIATIONS.has(t.lower);
    // a middle initial between two names: "Charles B. Rangel" (not "Plan B. The …")
    const prev = out[out.length - 1];
    const initial = t.t.length === 1 && t.cap && prev?.word && prev.cap && prev.e < t.s && next !== undefined && !STOPWORDS.has(next.lower);
    if ((titleDot || initial) && dot?.t === '.' && dot.s === t.e && next?.word && next.cap) {
      // an initial keeps its stop in its lower-case form too: "Julie A. Diaz", "Anna I. Roth" are no
      // article or pronoun ("a", "i") inside the name
      const lower = initial && !titleDot ? `${t.lower}.` : t.lex.lower;
      out.push(new Tok(out.length, t.s, dot.e, { ...t.lex, t: `${t.t}.`, base: `${t.base}.`, lower, memo: null }));
      i++;
      continue;
    }
    // renumbered in place: a copy of every token after the first join doubled the work and the memory
    t.idx = out.length;
    out.push(t);
  }
  return out;
}

/** Paragraphs are non-empty lines (as in text.ts). */
function splitParas(text: string, toks: Tok[]): Para[] {
  const paras: Para[] = [];
  let lineStart = 0;
  let ti = 0;
  while (lineStart <= text.length) {
    let nl = text.indexOf('\n', lineStart);
    if (nl < 0) nl = text.length;
    const first = ti;
    while (ti < toks.length && toks[ti]!.s < nl) ti++;
    if (ti > first) {
      const p: Para = { idx: paras.length, s: toks[first]!.s, e: toks[ti - 1]!.e, firstTok: first, endTok: ti };
      for (let k = first; k < ti; k++) toks[k]!.para = p.idx;
      paras.push(p);
    }
    lineStart = nl + 1;
  }
  return paras;
}

type Family = 'double' | 'single' | 'guil' | 'sguil' | 'cjk1' | 'cjk2';
type Role = 'open' | 'close' | 'either' | 'weakclose';
interface Mark {
  tok: number;
  pos: number;
  /** a doubled apostrophe ('' as a quotation mark, NYT archive copy) is one mark over two tokens */
  tokEnd: number;
  posEnd: number;
  fam: Family;
  role: Role;
}

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const OPEN_CONTEXT = '([{<—–-/“‘„‚«‹「『"\'';
const CLOSE_CONTEXT = '.,;:!?)]}>…—–-/”’»›」』"\'';

function classifyMark(ch: string, prev: string | undefined, next: string | undefined): [Family, Role] | null {
  const left = !isSpace(next) && (isSpace(prev) || OPEN_CONTEXT.includes(prev!));
  const right = !isSpace(prev) && (isSpace(next) || CLOSE_CONTEXT.includes(next!));
  const alnum = (c: string | undefined) => c !== undefined && LETTER_OR_DIGIT.test(c);
  const digit = (c: string | undefined) => c !== undefined && /\d/.test(c);
  switch (ch) {
    case '“':
      return ['double', right && !left ? 'close' : 'open'];
    case '”':
      return ['double', left && !right ? 'open' : 'close'];
    case '„':
      return ['double', 'open'];
    case '"':
      return ['double', left && !right ? 'open' : right && !left ? 'close' : 'either'];
    case '«':
      return ['guil', right && !left ? 'close' : 'open'];
    case '»':
      return ['guil', left && !right ? 'open' : 'close'];
    case '‹':
      return ['sguil', right && !left ? 'close' : 'open'];
    case '›':
      return ['sguil', left && !right ? 'open' : 'close'];
    case '「':
      return ['cjk1', 'open'];
    case '」':
      return ['cjk1', 'close'];
    case '『':
      return ['cjk2', 'open'];
    case '』':
      return ['cjk2', 'close'];
    case '‘':
      if (digit(next) && isSpace(prev)) return null; // ‘90s
      return ['single', right && !left ? 'close' : 'open'];
    case '‚':
      return left && isSpace(prev) ? ['single', 'open'] : null;
    case '’':
    case "'":
      if (alnum(prev) && alnum(next)) return null; // apostrophe inside a word
      if (left && !right) {
        if (ch === '’' || digit(next)) return null; // ’em, ’90s: elision, not a quotation mark
        return ['single', 'open'];
      }
      if (right && !left) return ['single', prev === 's' || prev === 'S' ? 'weakclose' : 'close'];
      return null;
    default:
      return null;
  }
}

const MARK_CHARS = new Set(['“', '”', '„', '"', '«', '»', '‹', '›', '「', '」', '『', '』', '‘', '‚', '’', "'"]);

function findQuotes(text: string, toks: Tok[], paras: Para[]): QuotedPassage[] {
  const quotes: QuotedPassage[] = [];
  interface Open {
    mark: Mark;
    para: number;
  }
  let carry: Open | null = null;
  for (const p of paras) {
    const marks: Mark[] = [];
    for (let k = p.firstTok; k < p.endTok; k++) {
      const tk = toks[k]!;
      if (tk.t.length !== 1 || !MARK_CHARS.has(tk.t)) continue;
      const pair = toks[k + 1];
      if (tk.t === "'" && pair && pair.t === "'" && pair.s === tk.e && k + 1 < p.endTok) {
        // ''…'': two apostrophes standing for a double quotation mark
        const c = classifyMark('"', text[tk.s - 1], text[pair.e]);
        if (c) marks.push({ tok: k, pos: tk.s, tokEnd: k + 1, posEnd: pair.s, fam: c[0], role: c[1] });
        k++;
        continue;
      }
      const c = classifyMark(tk.t, text[tk.s - 1], text[tk.e]);
      if (c) marks.push({ tok: k, pos: tk.s, tokEnd: k, posEnd: tk.s, fam: c[0], role: c[1] });
    }
    const stack: Open[] = [];
    // stack positions per family, so finding the nearest open of a family is O(1)
    const byFam = new Map<Family, number[]>();
    const famList = (f: Family) => {
      let l = byFam.get(f);
      if (!l) byFam.set(f, (l = []));
      return l;
    };
    const push = (o: Open) => {
      famList(o.mark.fam).push(stack.length);
      stack.push(o);
    };
    const truncate = (j: number) => {
      for (const k2 of stack.slice(j)) {
        const l = famList(k2.mark.fam);
        l.pop();
      }
      stack.length = j;
    };
    let startAt = 0;
    if (carry) {
      // a quote running over paragraphs: this paragraph opens with a continuation mark
      const m0 = marks[0];
      if (m0 && m0.tok === p.firstTok && m0.fam === carry.mark.fam && (m0.role === 'open' || m0.role === 'either')) {
        push(carry);
        startAt = 1;
      }
      carry = null;
    }
    for (let i = startAt; i < marks.length; i++) {
      const m = marks[i]!;
      const sameFam = (): number => {
        const l = famList(m.fam);
        return l.length ? l[l.length - 1]! : -1;
      };
      let role = m.role;
      if (role === 'either') role = sameFam() >= 0 ? 'close' : 'open';
      if (role === 'weakclose') {
        // "Russians’ fears": a possessive unless no later closing mark can end the passage
        if (sameFam() < 0) continue;
        let better = false;
        for (let j = i + 1; j < marks.length && j < i + 50; j++) {
          const n = marks[j]!;
          if (n.fam !== m.fam && (n.role === 'close' || n.role === 'either')) break;
          if (n.fam === m.fam && n.role === 'open') break;
          if (n.fam === m.fam && (n.role === 'close' || n.role === 'weakclose')) {
            better = true;
            break;
          }
        }
        if (better) continue;
        role = 'close';
      }
      if (role === 'open') {
        push({ mark: m, para: p.idx });
        continue;
      }
      const j = sameFam();
      if (j < 0) continue; // a stray closing mark
      const o = stack[j]!;
      truncate(j);
      const start = o.mark.posEnd + 1;
      const end = m.pos;
      // "rock 'n' roll": one letter between single marks is an elision, not a quotation
      const tiny = m.fam === 'single' && end - start <= 1;
      if (end > start && !tiny && text.slice(start, end).trim().length > 0) {
        quotes.push({
          idx: -1,
          open: o.mark.pos,
          close: m.pos,
          start,
          end,
          parent: -1,
          depth: 0,
          para: o.para,
          lastPara: p.idx,
          openTok: o.mark.tok,
          closeTok: m.tokEnd,
          sent: -1,
          lastSent: -1,
          item: -1,
          lastItem: -1,
        });
      }
    }
    // An unclosed opening quote at the end of a paragraph continues only if the next paragraph
    // starts with an opening mark of the same kind (the multi-paragraph convention).
    if (stack.length > 0) carry = stack[0]!;
  }
  quotes.sort((a, b) => a.open - b.open || b.close - a.close);
  const open: QuotedPassage[] = [];
  quotes.forEach((q, i) => {
    q.idx = i;
    while (open.length && open[open.length - 1]!.close < q.open) open.pop();
    const parent = open[open.length - 1];
    if (parent && parent.close > q.close) {
      q.parent = parent.idx;
      q.depth = parent.depth + 1;
    }
    open.push(q);
  });
  for (const q of quotes) {
    toks[q.openTok]!.mark = true;
    toks[q.closeTok]!.mark = true;
    // outer passages come first, so inner ones overwrite: `quote` ends up the innermost
    for (let k = q.openTok + 1; k < q.closeTok; k++) toks[k]!.quote = q.idx;
    if (q.depth === 0) for (let k = q.openTok; k <= q.closeTok; k++) toks[k]!.top = q.idx;
  }
  return quotes;
}

const TERMINAL = new Set(['.', '!', '?', '…']);

function isAbbrevBefore(toks: Tok[], k: number): boolean {
  const prev = toks[k - 1];
  if (!prev || prev.e !== toks[k]!.s || !prev.word) return false;
  if (ABBREVIATIONS.has(prev.lower)) return true;
  return prev.t.length === 1 && UPPER.test(prev.t); // an initial: "J. Smith"
}

function startsSentence(tk: Tok | undefined): boolean {
  if (!tk) return true;
  if (tk.word) return UPPER.test(tk.t) || /^\d/.test(tk.t);
  return MARK_CHARS.has(tk.t) || tk.t === '(' || tk.t === '[' || tk.t === '—' || tk.t === '-';
}

/** True when the words after a closing quote, up to the next full stop, report speech. */
function tailHasSpeechVerb(toks: Tok[], from: number, end: number): boolean {
  for (let k = from; k < end && k < from + 40; k++) {
    const tk = toks[k]!;
    if (tk.top >= 0) return false;
    if (TERMINAL.has(tk.t)) return false;
    if (tk.word && SPEECH_VERBS.has(tk.t)) return true;
    if (tk.lower === 'according') return true;
  }
  return false;
}

function splitSentences(toks: Tok[], paras: Para[], quotes: QuotedPassage[]): Sentence[] {
  const sents: Sentence[] = [];
  for (const p of paras) {
    let a = p.firstTok;
    const push = (b: number) => {
      if (b <= a) return;
      const s: Sentence = { idx: sents.length, para: p.idx, a, b, items: [] };
      let lastQ = -1;
      for (let k = a; k < b; k++) {
        const tk = toks[k]!;
        tk.sent = s.idx;
        if (tk.top >= 0) {
          if (tk.top !== lastQ) {
            const q = quotes[tk.top]!;
            if (q.item < 0) q.item = s.items.length;
            q.lastItem = s.items.length;
            s.items.push(-(tk.top + 1));
            lastQ = tk.top;
          }
          continue;
        }
        lastQ = -1;
        s.items.push(k);
      }
      sents.push(s);
      a = b;
    };
    for (let k = p.firstTok; k < p.endTok; k++) {
      const tk = toks[k]!;
      if (tk.top < 0 && TERMINAL.has(tk.t)) {
        // absorb runs like "?!" and closing brackets
        let b = k + 1;
        while (b < p.endTok && (TERMINAL.has(toks[b]!.t) || toks[b]!.t === ')')) b++;
        if (b >= p.endTok) continue;
        if (tk.t === '.' && isAbbrevBefore(toks, k)) continue;
        if (!startsSentence(toks[b])) continue;
        push(b);
        k = b - 1;
      } else if (tk.mark && tk.top >= 0 && quotes[tk.top]!.closeTok === k) {
        // the closing mark may be a doubled apostrophe: the word or stop inside is before both
        const dbl = tk.t === "'" && toks[k - 1]?.t === "'" && toks[k - 1]!.e === tk.s;
        const inner = toks[dbl ? k - 2 : k - 1];
        if (!inner || !TERMINAL.has(inner.t)) continue;
        const b = k + 1;
        if (b >= p.endTok || !startsSentence(toks[b])) continue;
        // "“Go.” he said" (a common slip) stays one sentence; a passage that closes a sentence it did
        // not open ("Clinton says Trump’s “…unhinged.” She says …") ends it
        if (quotes[tk.top]!.openTok <= a && tailHasSpeechVerb(toks, b, p.endTok)) continue;
        push(b);
      }
    }
    push(p.endTok);
  }
  for (const q of quotes) {
    q.sent = toks[q.openTok]!.sent;
    q.lastSent = toks[q.closeTok]!.sent;
  }
  return sents;
}

export function analyse(text: string): Doc {
  const toks = tokenize(text);
  const paras = splitParas(text, toks);
  const quotes = findQuotes(text, toks, paras);
  const sents = splitSentences(toks, paras, quotes);
  const lowerVocab = new Set<string>();
  for (const tk of toks) if (tk.word && tk.top < 0 && !tk.cap) lowerVocab.add(tk.lower);
  const itemOf = new Int32Array(toks.length).fill(-1);
  for (const s of sents) s.items.forEach((v, i) => v >= 0 && (itemOf[v] = i));
  return { text, toks, paras, quotes, sents, lowerVocab, itemOf };
}
