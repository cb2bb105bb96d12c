import { scanImportsFast } from "./fast-scanner/scan-imports-fast.js";
import type { ParseDeadline } from "./parse-deadline.js";
import type { FileScan } from "./raw-import.js";

/**
 * Scans one file's text: the cacheable per-file step (key it by the text's hash). Two paths give the
 * same result: `fast-scanner/` (one hand-written pass, no syntax tree) answers most files; the ones it
 * is not sure of go to `parser/`, tree-sitter-python, which is the reference the scanner is tested
 * against and the only source of syntax-error warnings.
 * With `maxParseMs`, a file that takes longer throws `ParseTimeoutError`. The fast scanner is one
 * linear pass (about 70 ms for a 1 MB file), so the deadline is enforced where time can run away:
 * in the parser, which is given whatever the scanner left of the budget, for the parse and for
 * every walk of its tree afterwards (each linear in the file's size too).
 */
export function scanPythonSource(text: string, maxParseMs?: number): Promise<FileScan> {
  const started = performance.now();
  const fast = scanImportsFast(text);
  if (fast) return Promise.resolve(fast);
  const deadline =
    maxParseMs === undefined ? undefined : { at: started + maxParseMs, limitMs: maxParseMs };
  return scanPythonSourceParsed(text, deadline);
}

/**
 * The tree-sitter path alone: the reference the fast scanner is tested against. Loaded on first use,
 * so a repository the scanner reads entirely never loads tree-sitter or its wasm.
 */
export async function scanPythonSourceParsed(
  text: string,
  deadline?: ParseDeadline,
): Promise<FileScan> {
  const [{ withPythonTree }, { scanImports }] = await Promise.all([
    import("./parser/python-parser.js"),
    import("./parser/scan-imports.js"),
  ]);
  return withPythonTree(text, scanImports, deadline);
}
