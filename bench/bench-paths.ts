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
