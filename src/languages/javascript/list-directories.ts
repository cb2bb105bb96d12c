import fs from "node:fs";
import path from "node:path";

/** A bound on folders visited, so a pathological tree cannot stall the review. */
const maxDirectories = 20_000;
const skipped = new Set(["node_modules", ".git"]);

/**
 * Repo paths of `start` and the folders below it, down to `depth` levels, skipping node_modules
 * and hidden folders. Symlinks are not followed (lstat-based `Dirent`s).
 */
export function listDirectories(dir: string, start: string, depth: number): string[] {
  const found: string[] = [];
  const queue: [string, number][] = [[start, 0]];
  for (let index = 0; index < queue.length && found.length < maxDirectories; index++) {
    const [folder, level] = queue[index] as [string, number];
    found.push(folder);
    if (level >= depth) continue;
    for (const child of subfolders(path.join(dir, folder))) {
      queue.push([folder === "" ? child : `${folder}/${child}`, level + 1]);
    }
  }
  return found;
}

function subfolders(absolute: string): string[] {
  try {
    return fs
      .readdirSync(absolute, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !skipped.has(entry.name))
      .filter((entry) => !entry.name.startsWith("."))
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}
