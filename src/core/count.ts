/**
 * A count with its noun, singular or plural as the number wants: "1 quote", "2 quotes", "0 quotes".
 * The one place messages make plurals (study, export, command line and dashboard); `plural` for
 * nouns that do not just add s. Numbers are grouped in thousands ("12,000 quotes").
 */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? noun : plural}`;
}
