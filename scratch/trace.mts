import { analyse } from '../src/core/extract/doc.ts';
import { Registry } from '../src/core/extract/actors.ts';
import { createContext, discoverActors } from '../src/core/extract/attribution/attribute.ts';
import { SPEAKER_RULES } from '../src/core/extract/attribution/quote-rules.ts';
import { segments, segOf } from '../src/core/extract/attribution/clause.ts';
import { speechVerbAt, tok } from '../src/core/extract/np.ts';
const text = process.argv[2]!;
const doc = analyse(text);
const ctx = createContext(doc, new Registry(doc));
discoverActors(ctx);
for (const s of doc.sents) {
  console.log('SENT', s.items.map((it, i) => (it < 0 ? `Q${-it - 1}` : `${doc.toks[it]!.t}${speechVerbAt(doc, s, i) ? '*' : ''}`)).join(' '));
  for (let p = 0; p < s.items.length; p++) {
    if (s.items[p]! >= 0) continue;
    const q = doc.quotes[-s.items[p]! - 1]!;
    const segs = segments(ctx, s);
    const site = { qi: q.idx, s, p, seg: segOf(ctx, segs, p), closeSent: doc.sents[q.lastSent]!, closeItem: q.lastSent === s.idx ? p : q.lastItem };
    SPEAKER_RULES.forEach((r, i) => { const f = r(ctx, site); console.log('  rule', i, f ? `${f.rule} np=${f.np.kind}:${f.np.toks.map((t) => doc.toks[t]!.t).join(' ')}` : null); });
  }
}
