import type { TreeEntry } from "./tree-entry.js";

/** A tree entry archdrift will not use, and why, for the report to name it. */
export interface RefusedEntry {
  readonly path: string;
  readonly reason: string;
}

/**
 * Code points HFS+ ignores when it compares names, so `.g\u200Cit` is `.git` there; git refuses
 * them in a `.git` segment for the same reason (`is_hfs_dotgit`).
 */
const hfsIgnorable = /[\u200C-\u200F\u202A-\u202E\u206A-\u206F\uFEFF]/g;

/**
 * `.git` in every spelling a file system folds to it: any case, HFS+'s ignorable code points,
 * NTFS's trailing dots and spaces, an alternate data stream (`.git::$INDEX_ALLOCATION`) and the
 * 8.3 short name `git~1`. git's own `verify_path` refuses the same names.
 */
function isDotGit(segment: string): boolean {
  const name = segment.replace(hfsIgnorable, "").toLowerCase();
  const stem = name.split(":")[0] ?? "";
  return /^(\.git|git~1)[ .]*$/.test(stem);
}

/** Most file systems cap one name at 255 bytes; a longer one could never be written. */
const maxSegmentBytes = 255;

/**
 * Anything that could make a path unsafe: a `git` in any case (`.git`, `git~1`), an HFS+ ignorable
 * code point, a backslash, a dot or an empty segment. Ordinary paths have none, and skip the exact
 * per-segment check: a commit lists tens of thousands of them and every review lists two commits.
 */
const suspicious =
  /git|[\u200C-\u200F\u202A-\u202E\u206A-\u206F\uFEFF\\]|^\.{1,2}(?:\/|$)|\/\.{0,2}(?:\/|$)|^\/|^$/i;

/** Why one path cannot be used as it stands, or `undefined` when it can. */
export function unsafePathReason(path: string): string | undefined {
  // 85 UTF-16 units are at most 255 bytes of UTF-8, so no segment of a shorter path is too long.
  if (path.length <= 85 && !suspicious.test(path)) return undefined;
  if (path.startsWith("/")) return "an absolute path";
  // On Windows a backslash separates folders, so `a\..\b` would climb out; git refuses it there.
  if (path.includes("\\")) return "a backslash in the path";
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") return "an empty or `.` segment in the path";
    if (segment === "..") return "a `..` segment, which would lead out of the repository";
    if (isDotGit(segment)) return "a `.git` segment, which belongs to git, not to the commit";
    if (Buffer.byteLength(segment) > maxSegmentBytes) return "a name longer than 255 bytes";
  }
  return undefined;
}

/**
 * Splits a commit's listing into entries that are safe to name, read and write under a folder of
 * ours, and the ones refused. A commit is untrusted data: a plain `git fetch` does not fsck, so its
 * trees can hold `..`, `.git`, the same path twice, or a file and a folder of one name.
 */
export function checkTreePaths(entries: readonly TreeEntry[]): {
  safe: TreeEntry[];
  refused: RefusedEntry[];
} {
  const refused: RefusedEntry[] = [];
  const candidates: TreeEntry[] = [];
  for (const entry of entries) {
    const reason = unsafePathReason(entry.path);
    if (reason === undefined) candidates.push(entry);
    else refused.push({ path: entry.path, reason: `refused: ${reason}` });
  }
  const clashes = clashingPaths(candidates);
  for (const [path, reason] of clashes) refused.push({ path, reason: `refused: ${reason}` });
  return { safe: candidates.filter((entry) => !clashes.has(entry.path)), refused };
}

/** One name of the listing: the names under it (none for most files), and how often it is a file. */
interface PathNode {
  children: Map<string, PathNode> | undefined;
  files: number;
}

/**
 * Paths listed twice, and files that are also a folder of other files; neither side is kept. A trie
 * of segments keeps this linear in the listing's size, however deep the paths.
 */
function clashingPaths(entries: readonly TreeEntry[]): Map<string, string> {
  const root: PathNode = { children: undefined, files: 0 };
  const leaves = entries.map(({ path }) => {
    let node = root;
    let underFile = false;
    for (const segment of path.split("/")) {
      underFile ||= node.files > 0;
      node.children ??= new Map();
      let child = node.children.get(segment);
      if (!child) node.children.set(segment, (child = { children: undefined, files: 0 }));
      node = child;
    }
    node.files++;
    return { path, node, underFile };
  });
  const clashes = new Map<string, string>();
  // Only a file that is also a folder can have files below it: most listings have none.
  const anyFileFolder = leaves.some(({ node }) => node.children !== undefined);
  for (const { path, node, underFile } of leaves) {
    if (node.files > 1) clashes.set(path, "the commit's tree lists this path more than once");
    else if (node.children)
      clashes.set(path, "a file of this name is also a folder in the commit's tree");
    else if (underFile || (anyFileFolder && hasFileAbove(root, path)))
      clashes.set(path, "one of its folders is also a file in the commit's tree");
  }
  return clashes;
}

/** Whether a folder of `path` is also listed as a file (it may come later in the listing). */
function hasFileAbove(root: PathNode, path: string): boolean {
  let node: PathNode | undefined = root;
  const segments = path.split("/");
  for (const segment of segments.slice(0, -1)) {
    node = node?.children?.get(segment);
    if (node && node.files > 0) return true;
  }
  return false;
}
