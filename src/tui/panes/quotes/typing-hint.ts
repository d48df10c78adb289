/**
 * A filter value still being typed is not a mistake: `date:20` on its way to `date:2026-01` is
 * refused by the query parser, but the box should say what the filter expects, not that the query
 * is wrong. The parser's error is shown only once the value cannot become valid by typing on
 * (`date:20x`, `date:2026-13`) or the word is finished (a space after it). Pure.
 */
import { completionTarget } from '../../../core/search/complete.js';
import { parseQuery } from '../../../core/search/query.js';

/** What each filter that can be half typed expects, in the form the help shows. */
export const EXPECTS: Partial<Record<string, string>> = {
  date: 'date: expects YYYY[-MM[-DD]] or a range FROM..TO',
};

const DATE_PART = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
/** A date every start of a date can be completed with: the digits and dashes after the typed start. */
const FILLER = '2000-01-01';

/** Whether some complete date (YYYY, YYYY-MM, YYYY-MM-DD) begins with `s`. */
function datePrefix(s: string): boolean {
  if (s.length > FILLER.length) return false;
  // each position's filler digit is one that every valid start can be followed by (month 0→01,
  // 1→11; day 0→01, 1-2→11/21, 3→31)
  return DATE_PART.test(s + FILLER.slice(s.length));
}

/** Whether a date filter's value can still become valid by typing on: `20`, `2026-0`, `2026-01.`, `2026..2026-0`. */
export function dateOnItsWay(value: string): boolean {
  const v = value.replace(/^"|"$/g, '');
  if (v.includes('..')) {
    const [from, to, ...rest] = v.split('..');
    return rest.length === 0 && (from === '' || DATE_PART.test(from!)) && datePrefix(to!);
  }
  if (v.endsWith('.')) return DATE_PART.test(v.slice(0, -1)); // the first dot of a range
  return datePrefix(v);
}

/**
 * The hint to show instead of `error` for `query`, or undefined when the error stands: only when
 * the error is the last word's (the query without it reads) and that word is a filter value on its way.
 */
export function typingHint(query: string, error: string | undefined): string | undefined {
  if (!error) return undefined;
  const target = completionTarget(query);
  if (!target?.field) return undefined;
  const hint = EXPECTS[target.field];
  if (!hint) return undefined;
  if (!parseQuery(query.slice(0, target.start)).ok) return undefined; // another word is wrong
  if (target.field === 'date' && dateOnItsWay(target.typed)) return hint;
  return undefined;
}
