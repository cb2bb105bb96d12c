import { readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";

/** How often the packs being written are measured; what a fetch can overshoot by is this long. */
const intervalMs = 100;

export interface PackWatch {
  /** Bytes of the packs written since the watch began, finished or not. */
  bytes(): Promise<number>;
  stop(): void;
}

/**
 * Measures the packs a fetch writes into a bare repository: `objects/pack/tmp_pack_*` while they
 * arrive, and the `pack-*.pack` git renames them to. Calls `exceeded` once, while git still runs,
 * when they pass `maxBytes`: git has no size bound of its own for a fetch, so the caller stops it
 * and calls `removeIncomingPacks`. A fetch over before the first measurement is caught by `bytes`.
 */
export async function watchIncomingPacks(
  repoDir: string,
  maxBytes: number,
  exceeded: (bytes: number) => void,
): Promise<PackWatch> {
  const packDir = join(repoDir, "objects", "pack");
  const before = new Set(await packNames(packDir));
  const bytes = () => newPackBytes(packDir, before);
  let done = false;
  const timer = setInterval(() => {
    void bytes().then((total) => {
      if (done || total <= maxBytes) return;
      done = true;
      clearInterval(timer);
      exceeded(total);
    });
  }, intervalMs);
  return {
    bytes,
    stop: () => {
      done = true;
      clearInterval(timer);
    },
  };
}

/**
 * Deletes the half-written packs and indexes of a fetch that failed or was stopped: git's
 * index-pack leaves them behind when it is killed, and they would hold the disk until a gc two
 * weeks later. Call it while holding the mirror's lock, after the fetch has ended.
 */
export async function removeIncomingPacks(repoDir: string): Promise<void> {
  const packDir = join(repoDir, "objects", "pack");
  const names = (await packNames(packDir)).filter(isIncoming);
  await Promise.all(names.map((name) => rm(join(packDir, name), { force: true })));
}

async function newPackBytes(packDir: string, before: ReadonlySet<string>): Promise<number> {
  const names = (await packNames(packDir)).filter(
    (name) => !before.has(name) && (name.startsWith("tmp_pack_") || name.endsWith(".pack")),
  );
  const sizes = await Promise.all(
    names.map((name) =>
      stat(join(packDir, name)).then(
        (entry) => entry.size,
        () => 0,
      ),
    ),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}

function isIncoming(name: string): boolean {
  return /^tmp_(pack|idx|rev)_/.test(name);
}

async function packNames(packDir: string): Promise<string[]> {
  return readdir(packDir).catch(() => []);
}
