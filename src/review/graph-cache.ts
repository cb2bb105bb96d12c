import type { Graph } from "../graph/graph.js";
import type { FileScan } from "../languages/python/raw-import.js";
import { decodeEntry, encodeEntry } from "./cache-codec.js";
import type { CacheStore } from "./cache-store.js";
import { graphCacheName, type GraphCacheKey } from "./graph-cache-key.js";
import { MemoryLru } from "./memory-lru.js";

/**
 * What a review keeps of a base commit, packed together: its whole graph, and the Python scans of
 * its files by blob SHA, so the head (which shares most blobs with its base) parses only what the
 * pull request changed.
 */
export interface CachedBase {
  readonly graph: Graph;
  readonly scans: ReadonlyMap<string, FileScan>;
}

/** Base commits of earlier reviews; a miss is `undefined`, never an error. */
export interface GraphCache {
  get(key: GraphCacheKey): Promise<CachedBase | undefined>;
  set(key: GraphCacheKey, base: CachedBase): Promise<void>;
  /**
   * The scans of the repository's most recently stored base, whatever its commit: a base commit
   * not cached yet (main moved on) parses only the blobs that differ from it.
   */
  nearestScans?(key: GraphCacheKey): Promise<ReadonlyMap<string, FileScan> | undefined>;
}

/** A graph cache that owns a connection or a folder. */
export interface StoredGraphCache extends GraphCache {
  nearestScans(key: GraphCacheKey): Promise<ReadonlyMap<string, FileScan> | undefined>;
  close(): Promise<void>;
}

/**
 * Decoded packs kept in memory in front of the store, weighed in modules plus scans: about what a
 * worker can hold in a few hundred megabytes.
 */
const entriesInMemory = 250_000;

/** The stored form: scans as pairs, since JSON has no maps. */
interface Pack {
  readonly graph: Graph;
  readonly scans: readonly (readonly [string, FileScan])[];
}

/**
 * One packed entry per base commit (gzip'd JSON: graph and scans) and, per repository and analyser,
 * a pointer to the newest pack. A review reads one or two entries, whatever the repository's size.
 */
export function graphCacheOn(store: CacheStore, inMemory = true): StoredGraphCache {
  const packs = new MemoryLru<CachedBase>(inMemory ? entriesInMemory : 0, weightOf);
  const load = async (name: string): Promise<CachedBase | undefined> => {
    const remembered = packs.get(name);
    if (remembered) return remembered;
    const pack = await decodeEntry(name, await store.read(name), isPack);
    if (!pack) return undefined;
    const base = { graph: pack.graph, scans: new Map(pack.scans) };
    packs.set(name, base);
    return base;
  };
  return {
    get: (key) => load(graphCacheName(key)),
    async set(key, base) {
      const name = graphCacheName(key);
      packs.set(name, base);
      const pack: Pack = { graph: base.graph, scans: [...base.scans] };
      await store.write(name, await encodeEntry(name, pack));
      const pointer = latestName(key);
      await store.write(pointer, await encodeEntry(pointer, name));
    },
    async nearestScans(key) {
      const pointer = latestName(key);
      const name = await decodeEntry(pointer, await store.read(pointer), isString);
      return name === undefined ? undefined : (await load(name))?.scans;
    },
    close: () => store.close(),
  };
}

/** Scans depend on the text and the analyser only, so any pack of the repository can lend them. */
function latestName(key: GraphCacheKey): string {
  return `latest:${key.repo}:${key.analyser}`;
}

function weightOf(base: CachedBase): number {
  return base.graph.modules.length + base.scans.size;
}

function isString(value: unknown): value is string {
  return typeof value === "string";
}

function isPack(value: unknown): value is Pack {
  const pack = value as Partial<Record<keyof Pack, unknown>> | null;
  return (
    typeof pack === "object" &&
    pack !== null &&
    isGraph(pack.graph) &&
    Array.isArray(pack.scans) &&
    pack.scans.every(
      (pair) =>
        Array.isArray(pair) && pair.length === 2 && typeof pair[0] === "string" && isScan(pair[1]),
    )
  );
}

function isGraph(value: unknown): value is Graph {
  const graph = value as Partial<Record<keyof Graph, unknown>> | null;
  return (
    typeof graph === "object" &&
    graph !== null &&
    Array.isArray(graph.modules) &&
    Array.isArray(graph.edges) &&
    Array.isArray(graph.warnings)
  );
}

function isScan(value: unknown): value is FileScan {
  const scan = value as Partial<Record<keyof FileScan, unknown>> | null;
  return (
    typeof scan === "object" &&
    scan !== null &&
    Array.isArray(scan.imports) &&
    Array.isArray(scan.warnings)
  );
}
