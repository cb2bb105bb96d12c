import { withPythonTree } from "./python-parser.js";
import type { FileScan } from "./raw-import.js";
import { scanImports } from "./scan-imports.js";
import { scanImportsFast } from "./scan-imports-fast.js";

/**
 * Scans one file's text: the cacheable per-file step (key it by the text's hash). The fast scanner
 * answers most files; the ones it is not sure of are parsed, with the same result either way.
 */
export function scanPythonSource(text: string): Promise<FileScan> {
  const fast = scanImportsFast(text);
  return fast ? Promise.resolve(fast) : scanPythonSourceParsed(text);
}

/** The tree-sitter path alone: the reference the fast scanner is tested against. */
export function scanPythonSourceParsed(text: string): Promise<FileScan> {
  return withPythonTree(text, scanImports);
}
