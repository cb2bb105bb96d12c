import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { CacheStore } from "./cache-store.js";

export interface DiskCacheOptions {
  readonly dir: string;
  /** The folder is trimmed to this many bytes, least recently used entries first. */
  readonly maxBytes?: number;
}

export const defaultMaxBytes = 512 * 1024 * 1024;

interface Entry {
  size: number;
  used: number;
}

interface Index {
  readonly entries: Map<string, Entry>;
  total: number;
}

/**
 * Entries as files named by the hash of their name, so any name is a safe file name. The graph
 * cache packs a whole base commit into one entry, so a review opens one or two files, never one per
 * source file (thousands at once ran out of file descriptors), and a small pack wastes at most one
 * disk block instead of one per file. The last use
 * is kept in each file's mtime (set explicitly: `noatime` mounts never update atime), so the LRU
 * order survives a restart. Writes go to a temp file renamed into place: a reader never sees half
 * an entry, even from another process. Each process enforces the bound on what it knows of the
 * folder, so several processes sharing one folder may briefly exceed it.
 */
export function createDiskCacheStore(options: DiskCacheOptions): CacheStore {
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  let index: Promise<Index> | undefined;
  let clock = 0;
  const entries = () => (index ??= loadIndex(options.dir));
  // Strictly increasing, so two uses in one millisecond still have an order.
  const tick = () => (clock = Math.max(Date.now(), clock + 1));
  const fileOf = (name: string) => {
    const hash = createHash("sha256").update(name).digest("hex");
    return join(options.dir, hash.slice(0, 2), hash.slice(2));
  };

  // The folder is listed only once something is written: a warm review just reads its pack.
  const read = async (name: string): Promise<Buffer | undefined> => {
    const file = fileOf(name);
    try {
      const bytes = await readFile(file);
      const used = tick();
      await utimes(file, new Date(used), new Date(used));
      if (index) remember(await index, file, { size: bytes.length, used });
      return bytes;
    } catch {
      if (index) remember(await index, file, undefined);
      return undefined;
    }
  };

  const write = async (name: string, value: Buffer): Promise<void> => {
    if (value.length > maxBytes) return;
    const file = fileOf(name);
    const temp = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      await mkdir(join(file, ".."), { recursive: true });
      await writeFile(temp, value);
      await rename(temp, file);
      const known = await entries();
      remember(known, file, { size: value.length, used: tick() });
      await evict(known, maxBytes, file);
    } catch {
      await rm(temp, { force: true }).catch(() => undefined);
    }
  };

  return { read, write, close: async () => undefined };
}

function remember(index: Index, file: string, entry: Entry | undefined): void {
  index.total -= index.entries.get(file)?.size ?? 0;
  if (entry === undefined) index.entries.delete(file);
  else {
    index.entries.set(file, entry);
    index.total += entry.size;
  }
}

async function evict(index: Index, maxBytes: number, keep: string): Promise<void> {
  if (index.total <= maxBytes) return;
  const oldestFirst = [...index.entries].sort(([, a], [, b]) => a.used - b.used);
  for (const [file] of oldestFirst) {
    if (index.total <= maxBytes) break;
    if (file === keep) continue;
    remember(index, file, undefined);
    await rm(file, { force: true });
  }
}

/** What is on disk already, from an earlier process; temp files of interrupted writes are removed. */
async function loadIndex(dir: string): Promise<Index> {
  const known: Index = { entries: new Map(), total: 0 };
  for (const shard of await readdir(dir).catch(() => [])) {
    const folder = join(dir, shard);
    for (const name of await readdir(folder).catch(() => [])) {
      const file = join(folder, name);
      if (name.endsWith(".tmp")) {
        await removeIfStale(file);
        continue;
      }
      const info = await stat(file).catch(() => undefined);
      if (info?.isFile()) remember(known, file, { size: info.size, used: info.mtimeMs });
    }
  }
  return known;
}

/** A temp file an hour old belongs to a write that died; a younger one may still be in flight. */
async function removeIfStale(file: string): Promise<void> {
  const info = await stat(file).catch(() => undefined);
  if (info && Date.now() - info.mtimeMs > 3_600_000) await rm(file, { force: true });
}
