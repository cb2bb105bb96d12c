import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkoutBranch, commitFiles, initRepo } from "../../src/workspace/scratch-repo.js";
import { runCli } from "../cli/run-cli.js";
import { useTempDirs } from "../workspace/temp-dir.js";
import {
  benignBase,
  carelessGit,
  commitGitlink,
  cycleChange,
  hostileGitHome,
  javascriptTrapLabels,
  npmScripts,
  runCarelessly,
  submoduleSource,
  trappedTree,
  withHome,
} from "./hostile-repo.js";
import { trapMarker } from "./trap-marker.js";

const tempDir = useTempDirs();

/**
 * `archdrift check` on a local clone whose pull request plants traps in the tree. The clone's own
 * `.git/config` and hooks belong to the user running the CLI, so the traps here are files in the
 * reviewed commits, plus drivers a host's global git config defines (git-lfs installs `filter.lfs`).
 *
 * How this was shown to fail without the protections (each change made on a scratch copy of the
 * repository, never here): reading the snapshot from a `git checkout` instead of blobs by SHA set
 * off the filter, LFS and global-hook traps; passing the checkout's `webpack.config.js`,
 * `babel.config.js` and `.dependency-cruiser.cjs` to dependency-cruiser's config loaders set off
 * the JavaScript traps; running `npm run prepare` in the materialised folder set off `npm-prepare`.
 */
describe("archdrift check never runs the code under review", () => {
  it("reviews a pull request full of traps without setting one off", async () => {
    const scratch = await tempDir();
    const marker = trapMarker(scratch);
    const home = await hostileGitHome(scratch, marker);
    const submodule = join(scratch, "sub");
    const submoduleSha = await submoduleSource(submodule, marker);
    const dir = join(scratch, "repo");
    await initRepo(dir);
    await commitFiles(dir, benignBase, "base");
    await checkoutBranch(dir, "pr", true);
    await commitFiles(dir, { ...trappedTree(marker, submodule), ...cycleChange }, "traps");
    await commitGitlink(dir, "vendor/sub", submoduleSha, "submodule");
    expect(await marker.fired()).toEqual([]);

    await armedControls(scratch, dir, home, marker);

    const runs = await withHome(home, async () => ({
      text: await runCli(["check", "--base", "main", "--head", "pr", "--repo", dir], scratch),
      json: await runCli(["check", "--base", "main", "--head", "pr", "--format", "json"], dir),
      sarif: await runCli(["check", "--base", "main", "--head", "pr", "--format", "sarif"], dir),
      audit: await runCli(["audit", "--head", "pr", "--format", "markdown"], dir),
    }));

    expect(await marker.fired()).toEqual([]);
    // The review still happened: the trapped files did not derail it.
    expect(runs.text.code).toBe(1);
    expect(runs.text.stdout).toContain("shop.orders.models → shop.orders.services");
    const report = JSON.parse(runs.json.stdout) as { findings: { rule: string }[] };
    expect(report.findings.map((finding) => finding.rule)).toContain("new-cycle");
    expect(runs.sarif.code).toBe(1);
    // Nothing behind the gitlink was read: the submodule's module is not in the graph.
    const graph = await withHome(home, () =>
      runCli(["graph", "--ref", "pr", "--format", "json"], dir),
    );
    expect(graph.stdout).not.toContain("leaked_from_submodule");
    expect(graph.stdout).toContain("src/web/index.ts");
    expect(await marker.fired()).toEqual([]);
  });
});

/**
 * Sets off every trap on purpose, the way a careless tool would, so the test above cannot pass just
 * because a trap was broken: each must be live. Then clears the marker.
 */
async function armedControls(
  scratch: string,
  dir: string,
  home: string,
  marker: ReturnType<typeof trapMarker>,
): Promise<void> {
  const clone = join(scratch, "careless-clone");
  const cloned = carelessGit(
    ["clone", "--quiet", "--recurse-submodules", "--branch", "pr", dir, clone],
    { cwd: scratch, home },
  );
  expect(cloned.stderr).not.toMatch(/fatal/);
  for (const file of [
    ".dependency-cruiser.js",
    ".dependency-cruiser.cjs",
    ".dependency-cruiser.mjs",
    "tools/evil-extends.cjs",
    "webpack.config.js",
    "webpack.config.cjs",
    "babel.config.js",
    ".babelrc.js",
    "src/web/side-effect.cjs",
  ])
    runCarelessly("node", [file], clone);
  const scripts = (
    JSON.parse(await readText(join(clone, "package.json"))) as {
      scripts: Record<string, string>;
    }
  ).scripts;
  for (const name of npmScripts) runCarelessly("sh", ["-c", scripts[name] ?? "false"], clone);
  await writeFile(join(clone, "src/web/util.ts"), "export const util = 2;\n");
  carelessGit(["diff", "--", "src/web/util.ts"], { cwd: clone, home });
  const fired = new Set(await marker.fired());
  const expected = [
    "filter-evil-smudge",
    "filter-lfs-smudge",
    "global-hook-post-checkout",
    "global-hook-reference-transaction",
    "diff-evil-command",
    ...javascriptTrapLabels,
    ...npmScripts.map((name) => `npm-${name}`),
  ];
  expect(expected.filter((label) => !fired.has(label))).toEqual([]);
  // The submodule was cloned and checked out too, with the filter its own attributes name.
  expect(await readText(join(clone, "vendor/sub/leaked_from_submodule.py"))).toContain("import");
  await marker.reset();
}

async function readText(path: string): Promise<string> {
  const { readFile } = await import("node:fs/promises");
  return readFile(path, "utf8");
}
