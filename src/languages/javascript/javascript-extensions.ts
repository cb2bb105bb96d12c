import type { Language } from "../../graph/graph.js";

/** The files this extractor reads, in the order TypeScript's resolver prefers them. */
export const javascriptExtensions: readonly string[] = [
  ".ts",
  ".tsx",
  ".mts",
  ".cts",
  ".js",
  ".jsx",
  ".mjs",
  ".cjs",
  ".d.ts",
];

const javascriptFile = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const typescriptFile = /\.(?:[cm]?ts|tsx)$/;
const declarationFile = /\.d\.(?:[cm]?ts|[^.]+\.ts)$/;

export function isJavaScriptPath(repoPath: string): boolean {
  return javascriptFile.test(repoPath);
}

/** The language a module is written in, by its extension: `.ts`, `.tsx`, `.mts`, `.cts` are TypeScript. */
export function languageOf(repoPath: string): Language {
  return typescriptFile.test(repoPath) ? "typescript" : "javascript";
}

/** A declaration file (`x.d.ts`, `x.d.mts`, `x.d.css.ts`) holds types only: nothing in it runs. */
export function isDeclarationPath(repoPath: string): boolean {
  return declarationFile.test(repoPath);
}

/**
 * TypeScript lets `./x.js` name `./x.ts` (NodeNext style): the emitted file is what the import names,
 * the source is what we graph.
 */
export function typeScriptTwins(file: string): string[] {
  const match = /\.([cm]?)js(x?)$/.exec(file);
  if (!match) return [];
  const stem = file.slice(0, match.index);
  const [, flavour = "", jsx = ""] = match;
  if (jsx) return [`${stem}.tsx`, `${stem}.ts`, `${stem}.d.ts`];
  if (flavour) return [`${stem}.${flavour}ts`, `${stem}.d.${flavour}ts`];
  return [`${stem}.ts`, `${stem}.tsx`, `${stem}.d.ts`];
}
