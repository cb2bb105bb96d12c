import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { cruise, type ICruiseResult } from "dependency-cruiser";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { safeGit } from "../src/workspace/safe-git.js";
import type { BenchRepo } from "./bench-repo.js";

export interface CruiseTiming {
  readonly seconds: number;
  readonly modules: number;
}

/**
 * What a user scripting drift detection by hand would run: dependency-cruiser over a checkout of
 * the base and one of the head, each in full, with its fast and complete TypeScript parser.
 */
export async function measureDependencyCruiser(repo: BenchRepo): Promise<CruiseTiming> {
  const parent = await mkdtemp(join(tmpdir(), "archdrift-bench-worktrees-"));
  const git = safeGit(repo.dir);
  try {
    const checkouts = [];
    for (const ref of [repo.base, repo.head]) {
      const dir = join(parent, ref);
      await git.raw(["worktree", "add", "--quiet", "--detach", dir, ref]);
      checkouts.push(dir);
    }
    const started = performance.now();
    let modules = 0;
    for (const dir of checkouts) modules += await cruiseCheckout(dir);
    return { seconds: (performance.now() - started) / 1000, modules };
  } finally {
    await rm(parent, { recursive: true, force: true });
    await git.raw(["worktree", "prune"]);
  }
}

async function cruiseCheckout(dir: string): Promise<number> {
  const tsConfigFile = join(dir, "tsconfig.json");
  const result = await cruise(
    ["src"],
    {
      baseDir: dir,
      tsPreCompilationDeps: true,
      tsConfig: { fileName: tsConfigFile },
      doNotFollow: { path: "node_modules" },
      cache: false,
      progress: { type: "none" },
    },
    {},
    { tsConfig: extractTSConfig(tsConfigFile) },
  );
  return (result.output as ICruiseResult).modules.length;
}
