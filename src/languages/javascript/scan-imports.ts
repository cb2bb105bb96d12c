import type { JavaScriptScan } from "./javascript-scan.js";
import { scanImportsFast } from "./scan-imports-fast.js";
import { scanImportsParsed } from "./scan-imports-parsed.js";

export type { ImportStatement } from "./import-statement-of.js";
export type { JavaScriptScan, ScanProblem } from "./javascript-scan.js";

/**
 * Every import of a JS or TS file. Two paths give the same imports: the fast scanner
 * (`fast-scanner/`, one pass over the tokens) answers most files; the ones it is not sure of go to
 * TypeScript's parser (`scan-imports-parsed`), the reference it is tested against and the only
 * source of syntax-error warnings. A caller that must not load TypeScript for nothing (a review)
 * calls the two itself, loading the second on first need.
 */
export function scanImports(fileName: string, source: string): JavaScriptScan {
  return scanImportsFast(fileName, source) ?? scanImportsParsed(fileName, source);
}
