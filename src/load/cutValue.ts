/** Characters of a cell a message or a report entry shows at most. */
const SHOWN_VALUE_LENGTH = 200;

/**
 * A cell's text as a message or a report shows it: at most `limit` characters, cut with "…" and
 * the full length, so a 10 MB bad value is never echoed whole (both reading paths use this).
 */
export function cutValue(text: string, limit = SHOWN_VALUE_LENGTH): string {
  return text.length > limit ? `${text.slice(0, limit)}… (${text.length} characters)` : text;
}
