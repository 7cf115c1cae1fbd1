const CANDIDATES = [",", ";", "\t"] as const;

/**
 * Guesses the field delimiter of a CSV file from its header line: the most frequent of `,` `;`
 * and tab outside quotes (`,` when none appears).
 */
export function sniffDelimiter(headerLine: string): string {
  const counts = new Map<string, number>(CANDIDATES.map((candidate) => [candidate, 0]));
  let inQuotes = false;
  for (const char of headerLine) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && counts.has(char)) counts.set(char, (counts.get(char) as number) + 1);
  }
  let best: string = ",";
  for (const [candidate, count] of counts) if (count > (counts.get(best) as number)) best = candidate;
  return best;
}
