import path from "node:path";
import type { IDependency } from "dependency-cruiser";
import type { IsFile } from "./file-probe.js";
import type { WorkspacePackage } from "./find-workspace-packages.js";
import { nearestTsConfig, type TsConfigs } from "./load-ts-configs.js";
import { matchTsPaths } from "./match-ts-paths.js";
import { resolveSourceFile } from "./resolve-source-file.js";
import { resolveWorkspaceImport } from "./resolve-workspace-import.js";
import { toRepoPath } from "./repo-path.js";

export interface ResolveContext {
  readonly dir: string;
  readonly isFile: IsFile;
  readonly tsConfigs: TsConfigs;
  readonly packages: ReadonlyMap<string, WorkspacePackage>;
  /** A repo path that may be the target of an edge: a JS/TS file, not excluded. */
  readonly isTarget: (repoPath: string) => boolean;
}

/**
 * internal: an edge to `target`; external: a package or builtin, no edge, no warning;
 * ignored: a file that is not a module of the graph (CSS, JSON, an excluded path);
 * unresolved: a relative import of a file that does not exist, worth a warning.
 */
export type Resolution =
  | { readonly kind: "internal"; readonly target: string }
  | { readonly kind: "external" | "ignored" | "unresolved" };

const external: Resolution = { kind: "external" };

/**
 * Where an import goes. dependency-cruiser's answer (`cruised`) comes first, except that a
 * package's own tsconfig `paths` beat it: dependency-cruiser only knows the root tsconfig, and in
 * a monorepo `@/x` means something different in every package. After that, what it could not
 * resolve is tried against the nearest tsconfig and the workspace packages, since nothing is
 * installed and a workspace package is only reachable through node_modules.
 */
export function resolveImport(
  context: ResolveContext,
  file: string,
  specifier: string,
  cruised: IDependency | undefined,
): Resolution {
  if (isRelative(specifier)) return resolveRelative(context, file, specifier, cruised);
  const nearest = nearestTsConfig(context.tsConfigs, file);
  const paths = nearest ? matchTsPaths(specifier, nearest) : undefined;
  const ownPaths = paths?.viaPaths === true && nearest !== context.tsConfigs.root;
  const fromPaths = paths ? firstSource(context, paths.targets) : undefined;
  if (ownPaths && fromPaths !== undefined) return asTarget(context, fromPaths);
  if (cruised && !cruised.couldNotResolve) {
    return cruised.coreModule ? external : fromCruiser(context, cruised.resolved);
  }
  if (fromPaths !== undefined) return asTarget(context, fromPaths);
  const workspace = resolveWorkspaceImport(
    context.dir,
    specifier,
    context.packages,
    context.isFile,
  );
  return workspace === undefined ? external : asTarget(context, workspace);
}

function isRelative(specifier: string): boolean {
  return /^\.\.?(?:\/|$)/.test(specifier);
}

function resolveRelative(
  context: ResolveContext,
  file: string,
  specifier: string,
  cruised: IDependency | undefined,
): Resolution {
  if (cruised && !cruised.couldNotResolve) return fromCruiser(context, cruised.resolved);
  const absolute = path.resolve(context.dir, path.posix.dirname(file), specifier);
  const found = resolveSourceFile(context.dir, absolute, context.isFile);
  if (found !== undefined) return asTarget(context, found);
  return context.isFile(absolute) ? { kind: "ignored" } : { kind: "unresolved" };
}

function fromCruiser(context: ResolveContext, resolved: string): Resolution {
  const repoPath = toRepoPath(context.dir, path.resolve(context.dir, resolved));
  if (repoPath === undefined || repoPath.split("/").includes("node_modules")) return external;
  return asTarget(context, repoPath);
}

function firstSource(context: ResolveContext, targets: readonly string[]): string | undefined {
  for (const target of targets) {
    const found = resolveSourceFile(context.dir, target, context.isFile);
    if (found !== undefined) return found;
  }
  return undefined;
}

function asTarget(context: ResolveContext, repoPath: string): Resolution {
  return context.isTarget(repoPath) ? { kind: "internal", target: repoPath } : { kind: "ignored" };
}
