import { findWorkspace } from "../languages/javascript/find-workspace-packages.js";
import type { Snapshot } from "../workspace/snapshot.js";
import type { SourceFiles } from "./source-files.js";

const workspaceFile = /(?:^|\/)(?:package\.json|pnpm-workspace\.yaml)$/;

/**
 * The package folders of a JS/TS workspace (npm, yarn or pnpm) at either commit: when the config
 * declares no domains, these are the domains, as the people who made the workspace see them.
 */
export async function workspaceFolders(
  sides: readonly { readonly snapshot: Snapshot; readonly files: SourceFiles }[],
): Promise<string[]> {
  const folders = new Set<string>();
  for (const { snapshot, files } of sides) {
    const wanted = files.javascriptSupport.filter((path) => workspaceFile.test(path));
    if (wanted.length === 0) continue;
    for (const folder of findWorkspace(await snapshot.readText(wanted)).members)
      folders.add(folder);
  }
  return [...folders].sort();
}
