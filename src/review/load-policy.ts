import { defaultPolicy } from "../policy/default-policy.js";
import type { ConfigError, Policy } from "../policy/policy.js";
import type { Snapshot } from "../workspace/snapshot.js";
import { ConfigProblem } from "./config-problem.js";

export const configPaths = [".github/archdrift.yml", ".github/archdrift.yaml"] as const;

/** A config file given explicitly (`--config`), read by the caller. */
export interface ConfigFile {
  readonly file: string;
  readonly text: string;
}

export type ConfigSource = Snapshot | ConfigFile;

export interface LoadedPolicy {
  readonly policy: Policy;
  /** The head edits the config: it is not used, and the report says so. */
  readonly changedByHead: boolean;
}

/**
 * The policy always comes from the base commit (or an explicit file): a pull request cannot weaken
 * its own review by editing the config.
 */
export async function loadPolicy(
  source: ConfigSource,
  head: Snapshot,
  /** A config at another path of the commit (the Action's `config` input): it must exist. */
  path?: string,
): Promise<LoadedPolicy> {
  const paths = path === undefined ? configPaths : [path];
  const config = "text" in source ? source : await configFileOf(source, paths);
  if ("sha" in source && path !== undefined && config === undefined)
    throw new ConfigProblem([{ file: path, line: 1, message: missingConfig(source) }]);
  return {
    policy: config === undefined ? defaultPolicy() : await parsedPolicy(config),
    changedByHead: "sha" in source && configChanged(source, head, paths),
  };
}

/**
 * The YAML reader and the schema (zod) are loaded only for a config that exists: together they are
 * about 20 MiB and a tenth of a second of start-up that a repository without one never needs.
 */
async function parsedPolicy(config: ConfigFile): Promise<Policy> {
  const { parsePolicy } = await import("../policy/parse-policy.js");
  const parsed = parsePolicy(config.text, config.file);
  if (!parsed.ok) throw new ConfigProblem(parsed.errors);
  return parsed.policy;
}

/**
 * The commit's config file. One that is there but cannot be read (a symlink, a folder, a file too
 * large) is an error that names it: reviewing with the defaults instead would check nothing the
 * team wrote and look like a pass.
 */
async function configFileOf(
  snapshot: Snapshot,
  paths: readonly string[],
): Promise<ConfigFile | undefined> {
  for (const path of paths) {
    if (snapshot.files.some((entry) => entry.path === path)) {
      const text = (await snapshot.readText([path])).get(path) ?? "";
      return { file: path, text };
    }
    const why = snapshot.whyNotAFile?.(path);
    if (why !== undefined) throw new ConfigProblem([unreadableConfig(path, why)]);
  }
  return undefined;
}

function unreadableConfig(file: string, why: string): ConfigError {
  return {
    file,
    line: 1,
    message: `the config cannot be read (${why}): archdrift reads it only from a regular file and will not review with its defaults in its place`,
  };
}

function missingConfig(snapshot: Snapshot): string {
  return `no such file in the base commit ${snapshot.sha.slice(0, 7)}: the config is read from the commit the pull request is compared with, never from the pull request`;
}

function configChanged(base: Snapshot, head: Snapshot, paths: readonly string[]): boolean {
  if (base === head) return false;
  const blob = (snapshot: Snapshot, path: string): string | undefined =>
    snapshot.files.find((entry) => entry.path === path)?.sha;
  return paths.some((path) => blob(base, path) !== blob(head, path));
}
