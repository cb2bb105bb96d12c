import { governingTsConfig } from "./load-ts-configs.js";
import type { JavaScriptProject } from "./javascript-project.js";
import { matchTsPaths } from "./match-ts-paths.js";
import { isRegistryRange } from "./package-manifest.js";
import { probeTarget, type Found } from "./probe-target.js";
import { ancestorDirectories, folderOf, joinRepoPath, isWithinFolder } from "./repo-path.js";
import {
  resolvePackageEntry,
  resolveWorkspaceImport,
  splitPackageSpecifier,
} from "./resolve-workspace-import.js";

/**
 * internal: an edge to `target`; excluded, asset: a file of the commit that is not a module under
 * review (no edge, no warning); external: a package or a builtin, never installed, never a warning;
 * unresolved: an import that names a file of this repository that is not there, with its cause.
 */
export type Resolution =
  | Found
  | { readonly kind: "external" }
  | { readonly kind: "unresolved"; readonly cause: UnresolvedCause };

export type UnresolvedCause = "missing file" | "outside the repository";

const external: Resolution = { kind: "external" };

/**
 * Bundlers load stylesheets, fonts, images, media, JSON, GraphQL and wasm files as modules; a
 * missing one is a build problem, not an architecture one, and generated ones are common.
 */
const assetExtension =
  /\.(?:css|scss|sass|less|styl|stylus|pcss|postcss|woff2?|ttf|otf|eot|png|jpe?g|gif|svg|webp|avif|ico|bmp|tiff?|mp3|mp4|webm|ogg|ogv|wav|flac|aac|m4a|mov|json5?|jsonc|graphql|gql|wasm|txt|md|mdx|html?|csv|xml|ya?ml|toml|glsl|vert|frag|wgsl)$/i;

/**
 * Where an import of `file` goes, as TypeScript and the package manager would decide with nothing
 * installed: relative paths; the `paths` and `baseUrl` of the tsconfig that governs the file; the
 * workspace's packages by name. A file whose own package.json pins a package from the registry
 * gets that package from the registry, whatever a tsconfig further up maps it to. Query suffixes
 * (`?raw`, `?url`) name the file before them.
 */
export function resolveImport(
  project: JavaScriptProject,
  file: string,
  specifier: string,
): Resolution {
  const name = withoutQuery(specifier);
  if (/^\.\.?(?:\/|$)/.test(name)) return resolveRelative(project, file, name, specifier);
  if (name.startsWith("/") || name === "") return external;
  return resolveBare(project, file, name) ?? external;
}

function withoutQuery(specifier: string): string {
  const query = specifier.indexOf("?");
  return query < 0 ? specifier : specifier.slice(0, query);
}

function resolveRelative(
  project: JavaScriptProject,
  file: string,
  name: string,
  specifier: string,
): Resolution {
  const target = joinRepoPath(folderOf(file), name);
  if (target === undefined) return { kind: "unresolved", cause: "outside the repository" };
  const found = probeTarget(project, target) ?? packageFolder(project, target);
  if (found !== undefined) return found;
  if (assetExtension.test(name) || specifier !== name) return { kind: "asset", target };
  return { kind: "unresolved", cause: "missing file" };
}

/** `./lib` where `lib/package.json` names its entry. */
function packageFolder(project: JavaScriptProject, folder: string): Found | undefined {
  const manifest = project.workspace.manifests.get(folder);
  return manifest && resolvePackageEntry(project, folder, manifest, ".");
}

function resolveBare(
  project: JavaScriptProject,
  file: string,
  name: string,
): Resolution | undefined {
  const pinned = pinnedFromRegistry(project, file, name);
  const config = governingTsConfig(project.tsConfigs, file);
  if (config && (!pinned || isWithinFolder(config.file, pinned.folder))) {
    for (const target of matchTsPaths(name, config).targets) {
      const found = probeTarget(project, target);
      if (found !== undefined) return found;
    }
  }
  return pinned ? external : resolveWorkspaceImport(project, name);
}

/**
 * The package folder of `file` when that package is not part of the workspace and declares this
 * import's package with a registry range (a docs site pinning `@acme/ui` 1.2.0): the code there
 * runs against the published package, not the workspace's source.
 */
function pinnedFromRegistry(
  project: JavaScriptProject,
  file: string,
  name: string,
): { readonly folder: string } | undefined {
  const { manifests, members } = project.workspace;
  const folder = ancestorDirectories(file).find((candidate) => manifests.has(candidate));
  if (folder === undefined || folder === "" || members.includes(folder)) return undefined;
  const packageName = splitPackageSpecifier(name)?.name;
  const range = packageName && manifests.get(folder)?.dependencies[packageName];
  return range !== undefined && range !== "" && isRegistryRange(range) ? { folder } : undefined;
}
