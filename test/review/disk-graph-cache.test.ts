import { mkdir, readdir, rm, stat, writeFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createGraphCache } from "../../src/review/create-graph-cache.js";
import { useTempDirs } from "../workspace/temp-dir.js";
import { keyFor, sampleGraph } from "./graph-fixtures.js";

const tempDir = useTempDirs();

/** Every entry file of a cache folder (two-level layout, hashed names). */
async function entryFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const shard of await readdir(dir)) {
    for (const name of await readdir(join(dir, shard))) files.push(join(dir, shard, name));
  }
  return files;
}

async function sizeOfOneEntry(): Promise<number> {
  const dir = await tempDir();
  await createGraphCache({ dir, inMemory: false }).set(keyFor("probe"), sampleGraph("a"));
  return (await stat((await entryFiles(dir))[0]!)).size;
}

describe("the disk graph cache", () => {
  it("returns what was stored, also to a new instance after a restart", async () => {
    const dir = join(await tempDir(), "not", "yet", "there");
    await createGraphCache({ dir, inMemory: false }).set(keyFor("c1"), sampleGraph("a"));
    const restarted = createGraphCache({ dir, inMemory: false });
    expect(await restarted.get(keyFor("c1"))).toEqual(sampleGraph("a"));
  });

  it("misses for any other repository, commit, analyser or extraction settings", async () => {
    const cache = createGraphCache({ dir: await tempDir(), inMemory: false });
    await cache.set(keyFor("c1"), sampleGraph("a"));
    expect(await cache.get(keyFor("c2"))).toBeUndefined();
    expect(await cache.get(keyFor("c1", { repo: "acme/other" }))).toBeUndefined();
    expect(await cache.get(keyFor("c1", { analyser: "0.1.0+x2" }))).toBeUndefined();
    expect(await cache.get(keyFor("c1", { extraction: "e2" }))).toBeUndefined();
  });

  it("treats a corrupt, truncated or unreadable entry as a miss", async () => {
    const dir = await tempDir();
    const cache = createGraphCache({ dir, inMemory: false });
    for (const commit of ["garbage", "truncated", "not-a-graph", "folder"]) {
      await cache.set(keyFor(commit), sampleGraph("a"));
    }
    // Names are hashed, so which key gets which damage does not matter: all four must miss.
    const files = await entryFiles(dir);
    await writeFile(files[0]!, "not gzip at all");
    await writeFile(files[1]!, Buffer.from([0x1f, 0x8b, 8, 0, 0]));
    await writeFile(files[2]!, gzipSync(JSON.stringify({ modules: "nope" })));
    await rm(files[3]!);
    await mkdir(files[3]!);
    const restarted = createGraphCache({ dir, inMemory: false });
    for (const commit of ["garbage", "truncated", "not-a-graph", "folder"]) {
      expect(await restarted.get(keyFor(commit))).toBeUndefined();
    }
    await restarted.set(keyFor("garbage"), sampleGraph("b"));
    expect(await restarted.get(keyFor("garbage"))).toEqual(sampleGraph("b"));
  });

  it("stays under its byte bound by evicting the least recently used entries", async () => {
    const size = await sizeOfOneEntry();
    const dir = await tempDir();
    const cache = createGraphCache({ dir, inMemory: false, maxBytes: Math.floor(size * 2.5) });
    await cache.set(keyFor("a"), sampleGraph("a"));
    await cache.set(keyFor("b"), sampleGraph("b"));
    expect(await cache.get(keyFor("a"))).toBeDefined();
    await cache.set(keyFor("c"), sampleGraph("c"));
    expect(await cache.get(keyFor("b"))).toBeUndefined();
    expect(await cache.get(keyFor("a"))).toEqual(sampleGraph("a"));
    expect(await cache.get(keyFor("c"))).toEqual(sampleGraph("c"));
    expect(await entryFiles(dir)).toHaveLength(2);
  });

  it("remembers the order of use across a restart", async () => {
    const size = await sizeOfOneEntry();
    const dir = await tempDir();
    const first = createGraphCache({ dir, inMemory: false, maxBytes: Math.floor(size * 2.5) });
    await first.set(keyFor("a"), sampleGraph("a"));
    await first.set(keyFor("b"), sampleGraph("b"));
    await first.get(keyFor("a"));
    const second = createGraphCache({ dir, inMemory: false, maxBytes: Math.floor(size * 2.5) });
    await second.set(keyFor("c"), sampleGraph("c"));
    expect(await second.get(keyFor("b"))).toBeUndefined();
    expect(await second.get(keyFor("a"))).toEqual(sampleGraph("a"));
  });

  it("writes atomically: concurrent writers leave one whole entry and no temp files", async () => {
    const dir = await tempDir();
    const writers = [
      createGraphCache({ dir, inMemory: false }),
      createGraphCache({ dir, inMemory: false }),
    ];
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        writers[i % 2]!.set(keyFor("same"), sampleGraph(`g${i}`, 50)),
      ),
    );
    const stored = await createGraphCache({ dir, inMemory: false }).get(keyFor("same"));
    expect(stored?.modules).toHaveLength(50);
    expect((await entryFiles(dir)).filter((file) => file.endsWith(".tmp"))).toEqual([]);
    expect(await entryFiles(dir)).toHaveLength(1);
  });

  it("keeps Python scans by blob across instances", async () => {
    const dir = await tempDir();
    const scan = { imports: [], warnings: [{ line: 3, message: "syntax error" }] };
    await createGraphCache({ dir, inMemory: false }).scans.setMany(new Map([["blob1", scan]]));
    const found = await createGraphCache({ dir, inMemory: false }).scans.getMany([
      "blob1",
      "blob2",
    ]);
    expect([...found]).toEqual([["blob1", scan]]);
  });
});
