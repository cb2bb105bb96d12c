import { withPythonTree } from "./python-parser.js";
import type { FileScan } from "./raw-import.js";
import { scanImports } from "./scan-imports.js";

/** Parses and scans one file's text: the cacheable per-file step (key it by the text's hash). */
export function scanPythonSource(text: string): Promise<FileScan> {
  return withPythonTree(text, scanImports);
}
