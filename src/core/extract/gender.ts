/**
 * A person's likely gender from their given name ("Tina Houchins" → f), so that "she said" is
 * not given to the man named just before her. The names come from gender-detection-from-name
 * (MIT; its English list, ~32,000 given names), loaded on first use because reading the list
 * costs ~90 ms, which only extraction should pay.
 */
import { createRequire } from 'node:module';

let names: ReadonlyMap<string, string> | null = null;

/**
 * Names whose given name comes last (Korean, Chinese): "Kim Jong Un", "Xi Jinping", "Park Geun-hye"
 * open with a surname the list would read as a given name.
 */
const SURNAME_FIRST = new Set(['kim', 'lee', 'park', 'choi', 'jung', 'kang', 'cho', 'yoon', 'moon', 'xi', 'li', 'wang', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'hu', 'ma', 'sun', 'ban']);

/** Particles and place prefixes the list also holds as given names: "Al Jazeera", "San Diego", "St. Louis". */
const NOT_GIVEN = new Set(['al', 'el', 'abu', 'bin', 'ibn', 'de', 'del', 'la', 'le', 'van', 'von', 'da', 'di', 'du', 'san', 'santa', 'st', 'saint', 'fort', 'port', 'mount', 'lake', 'new', 'north', 'south', 'east', 'west']);

/** 'm', 'f' or undefined (unknown, one word only, or a surname-first name). */
export function givenNameGender(words: readonly string[]): 'm' | 'f' | undefined {
  if (words.length < 2) return undefined;
  const first = words[0]!.toLowerCase().replace(/\.$/, '');
  if (first.length < 2 || SURNAME_FIRST.has(first) || NOT_GIVEN.has(first)) return undefined;
  names ??= createRequire(import.meta.url)('gender-detection-from-name/names/en') as ReadonlyMap<string, string>;
  const g = names.get(first);
  return g === 'male' ? 'm' : g === 'female' ? 'f' : undefined;
}
