import ts from "typescript";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { repoRoot } from "../paths";

/** One `@example` of a doc comment in src/: where it is, what it documents, and its text. */
export interface DocExample {
  /** Path relative to the repository root, e.g. "src/stats/proportionCI.ts". */
  file: string;
  /** 1-based line of the `@example` tag. */
  line: number;
  /** The documented declaration's name, e.g. "proportionCI". */
  owner: string;
  /** The tag's text, as TypeDoc renders it (code fences included). */
  text: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** The name of the declaration a doc comment belongs to (the variable for `export const x = …`). */
function ownerName(node: ts.Node): string {
  const named = ts.isVariableStatement(node) ? node.declarationList.declarations[0] : node;
  const name = named && (named as { name?: ts.Node }).name;
  return name && (ts.isIdentifier(name) || ts.isStringLiteral(name)) ? name.text : "(anonymous)";
}

/**
 * Every `@example` in the doc comments under src/, read with the TypeScript parser (so a tag is
 * found exactly where TypeDoc finds it, whatever the comment's layout).
 */
export function docExamples(): DocExample[] {
  const examples: DocExample[] = [];
  for (const path of sourceFiles(join(repoRoot, "src"))) {
    const sourceFile = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      for (const doc of (node as { jsDoc?: ts.JSDoc[] }).jsDoc ?? []) {
        for (const tag of doc.tags ?? []) {
          if (tag.tagName.text !== "example") continue;
          examples.push({
            file: relative(repoRoot, path),
            line: sourceFile.getLineAndCharacterOfPosition(tag.getStart(sourceFile)).line + 1,
            owner: ownerName(node),
            text: ts.getTextOfJSDocComment(tag.comment) ?? "",
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return examples;
}
