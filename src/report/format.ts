/** Small wording helpers shared by the text and markdown renderers. */

export function formatNumber(value: number): string {
  // A fixed locale: the output must not depend on the machine that renders it.
  return value.toLocaleString("en-US");
}

export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${formatNumber(count)} ${count === 1 ? noun : nouns}`;
}

/** `a → b → c → a`: the loop is closed even when the drift step lists each module once. */
export function formatCycle(modules: readonly string[]): string {
  const first = modules[0];
  if (first === undefined) return "";
  const closed = modules.length > 1 && modules[modules.length - 1] === first;
  return (closed ? modules : [...modules, first]).join(" → ");
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
 * Module names, messages and refs come from the PR under review: a control character in one must not
 * drive the reader's terminal or break a table row, so it is shown escaped.
 */
export function withoutControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) => {
    if (char === "\n" || char === "\t" || char === "\r") return " ";
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}
