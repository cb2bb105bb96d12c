import type { ExtractionWarning } from "../../graph/graph.js";
import { parseSuppression } from "./parse-suppression.js";

/** Every `archdrift-ignore` comment of a file that cannot be honoured, wherever it sits. */
export function suppressionWarnings(file: string, lines: readonly string[]): ExtractionWarning[] {
  const warnings: ExtractionWarning[] = [];
  lines.forEach((text, index) => {
    if (!text.includes("archdrift-ignore")) return;
    const parsed = parseSuppression(text);
    if (parsed && !parsed.valid) warnings.push({ file, line: index + 1, message: parsed.message });
  });
  return warnings;
}
