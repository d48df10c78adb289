/**
 * A count with its noun, singular or plural as the number wants: "1 quote", "2 quotes", "0 quotes".
 * The one place messages make plurals (study, export, command line and dashboard); `plural` for
 * nouns that do not just add s. Numbers are grouped ("12,000 quotes") unless `grouped` is false:
 * the dashboard's counts never were, and stay as they are.
 */
export function count(n: number, noun: string, plural = `${noun}s`, { grouped = true }: { grouped?: boolean } = {}): string {
  return `${grouped ? n.toLocaleString('en-US') : String(n)} ${n === 1 ? noun : plural}`;
}
