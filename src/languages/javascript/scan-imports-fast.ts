import { scanImportsFast as findImports } from "./fast-scanner/fast-scan-imports.js";
import { completeScan, type JavaScriptScan } from "./javascript-scan.js";

/**
 * A file's scan by the fast scanner, without loading TypeScript; undefined when the scanner is not
 * sure, and the file must go to `scanImportsParsed`.
 */
export function scanImportsFast(fileName: string, source: string): JavaScriptScan | undefined {
  const imports = findImports(fileName, source);
  return imports && completeScan(fileName, source.split(/\r?\n/), imports, []);
}
