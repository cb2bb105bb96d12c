import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkoutBranch, commitFiles, initRepo } from "../src/workspace/scratch-repo.js";
import { archdrift } from "./bench-paths.js";
import type { BenchRow } from "./markdown-table.js";
import { measureInTurn, medianRatio } from "./process-runs.js";

/**
 * Goal 1: a command loads only what it uses. `--help`, and `check` of a one-line change to a
 * ten-file Python package, each against bare `node -e 0`, whole processes in turn.
 */
export async function benchStartup(runs: number): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), "archdrift-bench-startup-"));
  try {
    const files: Record<string, string> = { "pkg/__init__.py": "" };
    for (let i = 0; i < 10; i++) files[`pkg/m${i}.py`] = `import pkg.m${(i + 1) % 10}\n`;
    await initRepo(dir);
    await commitFiles(dir, files, "base");
    await checkoutBranch(dir, "pr", true);
    await commitFiles(dir, { "pkg/m0.py": "import pkg.m1\nimport os\n" }, "pr");
    const node = { argv: [process.execPath, "-e", "0"] };
    const help = { argv: archdrift(["--help"]) };
    const check = { argv: archdrift(["check", "--repo", dir, "--base", "main", "--head", "pr"]) };
    const [bare, helped, checked] = await measureInTurn([node, help, check], runs);
    const rows: BenchRow[] = [
      {
        metric: "`node -e 0`",
        value: `${bare!.wall.toFixed(3)} s, ${(bare!.maxRssBytes / 2 ** 20).toFixed(0)} MiB`,
        floor: "",
        pass: undefined,
      },
    ];
    for (const [name, figures] of [
      ["`archdrift --help`", helped!],
      ["`archdrift check`, 10-file Python package", checked!],
    ] as const) {
      const ratio = medianRatio(figures, bare!);
      rows.push({
        metric: `${name} vs \`node -e 0\``,
        value: `${figures.wall.toFixed(3)} s (${ratio.toFixed(1)}x), ${(figures.maxRssBytes / 2 ** 20).toFixed(0)} MiB`,
        floor: "< 4x",
        pass: ratio < 4,
      });
    }
    return rows;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
