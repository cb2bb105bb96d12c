import type { ExtractionWarning } from "../../graph/graph.js";
import { parsePackageManifest, type PackageManifest } from "./package-manifest.js";
import { matchesWorkspaceGlob } from "./workspace-glob.js";
import { workspacePatterns } from "./workspace-patterns.js";

export interface WorkspacePackage {
  readonly name: string;
  /** Repo path of the package folder. */
  readonly directory: string;
  readonly manifest: PackageManifest;
}

export interface Workspace {
  /** The workspace's packages by name: what `@acme/core` means to the code inside the workspace. */
  readonly byName: ReadonlyMap<string, WorkspacePackage>;
  /** Repo folders of the workspace's packages, sorted (the root `""` is not one). */
  readonly members: readonly string[];
  /** Every package.json that could be read, by the folder holding it (`""` for the root). */
  readonly manifests: ReadonlyMap<string, PackageManifest>;
  readonly warnings: readonly ExtractionWarning[];
}

/**
 * The packages of an npm, yarn or pnpm workspace, from the texts of the checkout's package.json
 * files and pnpm-workspace.yaml (by repo path). A folder is a member when a workspace glob matches
 * it and it holds a package.json, as the package managers decide.
 */
export function findWorkspace(texts: ReadonlyMap<string, string>): Workspace {
  const manifests = new Map<string, PackageManifest>();
  const broken = new Map<string, string>();
  for (const [file, text] of texts) {
    if (file !== "package.json" && !file.endsWith("/package.json")) continue;
    const read = parsePackageManifest(text);
    const folder = file.slice(0, Math.max(file.length - "/package.json".length, 0));
    if (read.ok) manifests.set(folder, read.manifest);
    else broken.set(folder, read.message);
  }
  const { patterns, warnings: patternWarnings } = workspacePatterns(texts, manifests.get(""));
  const warnings = [...patternWarnings];
  if (broken.has("")) warnings.push(manifestWarning("", broken.get("") ?? ""));
  const members = memberFolders(patterns, [...manifests.keys(), ...broken.keys()]);
  const byName = new Map<string, WorkspacePackage>();
  for (const directory of members) {
    const manifest = manifests.get(directory);
    if (!manifest) warnings.push(manifestWarning(directory, broken.get(directory) ?? ""));
    else if (manifest.name && !byName.has(manifest.name)) {
      byName.set(manifest.name, { name: manifest.name, directory, manifest });
    }
  }
  return { byName, members, manifests, warnings };
}

function manifestWarning(folder: string, message: string): ExtractionWarning {
  return { file: folder === "" ? "package.json" : `${folder}/package.json`, line: 1, message };
}

/** Folders matching the workspace globs; `!pattern` excludes, as npm, yarn and pnpm allow. */
function memberFolders(patterns: readonly string[], folders: readonly string[]): string[] {
  const clean = (pattern: string) => pattern.replace(/^\.\//, "").replace(/\/+$/, "");
  const include = patterns.filter((pattern) => !pattern.startsWith("!")).map(clean);
  const exclude = patterns
    .filter((pattern) => pattern.startsWith("!"))
    .map((p) => clean(p.slice(1)));
  const matches = (globs: readonly string[], folder: string) =>
    globs.some((glob) => matchesWorkspaceGlob(glob, folder));
  return folders
    .filter((folder) => folder !== "" && !folder.split("/").includes("node_modules"))
    .filter((folder) => matches(include, folder) && !matches(exclude, folder))
    .sort();
}
