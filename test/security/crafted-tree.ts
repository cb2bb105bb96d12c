import { spawnSync } from "node:child_process";

/** A tree as git stores it: entries in order, names unchecked, so the same name may come twice. */
export type CraftedTree = ReadonlyArray<readonly [name: string, content: string | CraftedTree]>;

function git(dir: string, args: readonly string[], input?: string): string {
  const result = spawnSync("git", args, { cwd: dir, input, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
  return result.stdout.trim();
}

/**
 * Writes a tree with `git mktree`, which (like a plain `git fetch`) does not check names: the way a
 * hostile commit gets `..`, `.git` or a duplicate entry into a repository archdrift reviews.
 */
export function mktree(dir: string, tree: CraftedTree): string {
  const lines = tree.map(([name, content]) => entryLine(dir, name, content));
  return git(dir, ["mktree", "--missing"], lines.map((line) => `${line}\n`).join(""));
}

function entryLine(dir: string, name: string, content: string | CraftedTree): string {
  return typeof content === "string"
    ? `100644 blob ${git(dir, ["hash-object", "-w", "--stdin"], content)}\t${name}`
    : `040000 tree ${mktree(dir, content)}\t${name}`;
}

/** A commit on `parent` whose root tree is the parent's plus `extra` entries, made with plumbing. */
export function commitCraftedTree(dir: string, parent: string, extra: CraftedTree): string {
  const listed = git(dir, ["ls-tree", "-z", parent])
    .split("\0")
    .filter((line) => line.length > 0);
  const extraLines = extra.map(([name, content]) => entryLine(dir, name, content));
  const root = git(dir, ["mktree", "--missing"], [...listed, ...extraLines].join("\n") + "\n");
  return git(dir, [
    "-c",
    "user.name=archdrift",
    "-c",
    "user.email=archdrift@example.invalid",
    "commit-tree",
    root,
    "-p",
    parent,
    "-m",
    "crafted tree",
  ]);
}
