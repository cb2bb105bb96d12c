/**
 * Whether a repo folder matches a workspace glob (`packages/*`, `apps/**`, `libs/*-ui`). The globs
 * come from the pull request, so this is not a regular expression, which a pattern such as
 * `*a*a*a*a*b` could make backtrack for minutes: segments are matched by dynamic programming over
 * the path's segments, and each segment by a star matcher that never revisits more than the
 * product of the two lengths.
 */
export function matchesWorkspaceGlob(pattern: string, folder: string): boolean {
  const globs = pattern.split("/").filter((segment) => segment !== "" && segment !== ".");
  const names = folder === "" ? [] : folder.split("/");
  // reachable[j]: the globs so far match the first j names.
  let reachable = names.map(() => false).concat(false);
  reachable[0] = true;
  for (const glob of globs) {
    const next = reachable.map(() => false);
    if (glob === "**") {
      let any = false;
      for (let j = 0; j < reachable.length; j++) next[j] = any = any || (reachable[j] ?? false);
    } else {
      for (let j = 0; j < names.length; j++) {
        if (reachable[j] && matchesSegment(glob, names[j] ?? "")) next[j + 1] = true;
      }
    }
    reachable = next;
  }
  return reachable[names.length] ?? false;
}

/** `*` and `?` within one path segment; a name starting with `.` is matched only by a literal dot. */
function matchesSegment(glob: string, name: string): boolean {
  if (name.startsWith(".") && !glob.startsWith(".")) return false;
  let g = 0;
  let n = 0;
  let star = -1;
  let resume = 0;
  while (n < name.length) {
    const wanted = glob[g];
    if (wanted !== undefined && wanted !== "*" && (wanted === "?" || wanted === name[n])) {
      g++;
      n++;
    } else if (wanted === "*") {
      star = g++;
      resume = n;
    } else if (star >= 0) {
      g = star + 1;
      n = ++resume;
    } else {
      return false;
    }
  }
  while (glob[g] === "*") g++;
  return g === glob.length;
}
