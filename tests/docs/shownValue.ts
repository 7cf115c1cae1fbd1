import ts from "typescript";

/**
 * What a `// → …` comment of a doc example shows: the value as a reader sees it printed. A number
 * keeps the digits it was written with (so 0.9490 means "0.9490 to four decimals", and 140 means
 * 140 itself), a string
 * ending in "…" is a shown beginning, and an object shows only the fields it names.
 */
export type Shown =
  | { kind: "number"; value: number; decimals: number; text: string }
  | { kind: "string"; value: string; prefix: boolean }
  | { kind: "literal"; value: boolean | null | undefined }
  | { kind: "array"; items: Shown[] }
  | { kind: "object"; fields: [string, Shown][] };

/** Whether `text` is one complete JavaScript expression (used to join a shown value written over several comment lines). */
export function isCompleteExpression(text: string): boolean {
  const { diagnostics = [] } = ts.transpileModule(`(${text}\n);`, { reportDiagnostics: true });
  return diagnostics.length === 0;
}

function decimalsOf(numeral: string): number {
  const [mantissa = "", exponent = "0"] = numeral.toLowerCase().split("e");
  const fraction = mantissa.split(".")[1] ?? "";
  return fraction.length - Number(exponent);
}

function numberShown(numeral: string, sign: 1 | -1): Shown {
  if (numeral === "Infinity") return { kind: "number", value: sign * Infinity, decimals: 0, text: numeral };
  return { kind: "number", value: sign * Number(numeral), decimals: decimalsOf(numeral), text: (sign < 0 ? "-" : "") + numeral };
}

function toShown(node: ts.Expression): Shown {
  if (ts.isParenthesizedExpression(node)) return toShown(node.expression);
  if (ts.isNumericLiteral(node)) return numberShown(node.getText(), 1);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken) {
    return numberShown(node.operand.getText(), -1);
  }
  if (ts.isIdentifier(node) && (node.text === "Infinity" || node.text === "NaN")) {
    return node.text === "NaN" ? { kind: "number", value: NaN, decimals: 0, text: "NaN" } : numberShown("Infinity", 1);
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    const prefix = node.text.endsWith("…");
    return { kind: "string", value: prefix ? node.text.slice(0, -1) : node.text, prefix };
  }
  if (node.kind === ts.SyntaxKind.TrueKeyword) return { kind: "literal", value: true };
  if (node.kind === ts.SyntaxKind.FalseKeyword) return { kind: "literal", value: false };
  if (node.kind === ts.SyntaxKind.NullKeyword) return { kind: "literal", value: null };
  if (ts.isIdentifier(node) && node.text === "undefined") return { kind: "literal", value: undefined };
  if (ts.isArrayLiteralExpression(node)) return { kind: "array", items: node.elements.map(toShown) };
  if (ts.isObjectLiteralExpression(node)) {
    return {
      kind: "object",
      fields: node.properties.map((property) => {
        if (!ts.isPropertyAssignment(property)) throw new Error(`A shown object lists "name: value" fields, not ${property.getText()}`);
        const name = property.name;
        const key = ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : name.getText();
        return [key, toShown(property.initializer)];
      }),
    };
  }
  throw new Error(`A shown value is a number, string, boolean, null, array or object literal, not ${node.getText()}`);
}

/** Parses the text after `// →` into what it shows. */
export function parseShown(text: string): Shown {
  const sourceFile = ts.createSourceFile("shown.ts", `(${text}\n);`, ts.ScriptTarget.Latest, true);
  const statement = sourceFile.statements[0];
  if (!statement || !ts.isExpressionStatement(statement)) throw new Error(`Not a value: ${text}`);
  return toShown(statement.expression);
}

/**
 * The differences between a value and what the example shows of it, each as "path: shown, got
 * actual" (empty when they agree). Numbers agree when the value rounds to the shown digits.
 */
export function mismatches(actual: unknown, shown: Shown, path = "value"): string[] {
  const got = (): string => `${path}: shows ${describe(shown)}, got ${JSON.stringify(actual) ?? String(actual)}`;
  switch (shown.kind) {
    case "number": {
      if (typeof actual !== "number") return [got()];
      if (Number.isNaN(shown.value) || !Number.isFinite(shown.value)) return Object.is(actual, shown.value) ? [] : [got()];
      // A whole number shown is the value itself (up to rounding error); a decimal, the value to its digits.
      const tolerance = /[.eE]/.test(shown.text) ? 0.5 * 10 ** -shown.decimals * (1 + 1e-9) : 1e-9 * Math.max(1, Math.abs(shown.value));
      return Math.abs(actual - shown.value) <= tolerance ? [] : [got()];
    }
    case "string":
      if (typeof actual !== "string") return [got()];
      return (shown.prefix ? actual.startsWith(shown.value) : actual === shown.value) ? [] : [got()];
    case "literal":
      return actual === shown.value ? [] : [got()];
    case "array": {
      if (!Array.isArray(actual) && !ArrayBuffer.isView(actual)) return [got()];
      const items = Array.from(actual as ArrayLike<unknown>);
      if (items.length !== shown.items.length) return [`${path}: shows ${shown.items.length} items, got ${items.length}`];
      return shown.items.flatMap((item, i) => mismatches(items[i], item, `${path}[${i}]`));
    }
    case "object": {
      if (typeof actual !== "object" || actual === null) return [got()];
      const record = actual as Record<string, unknown>;
      return shown.fields.flatMap(([key, field]) => mismatches(record[key], field, `${path}.${key}`));
    }
  }
}

function describe(shown: Shown): string {
  switch (shown.kind) {
    case "number":
      return shown.text;
    case "string":
      return JSON.stringify(shown.value) + (shown.prefix ? "…" : "");
    case "literal":
      return String(shown.value);
    case "array":
      return `[${shown.items.map(describe).join(", ")}]`;
    case "object":
      return `{ ${shown.fields.map(([key, field]) => `${key}: ${describe(field)}`).join(", ")} }`;
  }
}
