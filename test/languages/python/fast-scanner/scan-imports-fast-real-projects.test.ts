import { describe, expect, it } from "vitest";
import { mirrorPythonFiles } from "../mirror-python-files.js";
import { differential } from "./scan-differential.js";

// Real code where this machine has it (bare mirrors under /work/.mirror); skipped elsewhere, CI too.
const projects = ["pallets+flask", "saleor+saleor"].map((repo) => ({
  repo,
  files: mirrorPythonFiles(repo),
}));

describe("the fast import scanner against the parser on real projects", () => {
  for (const { repo, files } of projects) {
    it.skipIf(files === undefined)(`${repo}: identical scans or a fallback`, async () => {
      const named = (files ?? []).map((file) => ({ name: file.path, text: file.text }));
      const result = await differential(named);
      const rate = (100 * result.fallbacks.length) / result.files;
      console.log(
        `${repo}: ${result.files} files, ${result.fallbacks.length} fallbacks (${rate.toFixed(2)}%)`,
        result.fallbacks.slice(0, 20),
      );
      expect(result.mismatches.slice(0, 3)).toEqual([]);
      // Real code should almost never need the parser: more means a rule refuses valid Python.
      expect(rate).toBeLessThan(2);
    });
  }
});
