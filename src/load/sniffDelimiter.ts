/** The delimiters svyprop recognises: comma, the semicolon of French Excel, and tab. */
export const DELIMITERS = [",", ";", "\t"] as const;

const SAMPLE_RECORDS = 20;

/**
 * Picks the delimiter of CSV text from its first records. A candidate must split the header
 * into at least two fields; among those, the one giving the most records with the header's
 * field count wins (then the one splitting the header most). Delimiters inside quotes do not
 * count, so a French file (`;`) with decimal commas ("1,5") or a quoted "Oui, mais" is read
 * right where papaparse's own guess takes the comma. Falls back to `,`.
 *
 * @param text - The CSV text (its first records are enough).
 * @returns The delimiter: ",", ";" or a tab.
 *
 * @example
 * ```ts
 * import { sniffDelimiter } from "svyprop";
 *
 * // A French export: decimal commas and a comma inside quotes do not fool it.
 * sniffDelimiter('id;note\n1;1,5\n2;"Oui, mais"\n'); // → ";"
 * ```
 */
export function sniffDelimiter(text: string): string {
  const counts = sampleDelimiterCounts(text);
  const [header, ...records] = counts;
  let best: { delimiter: string; score: number; fields: number } | undefined;
  DELIMITERS.forEach((delimiter, d) => {
    const fields = header?.[d] ?? 0;
    if (fields === 0) return;
    const score = records.filter((record) => record[d] === fields).length;
    if (!best || score > best.score || (score === best.score && fields > best.fields)) {
      best = { delimiter, score, fields };
    }
  });
  return best?.delimiter ?? ",";
}

/** For each of the first non-blank records, how often each delimiter occurs outside quotes. */
function sampleDelimiterCounts(text: string): number[][] {
  const records: number[][] = [];
  let current = DELIMITERS.map(() => 0);
  let blank = true;
  let inQuotes = false;
  for (let i = 0; i < text.length && records.length < SAMPLE_RECORDS; i++) {
    const char = text[i] as string;
    if (char === '"') inQuotes = !inQuotes;
    if (inQuotes) continue;
    if (char === "\n" || char === "\r") {
      if (!blank) records.push(current);
      current = DELIMITERS.map(() => 0);
      blank = true;
      continue;
    }
    const d = (DELIMITERS as readonly string[]).indexOf(char);
    if (d >= 0) current[d] = (current[d] as number) + 1;
    if (char.trim() !== "") blank = false;
  }
  if (!blank && records.length < SAMPLE_RECORDS) records.push(current);
  return records;
}
