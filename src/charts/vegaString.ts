/**
 * A Vega expression that evaluates to `text`, whatever the text holds. JSON quoting alone is not
 * enough: JSON leaves U+2028/U+2029 raw, which Vega's parser rejects as line terminators, and
 * Vega's code generator turns a string literal equal to an Object.prototype name ("toString",
 * "constructor", "__proto__" …) into a signal reference (vega-expression 6), so such a text is
 * written as a concatenation of two literals that are not.
 */
export function vegaString(text: string): string {
  if (text.length > 1 && isPrototypeName(text)) return `(${vegaString(text.slice(0, -1))} + ${vegaString(text.slice(-1))})`;
  return JSON.stringify(text).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

function isPrototypeName(text: string): boolean {
  return text === "__proto__" || text in Object.prototype;
}
