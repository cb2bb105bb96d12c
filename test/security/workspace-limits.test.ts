import { describe, expect, it } from "vitest";
import { LimitExceededError } from "../../src/workspace/limit-exceeded-error.js";
import { commitFiles, initRepo } from "../../src/workspace/scratch-repo.js";
import { openSnapshot } from "../../src/workspace/snapshot.js";
import {
  defaultWorkspaceLimits,
  workspaceLimitsFromEnv,
} from "../../src/workspace/workspace-limits.js";
import { useTempDirs } from "../workspace/temp-dir.js";

const tempDir = useTempDirs();

async function repoWith(files: Record<string, string>): Promise<{ dir: string; sha: string }> {
  const dir = await tempDir();
  await initRepo(dir);
  return { dir, sha: await commitFiles(dir, files, "files") };
}

const limits = { maxFiles: 5, maxFileBytes: 100, maxTotalBytes: 250, maxFetchBytes: 1_000_000 };

/**
 * Bounds on what a snapshot agrees to read. Shown to fail without them by calling `openSnapshot`
 * with the limits argument ignored (the pre-limits code): nothing was skipped and nothing thrown.
 */
describe("workspace limits", () => {
  it("skips a file above maxFileBytes and says why, without reading it", async () => {
    const { dir, sha } = await repoWith({ "small.py": "x = 1\n", "big.py": "#".repeat(101) });
    const snapshot = await openSnapshot(dir, sha, limits);
    expect(snapshot.files.map((entry) => entry.path)).toEqual(["small.py"]);
    expect(snapshot.skipped).toEqual([
      { path: "big.py", reason: expect.stringMatching(/101 bytes.*100 bytes.*MAX_FILE_BYTES/) },
    ]);
    expect(await snapshot.readText(["big.py", "small.py"])).toEqual(
      new Map([["small.py", "x = 1\n"]]),
    );
  });

  it("refuses a commit with more files than maxFiles", async () => {
    const files = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`f${i}.py`, ""]));
    const { dir, sha } = await repoWith(files);
    const error = await openSnapshot(dir, sha, limits).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LimitExceededError);
    expect(error).toMatchObject({ limit: "maxFiles", actual: 6, max: 5, subject: sha });
    expect((error as Error).message).toBe(
      `commit ${sha.slice(0, 12)} has 6 files; archdrift reviews at most 5 (ARCHDRIFT_MAX_FILES)`,
    );
  });

  it("refuses a commit whose readable files add up to more than maxTotalBytes", async () => {
    const { dir, sha } = await repoWith({
      "a.py": "a".repeat(100),
      "b.py": "b".repeat(100),
      "c.py": "c".repeat(51),
      // Skipped files do not count: they are never read.
      "huge.bin": "h".repeat(10_000),
    });
    const error = await openSnapshot(dir, sha, limits).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ limit: "maxTotalBytes", actual: 251, max: 250 });
    expect((error as Error).message).toMatch(
      /holds 251 bytes of files; .* at most 250 \(ARCHDRIFT_MAX_TOTAL_BYTES\)/,
    );
  });

  it("stays out of the way at the limits themselves and with the defaults", async () => {
    const { dir, sha } = await repoWith({ "a.py": "a".repeat(100), "b.py": "b".repeat(100) });
    expect((await openSnapshot(dir, sha, { ...limits, maxTotalBytes: 200 })).files).toHaveLength(2);
    const snapshot = await openSnapshot(dir, sha);
    expect(snapshot.skipped).toEqual([]);
    expect(defaultWorkspaceLimits).toEqual({
      maxFiles: 100_000,
      maxFileBytes: 1024 * 1024,
      maxTotalBytes: 500 * 1024 * 1024,
      maxFetchBytes: 2 * 1024 * 1024 * 1024,
    });
  });

  it("writes large numbers for people to read", () => {
    const error = new LimitExceededError("maxFiles", 250_000, 100_000, "a".repeat(40));
    expect(error.message).toBe(
      "commit aaaaaaaaaaaa has 250,000 files; archdrift reviews at most 100,000 (ARCHDRIFT_MAX_FILES)",
    );
  });

  it("reads limits from the environment and refuses a typo rather than lifting a bound", () => {
    expect(workspaceLimitsFromEnv({})).toEqual(defaultWorkspaceLimits);
    expect(
      workspaceLimitsFromEnv({ ARCHDRIFT_MAX_FILES: "200_000", ARCHDRIFT_MAX_FILE_BYTES: "2048" }),
    ).toEqual({ ...defaultWorkspaceLimits, maxFiles: 200_000, maxFileBytes: 2048 });
    for (const bad of ["-1", "0", "1e9", "lots", "1.5"])
      expect(() => workspaceLimitsFromEnv({ ARCHDRIFT_MAX_TOTAL_BYTES: bad })).toThrow(
        /ARCHDRIFT_MAX_TOTAL_BYTES must be a positive whole number/,
      );
  });
});
