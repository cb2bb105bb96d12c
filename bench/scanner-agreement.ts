import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { scanImportsFast } from "../src/languages/python/fast-scanner/scan-imports-fast.js";
import { scanPythonSourceParsed } from "../src/languages/python/scan-python-source.js";
import type { BenchRow } from "./markdown-table.js";

/** A language's two scans of one file, as the values to compare; `undefined`: the scanner defers. */
export interface ScannerPair {
  readonly reference: string;
  fast(path: string, text: string): unknown;
  parsed(path: string, text: string): Promise<unknown>;
}

/**
 * A fast scanner against its reference parser on every module of a real checkout: each file must
 * give the parser's scan, or defer to the parser. Real code taught the scanners their rules; this
 * row keeps checking them on whatever repository the benchmark is pointed at.
 */
export async function agreementRow(
  label: string,
  checkout: string,
  paths: readonly string[],
  pair: ScannerPair,
): Promise<BenchRow> {
  let deferred = 0;
  const differ: string[] = [];
  for (const path of paths) {
    const text = await readFile(join(checkout, path), "utf8");
    const fast = pair.fast(path, text);
    if (fast === undefined) {
      deferred++;
      continue;
    }
    // Through JSON so that an absent and an undefined `suppression` compare alike, as in a cache.
    if (!isDeepStrictEqual(asJson(fast), asJson(await pair.parsed(path, text)))) differ.push(path);
  }
  return {
    metric: `${label}: fast scanner vs ${pair.reference}, every module`,
    value: `${differ.length} differ${differ.length > 0 ? ` (${differ.slice(0, 3).join(", ")})` : ""}, ${deferred} of ${paths.length} deferred to the parser`,
    floor: "0 differ",
    pass: differ.length === 0,
  };
}

function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

/** Python: the fast scanner against tree-sitter, whole scans. */
export function scannerAgreementRow(
  label: string,
  checkout: string,
  paths: readonly string[],
): Promise<BenchRow> {
  return agreementRow(label, checkout, paths, {
    reference: "tree-sitter",
    fast: (_, text) => scanImportsFast(text),
    parsed: (_, text) => scanPythonSourceParsed(text),
  });
}
