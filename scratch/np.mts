import { analyse } from '../src/core/extract/doc.ts';
import { npEndingAt, tok } from '../src/core/extract/np.ts';
const doc = analyse(process.argv[2]!);
const s = doc.sents[0]!;
const i = s.items.findIndex((it) => it >= 0 && doc.toks[it]!.t === process.argv[3]);
console.log(i, tok(doc, s, i), npEndingAt(doc, s, i));
