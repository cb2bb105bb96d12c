import type { FileScan } from "../languages/python/raw-import.js";
import { ParseTimeoutError } from "../languages/python/parse-timeout-error.js";
import { scanPythonSource } from "../languages/python/scan-python-source.js";
import type { Snapshot } from "../workspace/snapshot.js";

/** Per-file Python scans of one review: parsing is what costs, so each blob is parsed at most once. */
export interface PythonScans {
  /** The scan of each given path of the snapshot, by path. */
  scansOf(snapshot: Snapshot, paths: readonly string[]): Promise<Map<string, FileScan>>;
  /** The scans known so far of the given paths' blobs, by blob: what a cached pack keeps. */
  byBlob(snapshot: Snapshot, paths: readonly string[]): Map<string, FileScan>;
  /** One file's budget (`ARCHDRIFT_MAX_PARSE_MS`), which resolving its imports shares. */
  readonly maxParseMs?: number | undefined;
}

/** A file a caller asked for, by the blob that holds it. */
interface WantedFile {
  readonly path: string;
  readonly blob: string;
  readonly size: number;
}

export interface ScanBounds {
  /** One file's parse may take this long (see `scanPythonSource`). */
  readonly maxParseMs?: number | undefined;
  /** The review's own deadline or cancellation, checked between files. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Scans by blob SHA, remembered for the review (a head shares most blobs with its base), starting
 * from `known`: a cached pack's scans, or those of a nearby commit's.
 */
export function createPythonScans(
  seed: ReadonlyMap<string, FileScan> | undefined,
  bounds: ScanBounds = {},
): PythonScans {
  const known = new Map<string, FileScan>(seed);
  return {
    maxParseMs: bounds.maxParseMs,
    async scansOf(snapshot, paths) {
      const wanted = wantedFiles(snapshot, paths);
      await scanMissing(known, snapshot, wanted, bounds);
      return new Map(wanted.map(({ path, blob }) => [path, known.get(blob)!]));
    },
    byBlob(snapshot, paths) {
      const found = new Map<string, FileScan>();
      for (const { blob } of wantedFiles(snapshot, paths)) {
        const scan = known.get(blob);
        if (scan) found.set(blob, scan);
      }
      return found;
    },
  };
}

function wantedFiles(snapshot: Snapshot, paths: readonly string[]): WantedFile[] {
  const entryOf = new Map(snapshot.files.map((entry) => [entry.path, entry]));
  return paths.flatMap((path) => {
    const entry = entryOf.get(path);
    return entry === undefined ? [] : [{ path, blob: entry.sha, size: entry.size }];
  });
}

/**
 * Texts are read and scanned a batch at a time: a commit may hold 500 MB of Python, which as
 * JavaScript strings all at once would take twice that in memory on top of the graphs.
 */
const batchBytes = 32 * 1024 * 1024;

async function scanMissing(
  known: Map<string, FileScan>,
  snapshot: Snapshot,
  wanted: readonly WantedFile[],
  bounds: ScanBounds,
): Promise<void> {
  const missing = new Map<string, WantedFile>();
  for (const file of wanted) if (!known.has(file.blob)) missing.set(file.blob, file);
  for (const batch of batchesOf([...missing.values()], (file) => file.size)) {
    const texts = await snapshot.readText(batch.map(({ path }) => path));
    for (const { blob, path } of batch) {
      bounds.signal?.throwIfAborted();
      known.set(blob, await scanFile(texts.get(path) ?? "", path, bounds.maxParseMs));
    }
  }
}

/** Consecutive runs of `items` of at most `batchBytes` each (an item larger than that alone). */
function batchesOf<T>(items: readonly T[], sizeOf: (item: T) => number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    if (current.length > 0 && bytes + sizeOf(item) > batchBytes) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += sizeOf(item);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

async function scanFile(text: string, path: string, maxParseMs: number | undefined) {
  try {
    return await scanPythonSource(text, maxParseMs);
  } catch (error) {
    if (error instanceof ParseTimeoutError) throw new ParseTimeoutError(error.limitMs, path);
    throw error;
  }
}
