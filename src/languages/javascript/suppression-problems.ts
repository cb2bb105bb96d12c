import { parseSuppression } from "./parse-suppression.js";

/** Every `archdrift-ignore` comment of a file that cannot be honoured, wherever it sits. */
export function suppressionProblems(lines: readonly string[]): { line: number; message: string }[] {
  const problems: { line: number; message: string }[] = [];
  lines.forEach((text, index) => {
    if (!text.includes("archdrift-ignore")) return;
    const parsed = parseSuppression(text);
    if (parsed && !parsed.valid) problems.push({ line: index + 1, message: parsed.message });
  });
  return problems;
}
