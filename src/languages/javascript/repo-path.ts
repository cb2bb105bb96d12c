import path from "node:path";

/**
 * The repository-relative path (with `/`) of an absolute path, or undefined when it lies outside the
 * checkout: a `paths` alias or an `exports` target may point anywhere, and nothing outside `dir`
 * belongs to the graph.
 */
export function toRepoPath(dir: string, absolute: string): string | undefined {
  const relative = path.relative(dir, absolute);
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join("/");
}

/** A caller-supplied relative path that cannot climb out of the checkout. */
export function isSafeRepoPath(repoPath: string): boolean {
  if (repoPath === "" || path.posix.isAbsolute(repoPath) || repoPath.includes("\\")) return false;
  return !repoPath.split("/").some((segment) => segment === ".." || segment === "");
}

/** Every ancestor directory of a repo path, nearest first, ending with the root `""`. */
export function ancestorDirectories(repoPath: string): string[] {
  const directories: string[] = [];
  let current = path.posix.dirname(repoPath);
  while (current !== "." && current !== "/") {
    directories.push(current);
    current = path.posix.dirname(current);
  }
  directories.push("");
  return directories;
}
