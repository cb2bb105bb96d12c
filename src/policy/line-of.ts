import type { PolicySource } from "./policy.js";

/**
 * The config line for a key path such as `domains.orders.path.1`, falling back to the nearest
 * recorded parent (a string `path` has no `.0` entry) and to line 1 when nothing is recorded,
 * e.g. for the defaults.
 */
export function lineOf(source: PolicySource, keyPath: string): number {
  let path = keyPath;
  for (;;) {
    const line = source.lines[path];
    if (line !== undefined) return line;
    const dot = path.lastIndexOf(".");
    if (dot < 0) return 1;
    path = path.slice(0, dot);
  }
}
