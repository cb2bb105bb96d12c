import type { ExtractionWarning } from "../graph/graph.js";
import type { Policy } from "../policy/policy.js";
import type { Snapshot } from "../workspace/snapshot.js";
import { sourceFiles } from "./source-files.js";

/**
 * Files a bound left unread, said out loud when an extractor would have read them: their imports
 * are missing from the graph. A skipped font or data file changes nothing, so it is not worth a
 * warning. Every refused path is named.
 */
export function skippedFileWarnings(snapshot: Snapshot, policy: Policy): ExtractionWarning[] {
  const skipped = snapshot.skipped ?? [];
  const wanted = sourceFiles(
    skipped.map(({ path }) => ({ path, sha: "", size: 0 })),
    policy,
  );
  const read = new Set(Object.values(wanted).flat());
  // A refused path (`..`, `.git`…) is named whatever the file: it says the commit is hostile.
  return skipped
    .filter(({ path, reason }) => read.has(path) || reason.startsWith("refused:"))
    .map(({ path, reason }) => ({ file: path, line: 0, message: `not analysed: ${reason}` }));
}
