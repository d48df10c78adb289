/**
 * Bytes to text. Text and Markdown files must be UTF-8 (the loader's rules); a saved web page is
 * decoded in the charset it declares (byte-order mark, then `<meta charset>` or `<meta
 * http-equiv="Content-Type">` in its first few kilobytes), as a browser would, through
 * TextDecoder (WHATWG encodings: windows-1252, ISO-8859-x, Shift_JIS, …) — unless its bytes are
 * valid UTF-8 with non-ASCII in them: then it was re-encoded when saved and is read as UTF-8.
 */
import { decodeText, type Problem } from '../../corpus/load.js';

export class DecodeError extends Error {}

function bomEncoding(bytes: Uint8Array): { label: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { label: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { label: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { label: 'utf-16be', skip: 2 };
  return null;
}

/**
 * A text or Markdown file's bytes as UTF-8 text, through the loader's one decoder (a BOM
 * dropped; UTF-16, other encodings and NUL bytes refused with the place): a DecodeError otherwise.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  const problems: Problem[] = [];
  const text = decodeText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), file, problems);
  if (text === undefined) {
    const p = problems[0]!;
    throw new DecodeError(`${p.where ? `${p.where}: ` : ''}${p.message}`);
  }
  return text;
}

/** The charset a page declares in its first 4 KB (meta charset or http-equiv), lower-cased. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

/** windows-1252's characters for bytes 0x80–0x9F (where it differs from ISO-8859-1); 0 = unassigned. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/**
 * windows-1252 by hand: Node's TextDecoder (v20 with its ICU) decodes the label as ISO-8859-1,
 * turning the curly quotes of a legacy page into C1 control characters.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes = Array.from(bytes.subarray(i, i + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || b : b));
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** A web page's text and the encoding it was read in. */
export function decodeHtml(bytes: Uint8Array): { html: string; charset: string } {
  const bom = bomEncoding(bytes);
  if (bom) return { html: new TextDecoder(bom.label).decode(bytes.subarray(bom.skip)), charset: bom.label };
  let label = declaredCharset(bytes) ?? 'utf-8';
  // WHATWG: a page cannot declare UTF-16 in its own (ASCII) markup; a declared UTF-16 means
  // UTF-8 (before: the ASCII bytes were decoded in pairs into CJK characters, and no <html>
  // element was found). x-user-defined is windows-1252's cousin for the same reason.
  if (/^(?:utf-16|utf-16le|utf-16be|unicode|unicodefffe|ucs-2|csunicode|iso-10646-ucs-2|unicode-1-1)$/.test(label)) label = 'utf-8';
  if (label === 'x-user-defined') label = 'windows-1252';
  // a page saved re-encoded as UTF-8 that still declares its old charset (Tencent's gb2312 pages
  // as Readability's corpus keeps them; save-as tools that transcode): every character was read as
  // two GBK ones. Bytes with non-ASCII that are valid UTF-8 are next to never legacy text.
  if (!/^utf-?8$/.test(label) && bytes.some((b) => b >= 0x80)) {
    try {
      return { html: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
    } catch {
      // not UTF-8: the declared charset
    }
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label);
  } catch {
    label = 'utf-8'; // an unknown label: browsers fall back too
    decoder = new TextDecoder(label);
  }
  if (decoder.encoding === 'utf-8') {
    try {
      return { html: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
    } catch {
      // declared (or assumed) UTF-8 but not: the web's usual legacy encoding
      return { html: decodeWindows1252(bytes), charset: 'windows-1252' };
    }
  }
  // ISO-8859-1, ASCII and their aliases are windows-1252 on the web (WHATWG Encoding)
  if (decoder.encoding === 'windows-1252') return { html: decodeWindows1252(bytes), charset: 'windows-1252' };
  return { html: decoder.decode(bytes), charset: decoder.encoding };
}
