import { homedir } from "node:os";
import { join } from "node:path";
import { createDiskCacheStore } from "./disk-cache-store.js";
import { graphCacheOn, type StoredGraphCache } from "./graph-cache.js";
import { createRedisCacheStore } from "./redis-cache-store.js";

export interface GraphCacheOptions {
  /** Folder of the disk cache; default `$ARCHDRIFT_DATA_DIR/graphs`, else `~/.cache/archdrift/graphs`. */
  readonly dir?: string;
  /** Shared cache for every worker; takes precedence over `dir`. */
  readonly redisUrl?: string;
  /** Bound of the disk cache (default 512 MiB). */
  readonly maxBytes?: number;
  /** Life of a Redis entry after its last use (default 7 days). */
  readonly ttlSeconds?: number;
  /** Keep recently used graphs and scans decoded in memory too (default true). */
  readonly inMemory?: boolean;
}

/** The base-graph cache the app and the CLI pass to `reviewChanges`; call `close()` on shutdown. */
export function createGraphCache(options: GraphCacheOptions = {}): StoredGraphCache {
  if (options.redisUrl) {
    return graphCacheOn(
      createRedisCacheStore({
        redis: options.redisUrl,
        ...(options.ttlSeconds === undefined ? {} : { ttlSeconds: options.ttlSeconds }),
      }),
      options.inMemory,
    );
  }
  return graphCacheOn(
    createDiskCacheStore({
      dir: options.dir ?? defaultCacheDir(),
      ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
    }),
    options.inMemory,
  );
}

function defaultCacheDir(): string {
  const dataDir = process.env.ARCHDRIFT_DATA_DIR;
  if (dataDir) return join(dataDir, "graphs");
  const cacheHome = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(cacheHome, "archdrift", "graphs");
}
