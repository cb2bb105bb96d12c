import type { ImportStatement } from "./import-statement-of.js";
import { findSuppression } from "./find-suppression.js";
import { isDeclarationPath } from "./javascript-extensions.js";
import { suppressionProblems } from "./suppression-problems.js";

/** Something about the file itself that the report should say, at a line. */
export interface ScanProblem {
  readonly line: number;
  readonly message: string;
}

/**
 * What one file imports, independent of where the imports lead: plain data, the same for every
 * commit that holds the same text, so it can be kept by blob.
 */
export interface JavaScriptScan {
  readonly imports: readonly ImportStatement[];
  readonly problems: readonly ScanProblem[];
}

/**
 * A file's scan from the imports either path found: each import with its suppression, every
 * import of a declaration file type-only (nothing in it runs), the problems in line order with
 * those of its `archdrift-ignore` comments.
 */
export function completeScan(
  fileName: string,
  lines: readonly string[],
  imports: readonly ImportStatement[],
  problems: readonly ScanProblem[],
): JavaScriptScan {
  const declaration = isDeclarationPath(fileName);
  const withSuppressions = imports.map((found) => {
    const suppression = findSuppression(lines, found.line);
    const kind = declaration ? "type-only" : found.kind;
    return { ...found, kind, ...(suppression ? { suppression } : {}) };
  });
  const all = [...suppressionProblems(lines), ...problems];
  all.sort((left, right) => left.line - right.line);
  return { imports: withSuppressions, problems: all };
}
