import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleBase, samplePullRequest } from "../../src/demo/sample-shop.js";
import { useAppHarness } from "../github/app-harness.js";

/**
 * The mirrors live on a tmpfs of this test's own. 1 MiB holds an empty mirror and the base's few
 * KB but not a head carrying 4 MiB of random bytes, which no compression shrinks; 8 KiB holds
 * `HEAD` but not the rest of `git init --bare`. 32 MiB holds the pack several times over.
 */
const smallDisk = "1m";
const tinyDisk = "8k";
const grownDisk = "32m";
const noiseBytes = 4 * 1024 * 1024;

const disk = join(tmpdir(), `archdrift-disk-full-${process.pid}-${randomBytes(4).toString("hex")}`);
const tinyDiskDir = `${disk}-tiny`;
const cannotMount = probeMount();

/**
 * Mounting needs root (or CAP_SYS_ADMIN); without it this file is skipped, with the reason. The
 * probe unmounts at once: a run that filters this test out must leave no mount behind.
 */
function probeMount(): string | undefined {
  const probe = mkdtempSync(join(tmpdir(), "archdrift-mount-probe-"));
  try {
    mountTmpfs(probe, smallDisk);
    execFileSync("umount", [probe]);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.split("\n")[0] : String(error);
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

function mountTmpfs(dir: string, size: string): void {
  execFileSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir], { stdio: "pipe" });
}

/** Git's litter from a write cut short: half packs, half objects, locks it never released. */
async function leftovers(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /^tmp_|\.lock$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe.skipIf(cannotMount !== undefined)(
  `a full disk${cannotMount ? ` (skipped: cannot mount a tmpfs here: ${cannotMount})` : ""}`,
  () => {
    // os.tmpdir() follows TMPDIR: a private one shows what the review leaves behind there.
    const originalTmp = process.env["TMPDIR"];
    let privateTmp = "";
    beforeAll(() => {
      mkdirSync(disk);
      mountTmpfs(disk, smallDisk);
      privateTmp = mkdtempSync(join(tmpdir(), "archdrift-disk-full-tmp-"));
      process.env["TMPDIR"] = privateTmp;
    });
    afterAll(() => {
      if (originalTmp === undefined) delete process.env["TMPDIR"];
      else process.env["TMPDIR"] = originalTmp;
      rmSync(privateTmp, { recursive: true, force: true });
      execFileSync("umount", [disk]);
      rmSync(disk, { recursive: true, force: true });
    });

    const harness = useAppHarness({ mirrorsDir: disk });

    async function openPullRequest(number: number) {
      const baseSha = await harness.commit(sampleBase, "base");
      await mkdir(join(harness.served.workDir, "assets"), { recursive: true });
      await writeFile(join(harness.served.workDir, "assets/noise.bin"), randomBytes(noiseBytes));
      const headSha = await harness.commit(samplePullRequest, "change, with a large binary");
      await harness.publish({ "refs/heads/main": baseSha, [`refs/pull/${number}/head`]: headSha });
      await harness.pullRequestEvent("opened", { number, baseSha, headSha });
      await harness.settled();
      return headSha;
    }

    async function rerun(headSha: string) {
      const payload = harness.withInstallation({
        ...harness.exampleWith("check_run", "rerequested"),
        check_run: {
          ...harness.exampleCheckRun(),
          name: "archdrift",
          head_sha: headSha,
          pull_requests: [],
        },
      });
      expect((await harness.send("check_run", payload)).status).toBe(200);
      await harness.settled();
    }

    it("says the disk is full, leaves nothing behind, and reviews on a re-run once there is room", async () => {
      const tmpBefore = await readdir(privateTmp);
      const headSha = await openPullRequest(31);

      const [run] = harness.github.runsFor(headSha);
      expect(run?.statuses).toEqual(["queued", "in_progress", "completed"]);
      expect(run?.conclusion).toBe("failure");
      expect(run?.output?.title).toBe("archdrift's disk is full");
      expect(run?.output?.summary).toMatch(/ran out of disk space/);
      expect(run?.output?.summary).toMatch(/not the pull request's fault/);
      expect(run?.output?.summary).toContain("ARCHDRIFT_DATA_DIR");
      expect(run?.output?.summary).toMatch(/re-run this check from the Checks tab/i);
      expect(run?.output?.summary).toMatch(/No space left on device/);
      expect(run?.output?.summary).not.toContain(harness.token);
      expect(harness.github.reviews).toEqual([]);
      expect(harness.github.comments).toEqual([]);
      expect(await leftovers(disk)).toEqual([]);
      expect(await readdir(privateTmp)).toEqual(tmpBefore);

      execFileSync("mount", ["-o", `remount,size=${grownDisk}`, disk]);
      await rerun(headSha);

      const [, again, ...more] = harness.github.runsFor(headSha);
      expect(more).toEqual([]);
      expect(again?.status).toBe("completed");
      expect(again?.conclusion).toBe("failure");
      expect(again?.output?.title).toMatch(/architecture drift/);
      expect(again?.output?.summary).toContain("new-cycle");
      const places = harness.github.comments.map((comment) => `${comment.path}:${comment.line}`);
      expect(places.sort()).toEqual([
        "src/shop/orders/models.py:1",
        "src/shop/orders/services.py:3",
        "src/shop/orders/services.py:4",
      ]);
      expect(harness.github.reviews).toHaveLength(1);
      expect(await leftovers(disk)).toEqual([]);
      expect(await readdir(privateTmp)).toEqual(tmpBefore);
    });
  },
);

describe.skipIf(cannotMount !== undefined)("a disk too full to create the mirror", () => {
  beforeAll(() => {
    mkdirSync(tinyDiskDir);
    mountTmpfs(tinyDiskDir, tinyDisk);
  });
  afterAll(() => {
    execFileSync("umount", [tinyDiskDir]);
    rmSync(tinyDiskDir, { recursive: true, force: true });
  });

  const harness = useAppHarness({ mirrorsDir: tinyDiskDir });

  it("leaves no half-made mirror that a later review would take for a finished one", async () => {
    const baseSha = await harness.commit(sampleBase, "base");
    const headSha = await harness.commit(samplePullRequest, "change");
    await harness.publish({ "refs/heads/main": baseSha, "refs/pull/32/head": headSha });
    const pull = { number: 32, baseSha, headSha };
    await harness.pullRequestEvent("opened", pull);
    await harness.settled();
    expect(harness.github.runsFor(headSha)[0]?.output?.title).toBe("archdrift's disk is full");
    expect(await readdir(tinyDiskDir)).toEqual([]);

    execFileSync("mount", ["-o", `remount,size=${grownDisk}`, tinyDiskDir]);
    await harness.pullRequestEvent("synchronize", pull);
    await harness.settled();
    const [, again] = harness.github.runsFor(headSha);
    expect(again?.output?.title).toMatch(/architecture drift/);
    expect(harness.github.reviews).toHaveLength(1);
  });
});
