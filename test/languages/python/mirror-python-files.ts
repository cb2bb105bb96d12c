import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

export interface MirrorFile {
  readonly path: string;
  readonly text: string;
}

/**
 * The `.py` files at HEAD of a bare mirror under /work/.mirror, or undefined when the mirror is not
 * on this machine: tests that use it are for local checks against real code, never required in CI.
 */
export function mirrorPythonFiles(repo: string): MirrorFile[] | undefined {
  const gitDir = `/work/.mirror/${repo}/repo`;
  if (!existsSync(gitDir)) return undefined;
  const listing = git(gitDir, ["ls-tree", "-r", "HEAD"]).toString("utf8");
  const blobs = listing
    .split("\n")
    .map((line) => /^\d+ blob ([0-9a-f]+)\t(.*\.py)$/.exec(line))
    .flatMap((match) => (match?.[1] && match[2] ? [{ id: match[1], path: match[2] }] : []));
  const contents = catBlobs(
    gitDir,
    blobs.map((blob) => blob.id),
  );
  const decoder = new TextDecoder();
  return blobs.flatMap((blob) => {
    const content = contents.get(blob.id);
    return content ? [{ path: blob.path, text: decoder.decode(content) }] : [];
  });
}

function catBlobs(gitDir: string, ids: readonly string[]): Map<string, Buffer> {
  const output = git(gitDir, ["cat-file", "--batch"], `${ids.join("\n")}\n`);
  const found = new Map<string, Buffer>();
  let offset = 0;
  while (offset < output.length) {
    const headerEnd = output.indexOf(10, offset);
    if (headerEnd < 0) break;
    const header = output.subarray(offset, headerEnd).toString("utf8").split(" ");
    offset = headerEnd + 1;
    // "<id> missing" for blobs a partial clone never fetched: skip them.
    if (header[1] !== "blob") continue;
    const size = Number(header[2]);
    found.set(header[0] ?? "", output.subarray(offset, offset + size));
    offset += size + 1;
  }
  return found;
}

function git(gitDir: string, args: readonly string[], input?: string): Buffer {
  return execFileSync("git", [`--git-dir=${gitDir}`, ...args], {
    maxBuffer: 1 << 30,
    ...(input === undefined ? {} : { input }),
  });
}
