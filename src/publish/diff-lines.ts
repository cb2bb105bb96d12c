/**
 * Line numbers on the head side of a file's diff that a review comment may target. GitHub answers
 * 422 for a whole review when one comment sits outside the hunks, so every comment is checked here.
 */
export function commentableLines(patch: string | undefined): Set<number> {
  const lines = new Set<number>();
  if (!patch) return lines;
  let next = 0;
  for (const line of patch.split("\n")) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (hunk) {
      next = Number(hunk[1]);
      continue;
    }
    if (next === 0 || line.startsWith("-") || line.startsWith("\\")) continue;
    lines.add(next++);
  }
  return lines;
}
