import { withoutControls } from "./format.js";

/**
 * Escapes text from the PR (messages, paths, hints) for markdown prose, so a module name cannot open a
 * link, an image, an HTML tag or emphasis in the check run summary.
 */
export function escapeMarkdown(text: string): string {
  return withoutControls(text)
    .replace(/[\\`*_[\]|~]/g, (char) => `\\${char}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/**
 * A code span that survives backticks in its content and, in a table, pipes: GFM splits cells on `|`
 * even inside code spans, and `\|` is the one escape it honours there.
 */
export function codeSpan(text: string, options: { inTable?: boolean } = {}): string {
  const clean = withoutControls(text);
  const longestRun = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const padded = clean.startsWith("`") || clean.endsWith("`") ? ` ${clean} ` : clean;
  const body = options.inTable ? padded.replace(/\|/g, "\\|") : padded;
  return clean === "" ? "" : `${fence}${body}${fence}`;
}

export function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |\n`;
}
