import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { scanImportsFast } from "../src/languages/javascript/scan-imports-fast.js";
import { scanImportsParsed } from "../src/languages/javascript/scan-imports-parsed.js";
import type { BenchRow } from "./markdown-table.js";

/**
 * The JS/TS fast scanner against TypeScript's parser on every module of a real checkout: each
 * file must give the parser's imports (specifier, line, kind, text, suppression), or defer to it.
 */
export async function javascriptScannerAgreementRow(
  label: string,
  checkout: string,
  paths: readonly string[],
): Promise<BenchRow> {
  let deferred = 0;
  const differ: string[] = [];
  for (const path of paths) {
    const text = await readFile(join(checkout, path), "utf8");
    const fast = scanImportsFast(path, text);
    if (!fast) {
      deferred++;
      continue;
    }
    // Syntax errors are the parser's alone: only the imports are compared.
    const parsed = scanImportsParsed(path, text);
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(fast.imports)), parsed.imports))
      differ.push(path);
  }
  return {
    metric: `${label}: fast scanner vs TypeScript's parser, every module`,
    value: `${differ.length} differ${differ.length > 0 ? ` (${differ.slice(0, 3).join(", ")})` : ""}, ${deferred} of ${paths.length} deferred to the parser`,
    floor: "0 differ",
    pass: differ.length === 0,
  };
}
