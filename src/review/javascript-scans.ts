import { scanImports, type JavaScriptScan } from "../languages/javascript/scan-imports.js";
import type { Snapshot } from "../workspace/snapshot.js";
import { textBatches } from "./text-batches.js";

/** Per-file JS/TS scans of one review: parsing is what costs, so each blob is parsed at most once. */
export interface JavaScriptScans {
  /** The scan of each given path of the snapshot, by path. */
  scansOf(snapshot: Snapshot, paths: readonly string[]): Promise<Map<string, JavaScriptScan>>;
}

const emptyScan: JavaScriptScan = { imports: [], problems: [] };

/**
 * Scans by blob SHA, remembered for the review: a head shares most blobs with its base, and a file
 * renamed or copied is the same text. The review's signal is checked between files.
 */
export function createJavaScriptScans(signal?: AbortSignal): JavaScriptScans {
  const known = new Map<string, JavaScriptScan>();
  return {
    async scansOf(snapshot, paths) {
      const entryOf = new Map(snapshot.files.map((entry) => [entry.path, entry]));
      const wanted = paths.flatMap((path) => entryOf.get(path) ?? []);
      const missing = new Map(
        wanted.filter((entry) => !known.has(entry.sha)).map((e) => [e.sha, e]),
      );
      for await (const texts of textBatches(snapshot, [...missing.values()])) {
        for (const [path, text] of texts) {
          signal?.throwIfAborted();
          const entry = entryOf.get(path);
          if (entry) known.set(entry.sha, scanImports(path, text));
        }
      }
      return new Map(wanted.map((entry) => [entry.path, known.get(entry.sha) ?? emptyScan]));
    },
  };
}
