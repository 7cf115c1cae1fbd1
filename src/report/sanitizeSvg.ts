import { argumentError } from "../errors";

/**
 * The elements a chart drawn by Vega's SVG renderer can hold (vega-scenegraph's SVG string
 * renderer: groups, paths, rects, rules, text, symbols, clips and gradients), and nothing that
 * runs, loads or embeds: no script, image, foreignObject, use, a, animate or set.
 */
const ELEMENTS = new Set([
  "svg", "g", "path", "rect", "line", "circle", "ellipse", "polyline", "polygon", "text", "tspan",
  "title", "desc", "defs", "clipPath", "linearGradient", "radialGradient", "stop",
]);

/** Presentation and geometry attributes, as Vega writes them; `aria-*` are allowed too. */
const ATTRIBUTES = new Set([
  "xmlns", "xmlns:xlink", "version", "class", "id", "role", "width", "height", "viewBox", "preserveAspectRatio",
  "transform", "d", "x", "y", "x1", "y1", "x2", "y2", "dx", "dy", "cx", "cy", "r", "rx", "ry", "points",
  "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-dasharray",
  "stroke-dashoffset", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "opacity", "display",
  "visibility", "pointer-events", "clip-path", "clip-rule", "paint-order", "shape-rendering", "text-rendering",
  "font-family", "font-size", "font-weight", "font-style", "font-variant", "letter-spacing", "text-anchor",
  "dominant-baseline", "alignment-baseline", "offset", "stop-color", "stop-opacity", "gradientUnits",
  "gradientTransform", "fx", "fy",
]);

