import { scanImportsFast as findImports } from "./fast-scanner/fast-scan-imports.js";
import { completeScan, type JavaScriptScan } from "./javascript-scan.js";

/**
 * A file's scan by the fast scanner, without loading TypeScript; undefined when the scanner is not
 * sure, and the file must go to `scanImportsParsed`.
 */
export function scanImportsFast(fileName: string, source: string): JavaScriptScan | undefined {
  const imports = findImports(fileName, source);
  if (!imports) return undefined;
  // Lines serve suppression comments only: most files have none, and splitting costs.
  const lines = source.includes("archdrift-ignore") ? source.split(/\r?\n/) : [];
  return completeScan(fileName, lines, imports, []);
}
