import path from "node:path";
import type { IsFile } from "./file-probe.js";
import {
  isJavaScriptPath,
  javascriptExtensions,
  typeScriptTwins,
} from "./javascript-extensions.js";
import { toRepoPath } from "./repo-path.js";

/**
 * The source file a path-like import target names, as TypeScript would find it: the file itself,
 * its `.ts` twin for a `.js` name, the name plus an extension, or the folder's index file.
 * Returns a repo path, or undefined when nothing inside the checkout matches.
 */
export function resolveSourceFile(dir: string, target: string, isFile: IsFile): string | undefined {
  for (const candidate of candidates(target)) {
    if (!isJavaScriptPath(candidate) || !isFile(candidate)) continue;
    const repoPath = toRepoPath(dir, candidate);
    if (repoPath !== undefined) return repoPath;
  }
  return undefined;
}

function candidates(target: string): string[] {
  return [
    target,
    ...typeScriptTwins(target),
    ...javascriptExtensions.map((extension) => target + extension),
    ...javascriptExtensions.map((extension) => path.join(target, `index${extension}`)),
  ];
}
