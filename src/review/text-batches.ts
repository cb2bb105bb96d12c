import type { Snapshot } from "../workspace/snapshot.js";
import type { TreeEntry } from "../workspace/tree-entry.js";

/**
 * Texts are read a batch at a time: a commit may hold 500 MB of source, which as JavaScript strings
 * all at once would take twice that in memory on top of the graphs.
 */
const batchBytes = 32 * 1024 * 1024;

/** The texts of the given files of a snapshot, by path, about `batchBytes` at a time, in order. */
export async function* textBatches(
  snapshot: Snapshot,
  entries: readonly TreeEntry[],
): AsyncGenerator<Map<string, string>> {
  let batch: string[] = [];
  let bytes = 0;
  for (const entry of entries) {
    if (batch.length > 0 && bytes + entry.size > batchBytes) {
      yield await snapshot.readText(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(entry.path);
    bytes += entry.size;
  }
  if (batch.length > 0) yield await snapshot.readText(batch);
}
