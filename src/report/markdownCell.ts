/**
 * Text made safe for one cell of a GitHub-flavoured Markdown table: HTML-significant characters
 * become entities (so a label `<script>` is shown, never run or hidden), Markdown punctuation
 * (emphasis, code, links, strike-through, the cell's pipes) is backslash-escaped (CommonMark
 * §2.4), and every line break (CR, LF, U+0085, U+2028, U+2029) becomes a space.
 */
export function markdownCell(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_[\]~|]/g, (character) => `\\${character}`)
    .replace(/\r\n|[\n\r\u0085\u2028\u2029]/g, " ");
}
