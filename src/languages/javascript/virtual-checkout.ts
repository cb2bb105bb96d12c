import path from "node:path";

/**
 * The absolute folder the checkout appears at for TypeScript's config parser, which wants
 * absolute names. Nothing is ever read from it: every name under it is looked up among the
 * commit's files in memory, and every name outside it (`/etc/...`, `../../..`) is simply absent.
 */
export const virtualRoot = "/archdrift-checkout";

/** The absolute name of a repo path under the virtual root. */
export function virtualPath(repoPath: string): string {
  return repoPath === "" ? virtualRoot : `${virtualRoot}/${repoPath}`;
}

/** The repo path of an absolute name (`""` for the root itself), undefined when it lies outside. */
export function repoPathOf(absolute: string): string | undefined {
  const relative = path.posix.relative(virtualRoot, path.posix.resolve(virtualRoot, absolute));
  if (relative === ".." || relative.startsWith("../") || path.posix.isAbsolute(relative)) {
    return undefined;
  }
  return relative;
}
