import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The checkout's own `bench/` folder, found from wherever the compiled bench runs (it is built
 * outside the source tree), so the Python script and results.md are found in any clone.
 */
export function benchSourceDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "bench", "python-ast-imports.py"))) return join(dir, "bench");
    const parent = dirname(dir);
    if (parent === dir) throw new Error("cannot find bench/python-ast-imports.py above the bench");
    dir = parent;
  }
}

/** The command line that runs archdrift's CLI as a user runs it (`bin/archdrift.js`). */
export function archdrift(args: readonly string[]): string[] {
  return [process.execPath, join(dirname(benchSourceDir()), "bin", "archdrift.js"), ...args];
}

/** dependency-cruiser's own CLI, from this checkout's node_modules. */
export function dependencyCruiserCli(): string {
  const root = dirname(benchSourceDir());
  return join(root, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");
}