const NAME = /^[A-Za-z][\w:.-]*$/;
const ATTRIBUTE = /\s*([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
const ENTITY = /&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;

/**
 * An SVG document rebuilt from an allowlist: every element and attribute is parsed and kept only
 * if a chart needs it, so nothing the parser did not understand reaches the page. Anything else
 * (script, event handlers, `javascript:` or external `url(…)`, foreignObject, image, animation,
 * DOCTYPE or CDATA) is refused with `E_ARGUMENT` naming `argument` and what was found, rather than
 * silently dropped. Text is kept as text, so a label "Time online = 2h" is fine. The XML prolog
 * and comments are left out.
 */
export function sanitizeSvg(svg: string, argument: string): string {
  const refuse = (problem: string, value?: unknown): never => {
    throw argumentError(argument, problem, value);
  };
  const out: string[] = [];
  const open: string[] = [];
  let position = 0;
  let seenRoot = false;
  while (position < svg.length) {
    const next = svg.indexOf("<", position);
    const text = svg.slice(position, next < 0 ? svg.length : next);
    if (text.trim() !== "") {
      if (open.length === 0) refuse("must be one SVG document, with nothing outside its <svg> element", text.trim().slice(0, 40));
      out.push(checkedText(text, refuse));
    } else if (open.length > 0) out.push(text);
    if (next < 0) break;
    if (svg.startsWith("<?", next)) {
      if (seenRoot || !/^<\?xml[\s?]/.test(svg.slice(next, next + 6))) refuse("holds a processing instruction");
      position = endOf(svg, "?>", next, refuse);
    } else if (svg.startsWith("<!--", next)) {
      position = endOf(svg, "-->", next, refuse);
    } else if (svg.startsWith("<!", next)) {
      refuse("must not hold a DOCTYPE or CDATA section", svg.slice(next, next + 20));
    } else if (svg.startsWith("</", next)) {
      const close = /^<\/([^\s>]+)\s*>/.exec(svg.slice(next, next + 64));
      if (!close || close[1] !== open[open.length - 1]) refuse("is not well-formed SVG: unexpected closing tag", svg.slice(next, next + 20));
      out.push(`</${open.pop()}>`);
      position = next + (close as RegExpExecArray)[0].length;
    } else {
      const tag = readTag(svg, next, refuse);
      if (open.length === 0 && (seenRoot || tag.name !== "svg")) refuse("must be one SVG document with <svg> as its root", tag.name);
      seenRoot = true;
      out.push(`<${tag.name}${tag.attributes.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join("")}${tag.selfClosing ? "/>" : ">"}`);
      if (!tag.selfClosing) open.push(tag.name);
      position = tag.end;
    }
  }
  if (!seenRoot) refuse("must be an SVG document");
  if (open.length > 0) refuse("is not well-formed SVG: unclosed element", open[open.length - 1]);
  return out.join("");
}

interface Tag {
  name: string;
  attributes: [string, string][];
  selfClosing: boolean;
  end: number;
}

function readTag(svg: string, start: number, refuse: (problem: string, value?: unknown) => never): Tag {
  const nameMatch = /^<([^\s/>]+)/.exec(svg.slice(start, start + 128));
  const name = nameMatch?.[1] ?? "";
  if (!NAME.test(name)) refuse("is not well-formed SVG: bad tag", svg.slice(start, start + 20));
  if (!ELEMENTS.has(name)) refuse(`must not hold a <${name}> element (only the elements of a drawn chart are allowed)`, name);
  let position = start + 1 + name.length;
  const attributes: [string, string][] = [];
  const seen = new Set<string>();
  for (;;) {
    ATTRIBUTE.lastIndex = position;
    const attribute = ATTRIBUTE.exec(svg);
    if (!attribute) break;
    const [, attributeName = "", doubleQuoted, singleQuoted] = attribute;
    const value = decodeEntities(doubleQuoted ?? singleQuoted ?? "", refuse);
    if (!ATTRIBUTES.has(attributeName) && !/^aria-[a-z]+$/.test(attributeName)) {
      refuse(`must not hold the attribute ${attributeName} on <${name}> (only presentation attributes are allowed)`, attributeName);
    }
    if (seen.has(attributeName)) refuse(`repeats the attribute ${attributeName} on <${name}>`);
    seen.add(attributeName);
    checkAttributeValue(name, attributeName, value, refuse);
    attributes.push([attributeName, value]);
    position = ATTRIBUTE.lastIndex;
  }
  const close = /^\s*(\/?)>/.exec(svg.slice(position, position + 64));
  if (!close) refuse(`is not well-formed SVG: cannot read the attributes of <${name}>`, svg.slice(position, position + 30));
  const [whole = "", slash = ""] = close as RegExpExecArray;
  return { name, attributes, selfClosing: slash === "/", end: position + whole.length };
}

/** Only local references: `url(#clip1)`, never `url(javascript:…)` or `url(http://…)`; no script scheme anywhere. */
function checkAttributeValue(element: string, attribute: string, value: string, refuse: (problem: string, value?: unknown) => never): void {
  // A scheme needs a ":" and a reference "url(", so most values (path data, numbers, colours) need no
  // closer look: a chart's long path strings are not copied and lowercased.
  if (value.includes(":") || value.includes("(")) {
    const compact = value.replace(/[\s\u0000-\u001f]+/g, "").toLowerCase();
    if (/(?:javascript|vbscript|data):/.test(compact)) refuse(`must not hold a script or data URL in ${attribute} on <${element}>`, value.slice(0, 60));
    for (const match of compact.matchAll(/url\(([^)]*)\)/g)) {
      if (!/^["']?#[\w.-]+["']?$/.test(match[1] ?? "")) refuse(`must only refer to its own elements in ${attribute} on <${element}>`, value.slice(0, 60));
    }
  }
  if (attribute === "xmlns" && value !== "http://www.w3.org/2000/svg") refuse("must use the SVG namespace", value);
  if (attribute === "xmlns:xlink" && value !== "http://www.w3.org/1999/xlink") refuse("must use the XLink namespace for xmlns:xlink", value);
}

/** Element text: plain characters and well-formed entities only (a stray "<" was handled as a tag). */
function checkedText(text: string, refuse: (problem: string, value?: unknown) => never): string {
  return escapeText(decodeEntities(text, refuse));
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decodeEntities(text: string, refuse: (problem: string, value?: unknown) => never): string {
  let result = "";
  let position = 0;
  for (let amp = text.indexOf("&"); amp >= 0; amp = text.indexOf("&", position)) {
    result += text.slice(position, amp);
    ENTITY.lastIndex = amp;
    const entity = ENTITY.exec(text)?.[0];
    if (entity === undefined) refuse("holds a bare & (write &amp;)", text.slice(amp, amp + 12));
    const body = (entity as string).slice(1, -1);
    const code = body.startsWith("#x") ? parseInt(body.slice(2), 16) : body.startsWith("#") ? Number(body.slice(1)) : undefined;
    if (code !== undefined) {
      if (code > 0x10ffff || code === 0) refuse("holds an invalid character reference", entity);
      result += String.fromCodePoint(code);
    } else if (Object.hasOwn(NAMED, body)) {
      result += NAMED[body];
    } else {
      refuse("holds an unknown entity", entity);
    }
    position = amp + (entity as string).length;
  }
  return result + text.slice(position);
}

function escapeText(text: string): string {
  if (!/[&<>]/.test(text)) return text;
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttribute(text: string): string {
  const escaped = escapeText(text);
  return escaped.includes('"') ? escaped.replace(/"/g, "&quot;") : escaped;
}

/** The position just after `terminator`, searched from `start`; refused when missing. */
function endOf(svg: string, terminator: string, start: number, refuse: (problem: string, value?: unknown) => never): number {
  const end = svg.indexOf(terminator, start);
  if (end < 0) refuse(`is not well-formed SVG: "${terminator}" missing`, svg.slice(start, start + 20));
  return end + terminator.length;
}
