/**
 * Names typed by a person, matched against the names a program knows: edit distance and "did you
 * mean". One home for the loader's unknown ids, the command line's unknown commands and flags,
 * and the name lookups built on them.
 */

/** Levenshtein distance (insertions, deletions, substitutions each cost 1). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

export interface NearestOptions {
  /** how many to return, closest first (ties keep the pool's order) */
  max?: number;
  /** the fewest edits always allowed; a third of the word's length is allowed when more */
  minBudget?: number;
}

/**
 * The names within a small edit distance of `word`: at most max(minBudget, length / 3) edits,
 * closest first. Names whose length alone puts them past the budget are not measured.
 */
export function nearestNames(word: string, pool: Iterable<string>, opts: NearestOptions = {}): string[] {
  const budget = Math.max(opts.minBudget ?? 1, Math.floor(word.length / 3));
  const scored: { name: string; d: number }[] = [];
  for (const name of pool) {
    if (Math.abs(name.length - word.length) > budget) continue;
    const d = editDistance(word, name);
    if (d <= budget) scored.push({ name, d });
  }
  return scored
    .sort((x, y) => x.d - y.d)
    .slice(0, opts.max ?? 1)
    .map((x) => x.name);
}
