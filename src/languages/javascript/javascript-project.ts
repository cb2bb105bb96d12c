import type { ExtractionWarning } from "../../graph/graph.js";
import { findWorkspace, type Workspace } from "./find-workspace-packages.js";
import { loadTsConfigs, type TsConfigs } from "./load-ts-configs.js";

/**
 * What resolving the imports of one commit needs, all in memory: nothing here reads a file system,
 * so no import, `paths` target or `baseUrl` can make archdrift look outside the commit, and a probe
 * that fails is a lookup that answers no, never an error.
 */
export interface JavaScriptProject {
  /** Whether the commit holds this file (any file: a stylesheet, a font, an excluded test). */
  readonly exists: (repoPath: string) => boolean;
  /** Whether the file is a module under review, which an edge may point at. */
  readonly isModule: (repoPath: string) => boolean;
  readonly workspace: Workspace;
  readonly tsConfigs: TsConfigs;
  /** Problems with the workspace and tsconfig files themselves. */
  readonly warnings: readonly ExtractionWarning[];
}

export interface ProjectInput {
  /** Every file path of the commit. */
  readonly paths: Iterable<string>;
  /** The JS and TS files under review (after the excludes). */
  readonly modules: Iterable<string>;
  /** Texts of the files that steer resolution: package.json, tsconfig and jsconfig files, pnpm-workspace.yaml. */
  readonly support: ReadonlyMap<string, string>;
}

export function javascriptProject(input: ProjectInput): JavaScriptProject {
  const paths = new Set(input.paths);
  const modules = new Set(input.modules);
  const workspace = findWorkspace(input.support);
  const tsConfigs = loadTsConfigs(input.support);
  return {
    exists: (repoPath) => paths.has(repoPath),
    isModule: (repoPath) => modules.has(repoPath),
    workspace,
    tsConfigs,
    warnings: [...workspace.warnings, ...tsConfigs.warnings],
  };
}
