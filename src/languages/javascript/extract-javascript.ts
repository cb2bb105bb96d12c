import fs from "node:fs/promises";
import path from "node:path";
import type { Edge, ExtractionWarning, Graph, ModuleNode } from "../../graph/graph.js";
import { buildFileEdges } from "./build-file-edges.js";
import { excludeMatcher } from "./exclude-matcher.js";
import { createFileProbe } from "./file-probe.js";
import { findWorkspacePackages } from "./find-workspace-packages.js";
import { isJavaScriptPath } from "./javascript-extensions.js";
import { loadTsConfigs } from "./load-ts-configs.js";
import { isSafeRepoPath } from "./repo-path.js";
import type { ResolveContext } from "./resolve-import.js";
import { runCruise } from "./run-cruise.js";

export interface ExtractJavaScriptOptions {
  /** A folder holding a materialised copy of the repository at one commit. Nothing in it runs. */
  readonly dir: string;
  /** Repo-relative paths (with `/`) of the JS and TS files to include. */
  readonly files: readonly string[];
  /** Globs of repo paths to leave out, as sources and as targets. */
  readonly exclude?: readonly string[];
  /**
   * For an incremental run: only these files are cruised and get edges and per-file warnings; all of
   * `files` still count as modules, targets and tsconfig locations, so repository-level warnings and
   * every resolution are those of a full run. The caller keeps the other files' edges from before.
   */
  readonly reextract?: readonly string[];
}

/**
 * The module graph of the given JS/TS files. dependency-cruiser finds and resolves imports; our own
 * parse gives each import statement its line, text, kind and suppression; our own resolver covers
 * what dependency-cruiser cannot see without node_modules (workspace packages) or without reading
 * every tsconfig (a package's own `paths`). Edges may point at files outside `files` (an unchanged
 * file when only changed ones are re-extracted) but never outside the checkout or into an excluded
 * path. Problems become warnings; this function does not throw for anything in the checkout.
 */
export async function extractJavaScript(options: ExtractJavaScriptOptions): Promise<Graph> {
  const dir = path.resolve(options.dir);
  const isFile = createFileProbe();
  const exclude = excludeMatcher(options.exclude ?? []);
  const { files, warnings } = selectFiles(dir, options.files, exclude.matches, isFile);
  const workspace = findWorkspacePackages(dir, isFile);
  const packageDirectories = [...workspace.byName.values()].map((found) => found.directory);
  const tsConfigs = loadTsConfigs(dir, files, packageDirectories, isFile);
  const wanted = options.reextract && new Set(options.reextract);
  const extracted = wanted ? files.filter((file) => wanted.has(file)) : files;
  const cruised = await runCruise({
    dir,
    files: extracted,
    excludePatterns: exclude.patterns,
    ...(tsConfigs.root ? { tsConfig: tsConfigs.root } : {}),
  });
  const context: ResolveContext = {
    dir,
    isFile,
    tsConfigs,
    packages: workspace.byName,
    isTarget: (repoPath) => isJavaScriptPath(repoPath) && !exclude.matches(repoPath),
  };
  const edges: Edge[] = [];
  warnings.push(...workspace.warnings, ...tsConfigs.warnings, ...cruised.warnings);
  for (const file of extracted) {
    const source = await fs.readFile(path.join(dir, file), "utf8");
    const found = buildFileEdges(context, file, source, cruised.dependencies.get(file) ?? []);
    edges.push(...found.edges);
    warnings.push(...found.warnings);
  }
  return { modules: files.map(moduleNode), edges, warnings };
}

function selectFiles(
  dir: string,
  requested: readonly string[],
  excluded: (repoPath: string) => boolean,
  isFile: (absolute: string) => boolean,
): { files: string[]; warnings: ExtractionWarning[] } {
  const files = new Set<string>();
  const warnings: ExtractionWarning[] = [];
  for (const listed of requested) {
    if (!isSafeRepoPath(listed)) continue;
    // `./src/a.ts` and `src/a.ts` are one module.
    const file = path.posix.normalize(listed);
    if (!isJavaScriptPath(file) || excluded(file)) continue;
    if (isFile(path.join(dir, file))) files.add(file);
    else warnings.push({ file, line: 1, message: "listed for analysis but not found" });
  }
  return { files: [...files].sort(), warnings };
}

function moduleNode(file: string): ModuleNode {
  return { id: file, path: file, language: "javascript" };
}
