import { isDeepStrictEqual } from "node:util";
import type { FileScan } from "../../../../src/languages/python/raw-import.js";
import { scanImportsFast } from "../../../../src/languages/python/fast-scanner/scan-imports-fast.js";
import { scanPythonSourceParsed } from "../../../../src/languages/python/scan-python-source.js";

export interface DifferentialResult {
  readonly files: number;
  readonly fallbacks: string[];
  readonly mismatches: { name: string; fast: FileScan; parsed: FileScan }[];
}

/**
 * Runs the fast scanner and the parser over every file: each file must give the same scan from
 * both, or none from the fast scanner (a fallback, which keeps results identical by construction).
 */
export async function differential(
  files: readonly { readonly name: string; readonly text: string }[],
): Promise<DifferentialResult> {
  const fallbacks: string[] = [];
  const mismatches: DifferentialResult["mismatches"] = [];
  for (const { name, text } of files) {
    const fast = scanImportsFast(text);
    if (!fast) {
      fallbacks.push(name);
      continue;
    }
    // Through JSON so that an absent and an undefined `suppression` compare alike, as in a cache.
    const parsed = await scanPythonSourceParsed(text);
    if (!isDeepStrictEqual(plain(fast), plain(parsed))) mismatches.push({ name, fast, parsed });
  }
  return { files: files.length, fallbacks, mismatches };
}

function plain(scan: FileScan): unknown {
  return JSON.parse(JSON.stringify(scan));
}
