/**
 * A repository-relative path in one spelling: `/` separators, no `./`, no trailing `/`, `""` for
 * the repository root. Undefined for paths that leave the repository (absolute, or `..` above the
 * root), which a config must not name and metadata must not smuggle in.
 */
export function normalizeRepoPath(path: string, base = ""): string | undefined {
  const slashed = path.trim().replace(/\\/g, "/");
  if (slashed.startsWith("/") || /^[A-Za-z]:\//.test(slashed)) return undefined;
  const parts: string[] = base === "" ? [] : base.split("/");
  for (const part of slashed.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.length === 0) return undefined;
      parts.pop();
      continue;
    }
    parts.push(part);
  }
  return parts.join("/");
}

/** The folder part of a repository-relative path; `""` for top-level files. */
export function dirnameOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}

/** True when `path` is `folder` itself or lies below it; every path lies below the root `""`. */
export function isWithin(path: string, folder: string): boolean {
  return folder === "" || path === folder || path.startsWith(`${folder}/`);
}

/** `path` relative to `folder`, assuming `isWithin(path, folder)`. */
export function relativeTo(path: string, folder: string): string {
  if (folder === "") return path;
  return path === folder ? "" : path.slice(folder.length + 1);
}
