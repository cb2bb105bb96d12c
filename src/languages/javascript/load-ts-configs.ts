import path from "node:path";
import type { ExtractionWarning } from "../../graph/graph.js";
import type { IsFile } from "./file-probe.js";
import { readTsConfig } from "./read-ts-config.js";
import { ancestorDirectories } from "./repo-path.js";
import type { TsPathsConfig } from "./ts-paths-config.js";

/** The tsconfig files of a checkout, keyed by the repo folder that holds them (`""` for the root). */
export interface TsConfigs {
  readonly root?: TsPathsConfig;
  readonly byDirectory: ReadonlyMap<string, TsPathsConfig>;
  readonly warnings: readonly ExtractionWarning[];
}

const configNames = ["tsconfig.json", "jsconfig.json"];

/**
 * Looks for a tsconfig in every folder that holds (or is above) a source file, and in each
 * workspace package: one stat per folder, where walking the whole tree could cost seconds.
 */
export function loadTsConfigs(
  dir: string,
  files: readonly string[],
  packageDirectories: readonly string[],
  isFile: IsFile,
): TsConfigs {
  const directories = new Set<string>(["", ...packageDirectories]);
  for (const file of files) for (const folder of ancestorDirectories(file)) directories.add(folder);
  const byDirectory = new Map<string, TsPathsConfig>();
  const warnings: ExtractionWarning[] = [];
  for (const folder of directories) {
    const name = configNames.find((candidate) => isFile(path.join(dir, folder, candidate)));
    if (name === undefined) continue;
    const read = readTsConfig(dir, folder === "" ? name : `${folder}/${name}`);
    warnings.push(...read.warnings);
    if (read.config) byDirectory.set(folder, read.config);
  }
  const root = byDirectory.get("");
  return root ? { root, byDirectory, warnings } : { byDirectory, warnings };
}

/** The tsconfig that governs a file: the nearest one in its folder or above. */
export function nearestTsConfig(configs: TsConfigs, file: string): TsPathsConfig | undefined {
  for (const folder of ancestorDirectories(file)) {
    const config = configs.byDirectory.get(folder);
    if (config) return config;
  }
  return undefined;
}
