import { describe, expect, it } from "vitest";
import { renamedPaths } from "../../src/workspace/renamed-paths.js";
import { safeGit } from "../../src/workspace/safe-git.js";
import { commitFiles, initRepo } from "../../src/workspace/scratch-repo.js";
import { useTempDirs } from "./temp-dir.js";

const tempDir = useTempDirs();

const text = (name: string) =>
  Array.from({ length: 10 }, (_, index) => `${name}_${index} = ${index}\n`).join("");

describe("renamedPaths", () => {
  it("lists files git sees moved, edited a little or not, and nothing else", async () => {
    const dir = await tempDir();
    await initRepo(dir);
    const base = await commitFiles(
      dir,
      { "pkg/a.py": text("a"), "pkg/b c.py": text("b"), "pkg/gone.py": text("g"), "keep.py": "" },
      "base",
    );
    const git = safeGit(dir);
    await git.raw(["mv", "pkg", "new pkg"]);
    const head = await commitFiles(
      dir,
      { "new pkg/a.py": `import os\n${text("a")}`, "new pkg/gone.py": null, "fresh.py": text("f") },
      "move",
    );
    const renames = await renamedPaths(dir, base, head);
    expect(renames.sort((x, y) => x.from.localeCompare(y.from))).toEqual([
      { from: "pkg/a.py", to: "new pkg/a.py" },
      { from: "pkg/b c.py", to: "new pkg/b c.py" },
    ]);
  });
});
