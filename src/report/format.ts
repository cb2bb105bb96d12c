import { loopText } from "../drift/cycle-text.js";

/** Small wording helpers shared by the text and markdown renderers. */

export function formatNumber(value: number): string {
  // A fixed locale: the output must not depend on the machine that renders it.
  return value.toLocaleString("en-US");
}

export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${formatNumber(count)} ${count === 1 ? noun : nouns}`;
}

/**
 * `a → b → c → a`: the loop is closed even when the drift step lists each module once; a long one
 * is cut in the middle (`a → b → … 9,990 more … → a`) so the finding around it always fits.
 */
export function formatCycle(modules: readonly string[]): string {
  return loopText(modules);
}

export function formatSeconds(durationMs: number): string {
  const seconds = durationMs / 1000;
  return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds).toString()} s`;
}

/** Line 0 means the drift step knew the file but not the line. */
export function formatLocation(file: string, line: number): string {
  return line > 0 ? `${file}:${line}` : file;
}

export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

/**
 * What a name from the PR must not carry into a reader's view: C0 and C1 controls and DEL (they
 * drive terminals and break table rows), bidi controls (they reorder what follows, so a path can be
 * made to read as another: CVE-2021-42574), line and paragraph separators, and the invisible
 * zero-width space, word joiner and byte order mark.
 */
const hiddenCharacters = /[\p{Cc}\p{Bidi_Control}\u2028\u2029\u200b\u2060\ufeff]/gu;

/**
 * Module names, messages and refs come from the PR under review: a control or bidi character in one
 * must not drive the reader's terminal, break a table row or reorder the text, so it is shown
 * escaped (`\u202e`). Line breaks and tabs become spaces.
 */
export function withoutControls(text: string): string {
  return text.replace(hiddenCharacters, (char) => {
    if (char === "\n" || char === "\t" || char === "\r") return " ";
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}
