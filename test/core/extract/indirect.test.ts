/** Indirect quotes: a speech verb with a named or collective speaker, and the span of what was said. */
import { describe, expect, it } from 'vitest';
import { draft, fixture } from './helpers.js';

describe('indirect quotes', () => {
  const d = draft(fixture('indirect.txt'), { date: '2026-01-14' });
  const indirect = d.quotes.filter((q) => q.kind === 'indirect');
  const by = (text: string) => {
    const q = d.quote(text, 'indirect');
    return d.speaker(q);
  };

  it('takes the reported content after the speech verb, for collective speakers too', () => {
    expect(by('more than 300 people had been taken to hospital')).toBe('Health officials');
    expect(by('the numbers could rise')).toBe('Several doctors');
  });

  it('splits "X say A, but Y insists B" into two statements', () => {
    expect(by('the water has been unsafe for weeks')).toBe('Local residents');
    expect(by('the supply is clean')).toBe('company');
  });

  it('skips the listener and the time before "that"', () => {
    const q = d.quote('the city would cover the costs', 'indirect');
    expect(d.speaker(q)).toBe('mayor');
    expect(q.channel).toBe('told reporters');
    expect(q.when?.text).toBe('on Friday');
  });

  it('reads "…, according to X" as X reporting what comes before', () => {
    expect(by('The outbreak began in the northern district')).toBe('health ministry');
  });

  it('does not report what someone did not say', () => {
    expect(indirect.some((q) => /report/.test(q.text))).toBe(false);
  });

  it('a partial quotation inside reported speech gives both an indirect and a direct quote', () => {
    const x = draft('Iranian state media said more than 100 officers were killed. Smagin said the government “can do little about it.”\n');
    expect(x.speaker(x.quote('more than 100 officers were killed', 'indirect'))).toBe('Iranian state media');
    expect(x.quote('the government “can do little about it.”', 'indirect')).toBeTruthy();
    expect(x.quote('can do little about it.', 'direct')).toBeTruthy();
  });

  it('"…“Q,” X said" makes the words before the quotation an indirect quote', () => {
    const x = draft('Despite the threats, the government “can do little,” Smagin said.\n');
    expect(x.quote('Despite the threats, the government “can do little,”', 'indirect')).toBeTruthy();
  });
});
