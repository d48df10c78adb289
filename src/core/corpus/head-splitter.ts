/**
 * A cache entry's header (one line of JSON, cache.ts) taken apart as its bytes are read: each
 * article of `parts.articles` is handed on as its own JSON text, and the rest of the header is
 * kept with a 0 in each article's place (JSON.parse of it then gives `articles: [0, 0, …]`).
 *
 * Why: decoded whole, the header was one string as large as itself (190 MB at a million quotes),
 * held while JSON.parse built every record from it, after the pieces it was joined from: the
 * load's peak heap was twice the corpus it built (949 MB for 480). An article at a time, the
 * strings are small, short-lived garbage, and each article can be made small (compact.ts) before
 * the next is read.
 *
 * It relies only on the JSON: strings are skipped (a quotation mark inside one is always escaped),
 * and the articles are the elements of the array that is the value of "articles" in the object
 * two levels down (`{…,"parts":{"articles":[{…},{…}],…}}`), which is where cache.ts writes them.
 */
import { StringDecoder } from 'node:string_decoder';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const KEY = Buffer.from('"articles":', 'latin1');

export class HeadSplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** inside the articles' array; inside one article */
  private inArticles = false;
  private inArticle = false;
  /** the bytes of an article begun in an earlier piece */
  private begun: Buffer[] = [];
  /** the last bytes of the previous piece (for the key before an array that opens at a piece's start) */
  private tail = Buffer.alloc(0);
  private readonly rest: string[] = [];
  private readonly decoder = new StringDecoder('utf8');
  articles = 0;

  constructor(private readonly onArticle: (json: string) => void) {}

  /** The next bytes of the header (the piece may be reused once this returns). */
  write(piece: Buffer): void {
    const len = piece.length;
    let depth = this.depth;
    let inString = this.inString;
    let escaped = this.escaped;
    let inArticles = this.inArticles;
    let from = 0;
    let i = 0;
    for (;;) {
      if (inString) {
        // to the string's end in a loop of its own: most of the header's bytes are in strings
        if (escaped) {
          escaped = false;
          i++;
        }
        for (; i < len; i++) {
          const c = piece[i]!;
          if (c === QUOTE) break;
          if (c === BACKSLASH && ++i === len) escaped = true;
        }
        if (i >= len) break; // (the string goes on in the next piece)
        inString = false;
        i++;
        continue;
      }
      if (i >= len) break;
      const c = piece[i]!;
      if (c === QUOTE) inString = true;
      else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        if (inArticles && depth === 3) {
          if (c !== OPEN_OBJECT) throw new Error('damaged');
          this.rest.push(this.decoder.write(piece.subarray(from, i)), '0');
          from = i;
          this.inArticle = true;
        } else if (depth === 2 && c === OPEN_ARRAY && this.after(piece, i)) inArticles = true;
        depth++;
      } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        depth--;
        if (depth === 3 && this.inArticle) {
          const last = piece.subarray(from, i + 1);
          const json = this.begun.length > 0 ? Buffer.concat([...this.begun, last]).toString('utf8') : last.toString('utf8');
          this.begun = [];
          this.inArticle = false;
          from = i + 1;
          this.articles++;
          this.onArticle(json);
        } else if (inArticles && depth === 2) inArticles = false;
      }
      i++;
    }
    if (this.inArticle) this.begun.push(Buffer.from(piece.subarray(from)));
    else this.rest.push(this.decoder.write(piece.subarray(from)));
    const tail = len >= KEY.length ? piece : Buffer.concat([this.tail, piece]);
    this.tail = Buffer.from(tail.subarray(Math.max(0, tail.length - KEY.length)));
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    this.inArticles = inArticles;
  }

  /** The header without its articles (each a 0); throws if it ended inside an article. */
  end(): string {
    if (this.inArticle || this.depth !== 0 || this.inString) throw new Error('damaged');
    this.rest.push(this.decoder.end());
    return this.rest.join('');
  }

  /** Whether the bytes before piece[i] are `"articles":`. */
  private after(piece: Buffer, i: number): boolean {
    for (let k = 1; k <= KEY.length; k++) {
      const at = i - k;
      const b = at >= 0 ? piece[at] : this.tail[this.tail.length + at];
      if (b !== KEY[KEY.length - k]) return false;
    }
    return true;
  }
}
