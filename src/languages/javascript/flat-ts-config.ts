import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { toRepoPath } from "./repo-path.js";
import type { TsPathsConfig } from "./ts-paths-config.js";

export interface FlatTsConfig {
  readonly fileName: string;
  /** What dependency-cruiser wants as the parsed tsconfig (`transpileOptions.tsConfig`). */
  readonly parsed: { readonly options: { baseUrl: string; paths: Record<string, string[]> } };
  readonly remove: () => Promise<void>;
}

/**
 * Writes the root tsconfig's `paths`, made absolute and without `extends`, to a temporary file
 * outside the checkout, because dependency-cruiser hands `tsConfig.fileName` to
 * tsconfig-paths-webpack-plugin, which reads the file itself:
 * - it follows `extends` with its own loader (JSON only, but to any path, outside the checkout too)
 *   and throws on a file it cannot parse, which would stop the whole run;
 * - with no `baseUrl`, dependency-cruiser passes it `./`, which means the server's working folder.
 * A flat file with absolute targets and an absolute `baseUrl` avoids all three. Targets outside the
 * checkout are dropped.
 */
export async function writeFlatTsConfig(dir: string, config: TsPathsConfig): Promise<FlatTsConfig> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), "archdrift-tsconfig-"));
  const fileName = path.join(folder, "tsconfig.json");
  // With no baseUrl in the original, an empty temporary folder stands in: TypeScript then resolves
  // no bare specifier against a base, and neither does the plugin's catch-all `*` pattern.
  const baseUrl = config.baseUrl ?? folder;
  const paths = absolutePaths(dir, config);
  await fs.writeFile(fileName, JSON.stringify({ compilerOptions: { baseUrl, paths } }));
  return {
    fileName,
    parsed: { options: { baseUrl, paths } },
    remove: () => fs.rm(folder, { recursive: true, force: true }),
  };
}

function absolutePaths(dir: string, config: TsPathsConfig): Record<string, string[]> {
  const paths: Record<string, string[]> = {};
  for (const [pattern, targets] of Object.entries(config.paths)) {
    const inside = targets
      .map((target) => path.resolve(config.pathsBase, target))
      .filter((target) => toRepoPath(dir, target) !== undefined || target === path.resolve(dir));
    if (inside.length > 0) paths[pattern] = inside;
  }
  return paths;
}
