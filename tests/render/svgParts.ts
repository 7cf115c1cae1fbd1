// Reads the parts of a Vega SVG that tests check: text nodes and mark groups.

/** The text content of every <text> element (tspans listed one by one), entities decoded. */
export function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].flatMap(([, content = ""]) => {
    const tspans = [...content.matchAll(/<tspan\b[^>]*>([\s\S]*?)<\/tspan>/g)].map(([, line = ""]) => line);
    return (tspans.length > 0 ? tspans : [content]).map(decodeEntities);
  });
}

/**
 * The items Vega drew for the marks of one name, over all the groups of that name (one per
 * facet cell). Vega writes a named mark as `<g class="mark-TYPE role-mark NAME_marks" …>`
 * holding one leaf element per datum: <path> for rect marks, <line> for rules, <text>, <path> for symbols.
 */
export function markItems(svg: string, markClass: string): string[] {
  const opening = new RegExp(`<g class="mark-(\\w+) role-mark ${markClass}"[^>]*>`, "g");
  return [...svg.matchAll(opening)].flatMap((match) => {
    const start = match.index + match[0].length;
    const content = svg.slice(start, svg.indexOf("</g>", start));
    return [...content.matchAll(/<(path|line|text)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/g)].map(([item]) => item);
  });
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}
