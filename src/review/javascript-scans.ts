import type { JavaScriptScan } from "../languages/javascript/javascript-scan.js";
import { scanImportsFast } from "../languages/javascript/scan-imports-fast.js";
import type { Snapshot } from "../workspace/snapshot.js";
import { textBatches } from "./text-batches.js";

/**
 * Per-file JS/TS scans of one review: each blob is scanned at most once, by the fast scanner;
 * TypeScript's parser is loaded only for the files that scanner is not sure of.
 */
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
      const unsure = new Map<string, string>();
      for await (const texts of textBatches(snapshot, [...missing.values()])) {
        for (const [path, text] of texts) {
          signal?.throwIfAborted();
          const entry = entryOf.get(path);
          const scan = entry && scanImportsFast(path, text);
          if (scan) known.set(entry.sha, scan);
          else if (entry) unsure.set(path, text);
        }
      }
      if (unsure.size > 0) await scanParsed(unsure, entryOf, known, signal);
      return new Map(wanted.map((entry) => [entry.path, known.get(entry.sha) ?? emptyScan]));
    },
  };
}

async function scanParsed(
  texts: ReadonlyMap<string, string>,
  entryOf: ReadonlyMap<string, { readonly sha: string }>,
  known: Map<string, JavaScriptScan>,
  signal: AbortSignal | undefined,
): Promise<void> {
  const { scanImportsParsed } = await import("../languages/javascript/scan-imports-parsed.js");
  for (const [path, text] of texts) {
    signal?.throwIfAborted();
    const entry = entryOf.get(path);
    if (entry) known.set(entry.sha, scanImportsParsed(path, text));
  }
}
