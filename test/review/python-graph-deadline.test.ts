import { describe, expect, it } from "vitest";
import { DeadlineCheck } from "../../src/languages/python/parse-deadline.js";
import { ParseTimeoutError } from "../../src/languages/python/parse-timeout-error.js";
import { resolveImports } from "../../src/languages/python/resolve-imports.js";
import { pythonGraph } from "../../src/review/python-graph.js";
import { createPythonScans } from "../../src/review/python-scans.js";
import type { Snapshot } from "../../src/workspace/snapshot.js";

/** One import statement naming `count` modules, as the scanners give it: one raw import a name. */
function manyNames(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    kind: "import" as const,
    module: `pkg.m${i % 3}`,
    level: 0,
    names: [],
    line: 1,
    text: "import pkg.m0, …",
    edgeKind: "runtime" as const,
  }));
}

/** A commit of the given files, read from memory. */
function commitOf(files: Record<string, string>): Snapshot {
  return {
    sha: "f".repeat(40),
    files: Object.entries(files).map(([path, text], i) => ({
      path,
      sha: i.toString(16).padStart(40, "0"),
      size: text.length,
    })),
    readText: async (paths) => new Map(paths.map((path) => [path, files[path] ?? ""])),
    materialize: async () => undefined,
  };
}

/**
 * Issue 11 item 5: resolving one file's imports shares its `ARCHDRIFT_MAX_PARSE_MS` budget. Shown
 * failing before: resolution took no deadline and ran to the end of 100,000 names.
 */
describe("resolving a file's imports is under the file's deadline", () => {
  it("stops resolving once the deadline has passed", () => {
    const modules = new Set(["pkg", "pkg.m0", "pkg.m1", "pkg.m2"]);
    const passed = new DeadlineCheck({ at: performance.now() - 1, limitMs: 7 });
    expect(() =>
      resolveImports(manyNames(5_000), "pkg.s", false, modules, "pkg/s.py", passed),
    ).toThrow(ParseTimeoutError);
    const inTime = resolveImports(manyNames(5_000), "pkg.s", false, modules, "pkg/s.py");
    expect(inTime.edges.map((edge) => edge.to)).toEqual(["pkg.m0", "pkg.m1", "pkg.m2"]);
  });

  it("stops the review's graph naming the file, with no budget left after its scan", async () => {
    const names = Array.from({ length: 100_000 }, (_, i) => `pkg.m${i % 3}`).join(",");
    const commit = commitOf({
      "pkg/__init__.py": "",
      "pkg/m0.py": "",
      "pkg/m1.py": "",
      "pkg/m2.py": "",
      "pkg/s.py": `import ${names}\n`,
    });
    const paths = commit.files.map((file) => file.path);
    const graph = pythonGraph(
      commit,
      paths,
      ["."],
      createPythonScans(undefined, { maxParseMs: 0 }),
    );
    await expect(graph).rejects.toThrow(
      "`pkg/s.py` took longer than 0 ms (ARCHDRIFT_MAX_PARSE_MS)",
    );
    const unbounded = await pythonGraph(commit, paths, ["."], createPythonScans(undefined));
    expect(unbounded.edges.filter((edge) => edge.from === "pkg.s").map((edge) => edge.to)).toEqual([
      "pkg.m0",
      "pkg.m1",
      "pkg.m2",
    ]);
  });
});
