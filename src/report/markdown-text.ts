import { withoutControls } from "./format.js";

/**
 * What GitHub turns into a link or a notification in prose: `@user` and `@org/team` mentions,
 * `#12`, `GH-12` and `owner/repo#12` references, emails, URLs and `www.` autolinks. A word holding
 * one is set in a code span, where GitHub links nothing: `@acme/ui` is a common package name, and a
 * PR must not make the bot notify a team or link an issue.
 */
const linkedByGitHub = /[@#]|\bGH-\d|:\/\/|\bwww\./i;

/** Punctuation around a word that reads better outside its code span: `(@acme/ui),`. */
const opening = new Set([..."([{\"'<"]);
const closing = new Set([...")]}\"'>,.;:!?"]);

/**
 * Escapes text from the PR (messages, paths, hints, reasons) for markdown prose, so a module name
 * cannot open a link, an image, an HTML tag or emphasis in the check run summary, and cannot
 * mention anyone or reference an issue.
 */
export function escapeMarkdown(text: string): string {
  // Split on spaces and pipes: a word in a code span then never holds a table's cell separator.
  return withoutControls(text)
    .split(/(\s+|\|)/)
    .map((part) => (linkedByGitHub.test(part) ? neutralWord(part) : escapeProse(part)))
    .join("");
}

function neutralWord(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && opening.has(word[start]!)) start++;
  while (end > start && closing.has(word[end - 1]!)) end--;
  const core = word.slice(start, end);
  if (!linkedByGitHub.test(core)) return codeSpan(word);
  return `${escapeProse(word.slice(0, start))}${codeSpan(core)}${escapeProse(word.slice(end))}`;
}

/** `_` between two letters or digits can neither open nor close emphasis: `MAX_FILES` stays. */
const emphasisUnderscore = /(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;

function escapeProse(text: string): string {
  return text
    .replace(/[\\`*[\]|~]/g, (char) => `\\${char}`)
    .replace(emphasisUnderscore, "\\_")
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
  const fence = "`".repeat(longestRun(clean, "`") + 1);
  const padded = clean.startsWith("`") || clean.endsWith("`") ? ` ${clean} ` : clean;
  const body = options.inTable ? padded.replace(/\|/g, "\\|") : padded;
  return clean === "" ? "" : `${fence}${body}${fence}`;
}

/**
 * A fenced code block around text with several lines (an error, git's own words): its fence is
 * longer than any run of backticks inside, so nothing in it can close the block early.
 */
export function codeBlock(text: string): string {
  const clean = text.split("\n").map(withoutControls).join("\n");
  const fence = "`".repeat(Math.max(3, longestRun(clean, "`") + 1));
  return `${fence}\n${clean}\n${fence}`;
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const each of text) {
    run = each === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/** Names in code spans, quoted words neutralised: how a check run quotes the repository. */
export const markdownQuotes = {
  name: (text: string): string => codeSpan(text),
  words: escapeMarkdown,
};

export function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |\n`;
}
