import { describe, expect, it } from "vitest";
import { createPythonScans } from "../../src/review/python-scans.js";
import type { Snapshot } from "../../src/workspace/snapshot.js";

const megabyte = 1024 * 1024;

/** A commit whose tree says each file is 20 MB, recording what it is asked to read at once. */
function largeCommit(count: number) {
  const files = Array.from({ length: count }, (_, i) => ({
    path: `pkg/m${i}.py`,
    sha: i.toString(16).padStart(40, "0"),
    size: 20 * megabyte,
  }));
  const requests: string[][] = [];
  const snapshot: Snapshot = {
    sha: "f".repeat(40),
    files,
    readText: async (paths) => {
      requests.push([...paths]);
      return new Map(paths.map((path) => [path, `import pkg.other  # ${path}\n`]));
    },
    materialize: async () => undefined,
  };
  return { snapshot, files, requests };
}

describe("Python scans", () => {
  it("read a large commit a few files at a time, never all of its text at once", async () => {
    const { snapshot, files, requests } = largeCommit(10);
    const paths = files.map((file) => file.path);
    const scans = await createPythonScans(undefined).scansOf(snapshot, paths);
    expect([...scans.keys()]).toEqual(paths);
    expect(scans.get("pkg/m7.py")?.imports.map((entry) => entry.module)).toEqual(["pkg.other"]);
    // 20 MB each against a 32 MB batch: one file per read, each read once.
    expect(requests).toEqual(paths.map((path) => [path]));
  });

  it("read small files together", async () => {
    const { snapshot, files, requests } = largeCommit(3);
    const small = { ...snapshot, files: files.map((file) => ({ ...file, size: 1_000 })) };
    await createPythonScans(undefined).scansOf(
      small,
      files.map((file) => file.path),
    );
    expect(requests).toHaveLength(1);
  });
});
