import { exportsTargets } from "./exports-targets.js";
import type { JavaScriptProject } from "./javascript-project.js";
import type { PackageManifest } from "./package-manifest.js";
import { probeTarget, type Found } from "./probe-target.js";
import { joinRepoPath } from "./repo-path.js";

/** Build output folders whose sources usually sit in `src/` with the same layout. */
const buildFolders = new Set(["dist", "lib", "build", "out"]);
const formatFolders = new Set(["esm", "cjs", "es", "mjs", "types", "umd"]);

/** `@acme/core/sub` as the package's name and the subpath its `exports` speak of (`./sub`). */
export function splitPackageSpecifier(
  specifier: string,
): { readonly name: string; readonly subpath: string } | undefined {
  const segments = specifier.split("/");
  const nameLength = specifier.startsWith("@") ? 2 : 1;
  if (segments.length < nameLength || segments.some((segment) => segment === ".."))
    return undefined;
  const rest = segments.slice(nameLength).join("/");
  return { name: segments.slice(0, nameLength).join("/"), subpath: rest ? `./${rest}` : "." };
}

/**
 * Resolves `@acme/core` or `@acme/core/sub` to the source of a workspace package, with nothing
 * installed and nothing built.
 */
export function resolveWorkspaceImport(
  project: JavaScriptProject,
  specifier: string,
): Found | undefined {
  const split = splitPackageSpecifier(specifier);
  const found = split && project.workspace.byName.get(split.name);
  if (!split || !found) return undefined;
  return resolvePackageEntry(project, found.directory, found.manifest, split.subpath);
}

/**
 * A package folder's entry for a subpath: `exports`, then the `source`/`types`/`module`/`main`
 * fields, then `src/index`. A target under `dist/` that does not exist is looked up under `src/`.
 */
export function resolvePackageEntry(
  project: JavaScriptProject,
  folder: string,
  manifest: PackageManifest,
  subpath: string,
): Found | undefined {
  for (const target of packageTargets(manifest, subpath)) {
    const inside = joinRepoPath(folder, target);
    if (inside === undefined) continue;
    const resolved = probeTarget(project, inside) ?? sourceTwin(project, folder, target);
    if (resolved !== undefined) return resolved;
  }
  return undefined;
}

function packageTargets(manifest: PackageManifest, subpath: string): string[] {
  const fromExports =
    manifest.exports === undefined ? [] : exportsTargets(manifest.exports, subpath);
  if (subpath !== ".") return [...fromExports, subpath, `./src/${subpath.slice(2)}`];
  const fields = [
    manifest.source,
    manifest.types,
    manifest.typings,
    manifest.module,
    manifest.main,
  ];
  const named = fields.filter((field): field is string => typeof field === "string");
  return [...fromExports, ...named, "./src/index", "./index"];
}

function sourceTwin(project: JavaScriptProject, folder: string, target: string): Found | undefined {
  const segments = (joinRepoPath("", target) ?? "").split("/");
  if (!buildFolders.has(segments[0] ?? "")) return undefined;
  const rest = segments.slice(formatFolders.has(segments[1] ?? "") ? 2 : 1).join("/");
  const stem = rest.replace(/(\.d)?\.[cm]?[jt]sx?$/, "");
  const inside = joinRepoPath(folder, `src/${stem}`);
  return inside === undefined ? undefined : probeTarget(project, inside);
}
