import { describe, expect, it } from "vitest";
import type { Graph } from "../../src/graph/graph.js";
import { createGraphCache } from "../../src/review/create-graph-cache.js";
import type { GraphCache } from "../../src/review/graph-cache.js";
import type { GraphCacheKey } from "../../src/review/graph-cache-key.js";
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
      const graph = await cache.get(key);
      if (graph) calls.hits++;
      else calls.misses++;
      return graph;
    },
    async set(key, graph) {
      calls.sets.push(key);
      await cache.set(key, graph);
    },
    ...(cache.scans ? { scans: cache.scans } : {}),
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
      set: async (key, graph) => {
        seen.push(graph);
        await cache.set(key, graph);
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
});
