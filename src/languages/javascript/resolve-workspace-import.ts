import path from "node:path";
import { exportsTargets } from "./exports-targets.js";
import type { IsFile } from "./file-probe.js";
import type { WorkspacePackage } from "./find-workspace-packages.js";
import { resolveSourceFile } from "./resolve-source-file.js";

/** Build output folders whose sources usually sit in `src/` with the same layout. */
const buildFolders = new Set(["dist", "lib", "build", "out"]);
const formatFolders = new Set(["esm", "cjs", "es", "mjs", "types", "umd"]);

/**
 * Resolves `@acme/core` or `@acme/core/sub` to the source of a workspace package, with nothing
 * installed and nothing built: `exports`, then the `source`/`types`/`module`/`main` fields, then
 * `src/index`. A target under `dist/` that does not exist is looked up under `src/` instead.
 */
export function resolveWorkspaceImport(
  dir: string,
  specifier: string,
  packages: ReadonlyMap<string, WorkspacePackage>,
  isFile: IsFile,
): string | undefined {
  const split = splitSpecifier(specifier);
  const found = split && packages.get(split.name);
  if (!split || !found) return undefined;
  const packageDir = path.join(dir, found.directory);
  for (const target of packageTargets(found, split.subpath)) {
    const absolute = path.resolve(packageDir, target);
    const resolved =
      resolveSourceFile(dir, absolute, isFile) ??
      resolveSourceTwin(dir, packageDir, target, isFile);
    if (resolved !== undefined) return resolved;
  }
  return undefined;
}

function splitSpecifier(specifier: string): { name: string; subpath: string } | undefined {
  const segments = specifier.split("/");
  const nameLength = specifier.startsWith("@") ? 2 : 1;
  if (segments.length < nameLength || segments.some((segment) => segment === ".."))
    return undefined;
  const rest = segments.slice(nameLength).join("/");
  return { name: segments.slice(0, nameLength).join("/"), subpath: rest ? `./${rest}` : "." };
}

function packageTargets({ manifest }: WorkspacePackage, subpath: string): string[] {
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

function resolveSourceTwin(
  dir: string,
  packageDir: string,
  target: string,
  isFile: IsFile,
): string | undefined {
  const segments = path.posix.normalize(target).split("/");
  if (!buildFolders.has(segments[0] ?? "")) return undefined;
  const rest = segments.slice(formatFolders.has(segments[1] ?? "") ? 2 : 1).join("/");
  const stem = rest.replace(/(\.d)?\.[cm]?[jt]sx?$/, "");
  return resolveSourceFile(dir, path.resolve(packageDir, "src", stem), isFile);
}
