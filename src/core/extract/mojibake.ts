/**
 * Names written in mojibake — UTF-8 read as Latin-1, once or more ("FranÃ§ois", "FranÃ\u0083Â§ois")
 * — shown repaired ("François"). Only when clearly mojibake: every character fits in one byte, a
 * lead byte Â–ß is followed by a continuation byte, and the bytes decode as strict UTF-8. The text
 * itself is never changed (quotes and mentions stay verbatim, with their offsets).
 */
const PAIR = /[\u00c2-\u00df][\u0080-\u00bf]/;
// (a text normalised to NFD after the damage writes "Ã" as "A" and a combining tilde: composed first)
const strict = new TextDecoder('utf-8', { fatal: true });

export function repairMojibake(s: string): string {
  let out = s.normalize('NFC');
  if (!PAIR.test(out)) return s;
  for (let round = 0; round < 3 && PAIR.test(out); round++) {
    if (!/^[\u0000-\u00ff]*$/.test(out)) break;
    try {
      out = strict.decode(Buffer.from(out, 'latin1'));
    } catch {
      break; // not UTF-8 once read as bytes: a real "Ã" or "Â", left as written
    }
  }
  return out;
}
