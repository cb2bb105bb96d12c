/**
 * Loops and lists of imports as text, cut in the middle when long: a cycle of 10,000 modules must
 * still leave room for the finding, its file and its line in every renderer (GitHub caps a check
 * run summary at 65,535 characters and an annotation message at 64 KB).
 */
const shownAtEachEnd = 5;

/** Items past this many are cut to the first and last `shownAtEachEnd`. */
const longest = 2 * shownAtEachEnd + 2;

/** `a → b → … 9,990 more … → a`: the loop is closed even when the list holds each module once. */
export function loopText(modules: readonly string[]): string {
  const first = modules[0];
  if (first === undefined) return "";
  const closed = modules.length > 1 && modules[modules.length - 1] === first;
  const open = closed ? modules.slice(0, -1) : modules;
  return [...cutMiddle(open), first].join(" → ");
}

/** The items, or the first and last few with `… N more …` between them. */
export function cutMiddle(items: readonly string[]): string[] {
  if (items.length <= longest) return [...items];
  const hidden = items.length - 2 * shownAtEachEnd;
  return [
    ...items.slice(0, shownAtEachEnd),
    `… ${hidden.toLocaleString("en-US")} more …`,
    ...items.slice(-shownAtEachEnd),
  ];
}

/** A comma-separated list, cut in the middle when long. */
export function listText(items: readonly string[]): string {
  return cutMiddle(items).join(", ");
}
