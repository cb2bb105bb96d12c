import path from "node:path";

/**
 * `relative` taken from the repo folder `folder` (`""` for the root), normalised; undefined when it
 * climbs above the root of the repository.
 */
export function joinRepoPath(folder: string, relative: string): string | undefined {
  const joined = path.posix.normalize(folder === "" ? relative : `${folder}/${relative}`);
  if (joined === ".." || joined.startsWith("../") || path.posix.isAbsolute(joined)) {
    return undefined;
  }
  return joined === "." ? "" : joined.replace(/\/+$/, "");
}

/** The folder holding a repo path (`""` for a file at the root). */
export function folderOf(repoPath: string): string {
  const slash = repoPath.lastIndexOf("/");
  return slash < 0 ? "" : repoPath.slice(0, slash);
}

/** Every ancestor directory of a repo path, nearest first, ending with the root `""`. */
export function ancestorDirectories(repoPath: string): string[] {
  const directories: string[] = [];
  let current = folderOf(repoPath);
  while (current !== "") {
    directories.push(current);
    current = folderOf(current);
  }
  directories.push("");
  return directories;
}

/** Whether `repoPath` is `folder` itself or lies below it (`""` holds everything). */
export function isWithinFolder(repoPath: string, folder: string): boolean {
  return folder === "" || repoPath === folder || repoPath.startsWith(`${folder}/`);
}
