import { inferPythonRoots } from "../policy/infer-python-roots.js";
import { isServiceMarker } from "../policy/python-service-folders.js";
import type { Policy } from "../policy/policy.js";
import type { Snapshot } from "../workspace/snapshot.js";
import type { SourceFiles } from "./source-files.js";

/** The configured roots, or the ones packaging metadata and layout suggest, for base and head alike. */
export async function pythonRoots(
  policy: Policy,
  snapshots: readonly { snapshot: Snapshot; files: SourceFiles }[],
): Promise<string[]> {
  if (policy.roots) return [...policy.roots];
  const roots = new Set<string>();
  for (const { snapshot, files } of snapshots) {
    if (files.python.length === 0) continue;
    const metadata = await snapshot.readText(files.pythonMetadata);
    // Deployment files (Dockerfile, requirements.txt) mark service folders by their presence only.
    const markers = snapshot.files.map((entry) => entry.path).filter(isServiceMarker);
    for (const root of inferPythonRoots(files.python, metadata, markers)) roots.add(root);
  }
  return [...roots].sort();
}
