import { createHash } from "node:crypto";
import { copyFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Graph } from "../../src/graph/graph.js";
import { createGraphCache } from "../../src/review/create-graph-cache.js";
import type { GraphCache } from "../../src/review/graph-cache.js";
import { graphCacheName, type GraphCacheKey } from "../../src/review/graph-cache-key.js";
import { reviewChanges } from "../../src/review/review-changes.js";
import { checkoutBranch, commitFiles, initRepo } from "../../src/workspace/scratch-repo.js";
import { useTempDirs } from "../workspace/temp-dir.js";

const tempDir = useTempDirs();

async function shopWithCycle(): Promise<string> {
  const dir = await tempDir();
  await initRepo(dir);
  await commitFiles(
    dir,
    {
      "src/shop/__init__.py": "",
      "src/shop/orders/__init__.py": "",
      "src/shop/orders/api.py": "from shop.payments import api\n",
      "src/shop/payments/__init__.py": "",
      "src/shop/payments/api.py": "X = 1\n",
      "web/src/a.ts": 'import { b } from "./b";\nexport const a = b;\n',
      "web/src/b.ts": "export const b = 1;\n",
    },
    "base",
  );
  await checkoutBranch(dir, "pr", true);
  await commitFiles(
    dir,
    {
      "src/shop/payments/api.py": "from shop.orders import api\n",
      "web/src/b.ts": 'import { a } from "./a";\nexport const b = a;\n',
    },
    "close two cycles",
  );
  return dir;
}

/** Counts what the review asks of the cache. */
function spying(cache: GraphCache) {
  const calls = { hits: 0, misses: 0, sets: [] as GraphCacheKey[] };
  const spy: GraphCache = {
    async get(key) {
      const base = await cache.get(key);
      if (base) calls.hits++;
      else calls.misses++;
      return base;
    },
    async set(key, base) {
      calls.sets.push(key);
      await cache.set(key, base);
    },
  };
  return { spy, calls };
}

const withoutTiming = (report: Awaited<ReturnType<typeof reviewChanges>>) => ({
  ...report,
  stats: { ...report.stats, durationMs: 0 },
});

describe("reviewing with a graph cache", () => {
  it("reuses the base graph and reports exactly what an uncached review reports", async () => {
    const dir = await shopWithCycle();
    const { spy, calls } = spying(createGraphCache({ dir: await tempDir() }));
    const request = { repoDir: dir, base: "main", head: "pr", repoId: "acme/shop" };
    const uncached = await reviewChanges(request);
    const cold = await reviewChanges({ ...request, cache: spy });
    const warm = await reviewChanges({ ...request, cache: spy });
    expect(calls).toMatchObject({ hits: 1, misses: 1 });
    expect(calls.sets).toHaveLength(1);
    expect(calls.sets[0]).toMatchObject({ repo: "acme/shop" });
    expect(uncached.findings.map((finding) => finding.rule)).toContain("new-cycle");
    expect(withoutTiming(cold)).toEqual(withoutTiming(uncached));
    expect(withoutTiming(warm)).toEqual(withoutTiming(uncached));
  });

  it("still reviews when the cache itself fails", async () => {
    const dir = await shopWithCycle();
    const broken: GraphCache = {
      get: () => Promise.reject(new Error("cache down")),
      set: () => Promise.reject(new Error("cache down")),
    };
    const report = await reviewChanges({ repoDir: dir, base: "main", head: "pr", cache: broken });
    expect(report.findings.map((finding) => finding.rule)).toContain("new-cycle");
  });

  it("does not serve a graph built under other excludes", async () => {
    const dir = await shopWithCycle();
    const cache = createGraphCache({ dir: await tempDir() });
    const seen: Graph[] = [];
    const recording: GraphCache = {
      get: (key) => cache.get(key),
      set: async (key, base) => {
        seen.push(base.graph);
        await cache.set(key, base);
      },
    };
    const request = { repoDir: dir, base: "main", head: "pr", cache: recording };
    await reviewChanges(request);
    await reviewChanges({
      ...request,
      config: { file: "archdrift.yml", text: 'exclude: ["web/**"]\n' },
    });
    expect(seen).toHaveLength(2);
    expect(seen[1]!.modules.some((module) => module.path.startsWith("web/"))).toBe(false);
  });

  /**
   * Shown failing before entries named their key: with the packs of two bases swapped on disk, the
   * review of the first base took the second's graph (which already had the cycle) and reported
   * nothing (issue 11 item 4).
   */
  it("does not take a pack moved from another base's place", async () => {
    const dir = await shopWithCycle();
    await checkoutBranch(dir, "fix", true);
    await commitFiles(dir, { "src/shop/payments/api.py": "X = 2\n" }, "break the cycle again");
    const cacheDir = await tempDir();
    const { spy, calls } = spying(createGraphCache({ dir: cacheDir, inMemory: false }));
    const first = { repoDir: dir, base: "main", head: "pr", repoId: "acme/shop" };
    const uncached = await reviewChanges(first);
    await reviewChanges({ ...first, cache: spy });
    await reviewChanges({ ...first, base: "pr", head: "fix", cache: spy });
    const [mainPack, prPack] = calls.sets.map((key) => entryFile(cacheDir, graphCacheName(key)));
    await copyFile(prPack!, mainPack!);
    const again = await reviewChanges({
      ...first,
      cache: createGraphCache({ dir: cacheDir, inMemory: false }),
    });
    expect(uncached.findings.map((finding) => finding.rule)).toContain("new-cycle");
    expect(withoutTiming(again)).toEqual(withoutTiming(uncached));
  });
});

/** Where the disk store keeps an entry: the SHA-256 of its name, split after two hex digits. */
function entryFile(dir: string, name: string): string {
  const hash = createHash("sha256").update(name).digest("hex");
  return join(dir, hash.slice(0, 2), hash.slice(2));
}
