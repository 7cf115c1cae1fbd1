import ts from "typescript";
import { join, relative } from "node:path";
import { repoRoot } from "../paths";

/** The package's entry points, by the name a user imports them with, and the source file each is built from. */
export const ENTRY_SOURCES: Record<string, string> = {
  svyprop: join(repoRoot, "src", "index.ts"),
  "svyprop/render": join(repoRoot, "src", "render", "index.ts"),
  "svyprop/office": join(repoRoot, "src", "office", "index.ts"),
};

/** An exported function of an entry point and what its doc comment says. */
export interface PublicFunction {
  entry: string;
  name: string;
  /** Where it is declared, relative to the repository root, with its line. */
  at: string;
  parameters: string[];
  /** The parameter names with a `@param` tag. */
  documentedParameters: string[];
  description: string;
  hasReturns: boolean;
  examples: number;
}

/**
 * Every function the entry points export, with its first declaration's doc comment, found by the
 * TypeScript checker as TypeDoc finds them (re-exports followed to their declarations).
 */
export function publicFunctions(): PublicFunction[] {
  const program = ts.createProgram(Object.values(ENTRY_SOURCES), {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    resolveJsonModule: true,
    noResolve: false,
    types: [],
  });
  const checker = program.getTypeChecker();
  const functions: PublicFunction[] = [];
  for (const [entry, path] of Object.entries(ENTRY_SOURCES)) {
    const sourceFile = program.getSourceFile(path);
    const moduleSymbol = sourceFile && checker.getSymbolAtLocation(sourceFile);
    if (!moduleSymbol) throw new Error(`cannot read the entry ${path}`);
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declaration = symbol.declarations?.find(ts.isFunctionDeclaration);
      if (!declaration) continue;
      const declared = declaration.getSourceFile();
      const tags = ts.getJSDocTags(declaration);
      functions.push({
        entry,
        name: exported.name,
        at: `${relative(repoRoot, declared.fileName)}:${declared.getLineAndCharacterOfPosition(declaration.getStart()).line + 1}`,
        // A destructured parameter has no name of its own: its @param is matched by position.
        parameters: declaration.parameters.map((parameter, index) =>
          ts.isIdentifier(parameter.name) ? parameter.name.text : (tags.filter(ts.isJSDocParameterTag)[index]?.name.getText(declared) ?? `(parameter ${index + 1})`),
        ),
        documentedParameters: tags.filter(ts.isJSDocParameterTag).map((tag) => tag.name.getText(declared)),
        description: ts.getTextOfJSDocComment(ts.getJSDocCommentsAndTags(declaration).filter(ts.isJSDoc).at(-1)?.comment) ?? "",
        hasReturns: tags.some((tag) => ts.isJSDocReturnTag(tag)),
        examples: tags.filter((tag) => tag.tagName.text === "example").length,
      });
    }
  }
  return functions;
}
