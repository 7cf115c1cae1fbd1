/**
 * The known word closest to a mistyped one, or undefined when none is close: at most a third of
 * the typed word's letters may differ (at least one), by Levenshtein edit distance (insertions,
 * deletions and substitutions, each costing 1).
 */
export function closestWord(typed: string, known: readonly string[]): string | undefined {
  const allowed = Math.max(1, Math.floor(typed.length / 3));
  let best: { word: string; distance: number } | undefined;
  for (const word of known) {
    const distance = editDistance(typed.toLowerCase(), word.toLowerCase());
    if (distance <= allowed && (best === undefined || distance < best.distance)) best = { word, distance };
  }
  return best?.word;
}

/** `did you mean "x"?` after a sentence, or nothing when no known word is close. */
export function didYouMean(typed: string, known: readonly string[], show: (word: string) => string = (word) => `"${word}"`): string {
  const word = closestWord(typed, known);
  return word === undefined ? "" : `; did you mean ${show(word)}?`;
}

/** Levenshtein distance, one row of the dynamic-programming table at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, (previous[j] as number) + 1, (current[j - 1] as number) + 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}
