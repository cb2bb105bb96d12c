import path from "node:path";
import picomatch from "picomatch";
import type { ExtractionWarning } from "../../graph/graph.js";
import type { IsFile } from "./file-probe.js";
import { listDirectories } from "./list-directories.js";
import { readPackageManifest, type PackageManifest } from "./package-manifest.js";
import { workspacePatterns } from "./workspace-patterns.js";

export interface WorkspacePackage {
  readonly name: string;
  /** Repo path of the package folder. */
  readonly directory: string;
  readonly manifest: PackageManifest;
}

export interface WorkspacePackages {
  readonly byName: ReadonlyMap<string, WorkspacePackage>;
  readonly warnings: readonly ExtractionWarning[];
}

/** The packages of an npm, yarn or pnpm workspace, by package name. */
export function findWorkspacePackages(dir: string, isFile: IsFile): WorkspacePackages {
  const root = isFile(path.join(dir, "package.json"))
    ? readPackageManifest(dir, "package.json")
    : undefined;
  const { patterns, warnings: patternWarnings } = workspacePatterns(
    dir,
    root?.ok ? root.manifest : undefined,
  );
  const warnings = [...patternWarnings];
  if (root && !root.ok) warnings.push({ file: "package.json", line: 1, message: root.message });
  const byName = new Map<string, WorkspacePackage>();
  for (const directory of packageDirectories(dir, patterns)) {
    const manifestPath = `${directory}/package.json`;
    if (!isFile(path.join(dir, manifestPath))) continue;
    const read = readPackageManifest(dir, manifestPath);
    if (!read.ok) warnings.push({ file: manifestPath, line: 1, message: read.message });
    else if (read.manifest.name && !byName.has(read.manifest.name)) {
      byName.set(read.manifest.name, {
        name: read.manifest.name,
        directory,
        manifest: read.manifest,
      });
    }
  }
  return { byName, warnings };
}

/** Folders matching the workspace globs; `!pattern` excludes, as npm, yarn and pnpm allow. */
function packageDirectories(dir: string, patterns: readonly string[]): string[] {
  const clean = (pattern: string) => pattern.replace(/^\.\//, "").replace(/\/+$/, "");
  const include = patterns.filter((pattern) => !pattern.startsWith("!")).map(clean);
  const exclude = patterns
    .filter((pattern) => pattern.startsWith("!"))
    .map((p) => clean(p.slice(1)));
  if (include.length === 0) return [];
  const included = picomatch(include);
  const excluded = exclude.length > 0 ? picomatch(exclude) : () => false;
  const found = new Set<string>();
  for (const pattern of include) {
    const { base, glob } = picomatch.scan(pattern);
    const depth = glob.includes("**") ? 5 : glob === "" ? 0 : glob.split("/").length;
    for (const directory of listDirectories(dir, base, depth)) {
      if (included(directory) && !excluded(directory)) found.add(directory);
    }
  }
  return [...found].sort();
}
