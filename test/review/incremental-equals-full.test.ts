import { describe, expect, it } from "vitest";
import { createGraphCache } from "../../src/review/create-graph-cache.js";
import { commitFiles, initRepo } from "../../src/workspace/scratch-repo.js";
import { useTempDirs } from "../workspace/temp-dir.js";
import { graphsBothWays, movedUnchangedEdges } from "./incremental-harness.js";
import { initialPythonRepo, randomPythonChange } from "./python-repo-generator.js";
import { seededRandom } from "../support/seeded-random.js";
import { initialTypeScriptRepo, randomTypeScriptChange } from "./typescript-repo-generator.js";

const tempDir = useTempDirs();

describe("the incremental head graph", () => {
  it("equals a full extraction of the head after every random Python change", async () => {
    const dir = await tempDir();
    const cache = createGraphCache({ dir: await tempDir() });
    const random = seededRandom(20_240_611);
    const repo = initialPythonRepo(random);
    await initRepo(dir);
    let previous = await commitFiles(dir, Object.fromEntries(repo), "initial");
    const seen = { moved: 0, syntaxErrors: 0, climbs: 0, edges: 0 };
    for (let step = 0; step < 36; step++) {
      const changes = randomPythonChange(random, repo);
      const sha = await commitFiles(dir, changes, `step ${step}`);
      // Cold base (scans cached), warm base, and no cache at all.
      const { full, incremental } = await graphsBothWays(dir, previous, sha, [
        cache,
        cache,
        undefined,
      ]);
      for (const [round, graphs] of incremental.entries()) {
        const where = `step ${step}, round ${round}: ${Object.keys(changes).join(", ")}`;
        expect(graphs.base, where).toEqual(full.base);
        expect(graphs.head, where).toEqual(full.head);
        expect(JSON.stringify(graphs.head), where).toBe(JSON.stringify(full.head));
      }
      seen.moved += movedUnchangedEdges(full.base, full.head, new Set(Object.keys(changes)));
      seen.syntaxErrors += full.head.warnings.filter((w) => /syntax/i.test(w.message)).length;
      seen.climbs += full.head.warnings.filter((w) => w.message.includes("climbs")).length;
      seen.edges += full.head.edges.length;
      previous = sha;
    }
    // The generator reaches the cases that make incremental work hard.
    expect(seen.moved).toBeGreaterThan(0);
    expect(seen.syntaxErrors).toBeGreaterThan(0);
    expect(seen.climbs).toBeGreaterThan(0);
    expect(seen.edges).toBeGreaterThan(36 * 10);
    await cache.close();
  });

  it("equals a full extraction of the head after every random TypeScript change", async () => {
    const dir = await tempDir();
    const cache = createGraphCache({ dir: await tempDir() });
    const random = seededRandom(7);
    const repo = initialTypeScriptRepo(random);
    await initRepo(dir);
    let previous = await commitFiles(dir, Object.fromEntries(repo), "initial");
    let moved = 0;
    let unresolved = 0;
    for (let step = 0; step < 24; step++) {
      const changes = randomTypeScriptChange(random, repo);
      const sha = await commitFiles(dir, changes, `step ${step}`);
      const { full, incremental } = await graphsBothWays(dir, previous, sha, [cache, cache]);
      for (const [round, graphs] of incremental.entries()) {
        const where = `step ${step}, round ${round}: ${Object.keys(changes).join(", ")}`;
        expect(graphs.base, where).toEqual(full.base);
        expect(graphs.head, where).toEqual(full.head);
        expect(JSON.stringify(graphs.head), where).toBe(JSON.stringify(full.head));
      }
      moved += movedUnchangedEdges(full.base, full.head, new Set(Object.keys(changes)));
      unresolved += full.head.warnings.filter((w) => w.message.startsWith("cannot")).length;
      previous = sha;
    }
    expect(moved).toBeGreaterThan(0);
    expect(unresolved).toBeGreaterThan(0);
    await cache.close();
    // 72 extractions: about 20 s on a loaded machine.
  }, 240_000);
});
