import type { ExtractionWarning } from "../../graph/graph.js";
import { readTsConfig } from "./read-ts-config.js";
import { ancestorDirectories, folderOf, isWithinFolder } from "./repo-path.js";
import type { TsConfigCoverage, TsPathsConfig } from "./ts-paths-config.js";

/** The tsconfig files of a checkout, keyed by the repo folder that holds them (`""` for the root). */
export interface TsConfigs {
  readonly byDirectory: ReadonlyMap<string, TsPathsConfig>;
  readonly warnings: readonly ExtractionWarning[];
}

/** Preferred first, as TypeScript's editors look for them. */
const configNames = ["tsconfig.json", "jsconfig.json"];

/** Every `tsconfig.json` and `jsconfig.json` among the commit's config texts (by repo path). */
export function loadTsConfigs(texts: ReadonlyMap<string, string>): TsConfigs {
  const byDirectory = new Map<string, TsPathsConfig>();
  const warnings: ExtractionWarning[] = [];
  const found = [...texts.keys()].filter(isConfigName).sort(byPreference);
  for (const file of found) {
    const folder = folderOf(file);
    if (byDirectory.has(folder) || file.split("/").includes("node_modules")) continue;
    const read = readTsConfig(texts, file);
    for (const warning of read.warnings) warnings.push(warning);
    if (read.config) byDirectory.set(folder, read.config);
  }
  return { byDirectory, warnings };
}

/**
 * The tsconfig that governs a file, as TypeScript's editors choose it: the nearest one in its folder
 * or above whose `files`, `include` and `exclude` cover it. A root tsconfig that includes only
 * `packages` says nothing about `docs/`, whatever its `paths` map.
 */
export function governingTsConfig(configs: TsConfigs, file: string): TsPathsConfig | undefined {
  for (const folder of ancestorDirectories(file)) {
    const config = configs.byDirectory.get(folder);
    if (config && covers(config.coverage, file)) return config;
  }
  return undefined;
}

function covers(coverage: TsConfigCoverage, file: string): boolean {
  if (coverage.files.includes(file)) return true;
  const within = (folder: string) => isWithinFolder(file, folder);
  return coverage.include.some(within) && !coverage.exclude.some(within);
}

function isConfigName(file: string): boolean {
  const name = file.slice(file.lastIndexOf("/") + 1);
  return configNames.includes(name);
}

/** By folder, and within one folder tsconfig.json before jsconfig.json. */
function byPreference(left: string, right: string): number {
  const rank = (file: string) => configNames.indexOf(file.slice(file.lastIndexOf("/") + 1));
  const [a, b] = [folderOf(left), folderOf(right)];
  return a < b ? -1 : a > b ? 1 : rank(left) - rank(right);
}
