import type { Graph } from "../graph/graph.js";
import type { FileScan } from "../languages/python/raw-import.js";
import { analyserVersion } from "./analyser-version.js";
import { decodeCached, encodeCached } from "./cache-codec.js";
import type { CacheStore } from "./cache-store.js";
import { MemoryLru } from "./memory-lru.js";
import { graphCacheName, type GraphCacheKey } from "./graph-cache-key.js";

/** Whole graphs of base commits; a miss is `undefined`, never an error. */
export interface GraphCache {
  get(key: GraphCacheKey): Promise<Graph | undefined>;
  set(key: GraphCacheKey, graph: Graph): Promise<void>;
  /** Python scans by blob SHA: a head graph, or a base graph near a cached one, parses only new files. */
  readonly scans?: ScanCache;
}

/** Per-file Python scans keyed by content (blob SHA), so they are shared across commits and forks. */
export interface ScanCache {
  getMany(blobs: readonly string[]): Promise<Map<string, FileScan>>;
  setMany(scans: ReadonlyMap<string, FileScan>): Promise<void>;
}

/** A graph cache that owns a connection or a folder index. */
export interface StoredGraphCache extends GraphCache {
  readonly scans: ScanCache;
  close(): Promise<void>;
}

/** Decoded entries kept in memory in front of the store: a few graphs, many small scans. */
const graphsInMemory = 16;
const scansInMemory = 250_000;

/** Graphs and scans as gzip'd JSON in one store, the recently used ones also decoded in memory. */
export function graphCacheOn(store: CacheStore, inMemory = true): StoredGraphCache {
  const graphs = new MemoryLru<Graph>(inMemory ? graphsInMemory : 0);
  return {
    async get(key) {
      const name = graphCacheName(key);
      const graph = graphs.get(name) ?? (await decodeCached(await store.read(name), isGraph));
      if (graph) graphs.set(name, graph);
      return graph;
    },
    async set(key, graph) {
      graphs.set(graphCacheName(key), graph);
      await store.write(graphCacheName(key), await encodeCached(graph));
    },
    scans: scanCacheOn(store, inMemory ? scansInMemory : 0),
    close: () => store.close(),
  };
}

function scanCacheOn(store: CacheStore, inMemory: number): ScanCache {
  const name = (blob: string) => `scan:${analyserVersion}:${blob}`;
  const memory = new MemoryLru<FileScan>(inMemory);
  return {
    async getMany(blobs) {
      const found = new Map<string, FileScan>();
      for (const blob of blobs) {
        const scan = memory.get(blob);
        if (scan) found.set(blob, scan);
      }
      const missing = blobs.filter((blob) => !found.has(blob));
      const values = await store.readMany(missing.map(name));
      for (const [i, blob] of missing.entries()) {
        const scan = await decodeCached(values[i], isFileScan);
        if (!scan) continue;
        found.set(blob, scan);
        memory.set(blob, scan);
      }
      return found;
    },
    async setMany(scans) {
      for (const [blob, scan] of scans) memory.set(blob, scan);
      const entries = await Promise.all(
        [...scans].map(async ([blob, scan]) => [name(blob), await encodeCached(scan)] as const),
      );
      await store.writeMany(entries);
    },
  };
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

function isFileScan(value: unknown): value is FileScan {
  const scan = value as Partial<Record<keyof FileScan, unknown>> | null;
  return (
    typeof scan === "object" &&
    scan !== null &&
    Array.isArray(scan.imports) &&
    Array.isArray(scan.warnings)
  );
}
