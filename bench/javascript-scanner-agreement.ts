import { scanImportsFast } from "../src/languages/javascript/scan-imports-fast.js";
import { scanImportsParsed } from "../src/languages/javascript/scan-imports-parsed.js";
import type { BenchRow } from "./markdown-table.js";
import { agreementRow } from "./scanner-agreement.js";

/**
 * The JS/TS fast scanner against TypeScript's parser on every module of a real checkout: each
 * file must give the parser's imports (specifier, line, kind, text, suppression), or defer to it.
 * Syntax errors are the parser's alone: only the imports are compared.
 */
export function javascriptScannerAgreementRow(
  label: string,
  checkout: string,
  paths: readonly string[],
): Promise<BenchRow> {
  return agreementRow(label, checkout, paths, {
    reference: "TypeScript's parser",
    fast: (path, text) => scanImportsFast(path, text)?.imports,
    parsed: async (path, text) => scanImportsParsed(path, text).imports,
  });
}
