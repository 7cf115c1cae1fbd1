import ts from "typescript";
import { ENTRY_SOURCES } from "./publicFunctions";
import { isCompleteExpression } from "./shownValue";

/** The code blocks of an `@example` tag: the body of each ```ts fence. */
export function codeBlocks(tagText: string): string[] {
  return [...tagText.matchAll(/^```(?:ts|typescript)\n([\s\S]*?)^```/gm)].map((match) => match[1] ?? "");
}

/** A `// → value` comment after a statement: what the example says the statement's value is. */
export interface ShownResult {
  /** 1-based line in the code block. */
  line: number;
  /** The text after the arrow, joined over its continuation lines. */
  shown: string;
}

/**
 * The shown value written after `end` (`// → …`), on the same line or alone on the next one,
 * continued on the next comment lines while it is not yet a complete expression.
 */
function shownAfter(code: string, end: number): string | undefined {
  const lines = code.slice(end).split("\n");
  const arrow = /^[ \t;]*\/\/ →(.*)$/;
  const onNextLine = (lines[0] ?? "").trim() === "" ? 1 : 0;
  const first = arrow.exec(lines[onNextLine] ?? "");
  if (!first) return undefined;
  let shown = (first[1] ?? "").trim();
  for (let i = onNextLine + 1; !isCompleteExpression(shown) && i < lines.length; i++) {
    const more = /^\s*\/\/(.*)$/.exec(lines[i] ?? "");
    if (!more) break;
    shown += "\n" + (more[1] ?? "");
  }
  return shown;
}

/**
 * Rewrites a code block written as a user writes it into a module the test can run: imports of
 * "svyprop", "svyprop/render" and "svyprop/office" point at their source entries, and each
 * top-level statement followed by `// → value` reports its value (an expression statement's, or a
 * declared variable's) to `globalThis.__docCheck(value, shownText, line)`.
 */
export function runnableExample(code: string): { module: string; shown: ShownResult[] } {
  const sourceFile = ts.createSourceFile("example.ts", code, ts.ScriptTarget.Latest, true);
  const edits: { start: number; end: number; text: string }[] = [];
  const shown: ShownResult[] = [];
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const source = ENTRY_SOURCES[statement.moduleSpecifier.text];
      if (source) {
        const specifier = statement.moduleSpecifier;
        edits.push({ start: specifier.getStart(sourceFile), end: specifier.end, text: JSON.stringify(source) });
      }
      continue;
    }
    const shownText = shownAfter(code, statement.end);
    if (shownText === undefined) continue;
    const line = sourceFile.getLineAndCharacterOfPosition(statement.getStart(sourceFile)).line + 1;
    shown.push({ line, shown: shownText });
    const report = (value: string): string => `globalThis.__docCheck(${value}, ${JSON.stringify(shownText)}, ${line});`;
    if (ts.isExpressionStatement(statement)) {
      edits.push({ start: statement.getStart(sourceFile), end: statement.end, text: report(`(${statement.expression.getText(sourceFile)})`) });
    } else if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1) {
      const name = statement.declarationList.declarations[0]?.name;
      if (!name || !ts.isIdentifier(name)) throw new Error(`line ${line}: "// →" after a destructuring declaration`);
      edits.push({ start: statement.end, end: statement.end, text: " " + report(name.text) });
    } else {
      throw new Error(`line ${line}: "// →" follows an expression or a single declaration, not ${ts.SyntaxKind[statement.kind]}`);
    }
  }
  let module = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    module = module.slice(0, edit.start) + edit.text + module.slice(edit.end);
  }
  return { module, shown };
}
