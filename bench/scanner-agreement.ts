import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { scanImportsFast } from "../src/languages/python/fast-scanner/scan-imports-fast.js";
import { scanPythonSourceParsed } from "../src/languages/python/scan-python-source.js";
import type { BenchRow } from "./markdown-table.js";

/**
 * The fast scanner against tree-sitter on every Python module of a real checkout: each file must
 * give the scan the parser gives, or defer to the parser. Real code taught the scanner its rules;
 * this row keeps checking them on whatever repository the benchmark is pointed at.
 */
export async function scannerAgreementRow(
  label: string,
  checkout: string,
  paths: readonly string[],
): Promise<BenchRow> {
  let deferred = 0;
  const differ: string[] = [];
  for (const path of paths) {
    const text = await readFile(join(checkout, path), "utf8");
    const fast = scanImportsFast(text);
    if (!fast) {
      deferred++;
      continue;
    }
    const parsed = await scanPythonSourceParsed(text);
    // Through JSON so that an absent and an undefined `suppression` compare alike, as in a cache.
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(fast)), JSON.parse(JSON.stringify(parsed))))
      differ.push(path);
  }
  return {
    metric: `${label}: fast scanner vs tree-sitter, every module`,
    value: `${differ.length} differ${differ.length > 0 ? ` (${differ.slice(0, 3).join(", ")})` : ""}, ${deferred} of ${paths.length} deferred to the parser`,
    floor: "0 differ",
    pass: differ.length === 0,
  };
}
