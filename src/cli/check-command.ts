import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { withoutControls } from "../report/format.js";
import { verdictOf } from "../report/verdict.js";
import { createGraphCache } from "../review/create-graph-cache.js";
import { reviewChanges } from "../review/review-changes.js";
import { UsageError, type CliIo, type ExitCode } from "./cli-io.js";
import { parseFormat, renderReport, reportFormats } from "./render-report.js";
import { repositoryDir } from "./repository-dir.js";
import { reviewBoundsFromEnv } from "./review-bounds.js";

const options = {
  base: { type: "string" },
  head: { type: "string" },
  repo: { type: "string" },
  format: { type: "string" },
  config: { type: "string" },
  "cache-dir": { type: "string" },
} as const;

/**
 * `archdrift check --base <ref>`: what a pull request from base to head does to the architecture.
 * `archdrift audit`: the same judgement over every import at one commit, as if all were new.
 */
export async function checkCommand(
  args: readonly string[],
  io: CliIo,
  audit: boolean,
): Promise<ExitCode> {
  const { values } = parseArgs({ args: [...args], options, strict: true, allowPositionals: false });
  if (!audit && values.base === undefined)
    throw new UsageError("check needs --base <ref>, the branch the pull request targets");
  refuseEmpty("--base", values.base);
  refuseEmpty("--head", values.head);
  const format = parseFormat(values.format, reportFormats);
  const repoDir = await repositoryDir(io, values.repo);
  const config = values.config ? await readConfig(resolve(io.cwd, values.config)) : undefined;
  const range = `${audit ? "" : `${values.base}...`}${values.head ?? "HEAD"}`;
  io.stderr.write(
    `archdrift: reviewing ${withoutControls(range)} in ${withoutControls(repoDir)}\n`,
  );
  const env = io.env ?? {};
  const { limits, maxParseMs } = reviewBoundsFromEnv(env);
  const cacheDir = await cacheDirOf(io, values["cache-dir"] ?? env["ARCHDRIFT_CACHE_DIR"]);
  const cache = cacheDir ? createGraphCache({ dir: cacheDir }) : undefined;
  const report = await reviewChanges({
    repoDir,
    base: audit ? undefined : values.base,
    head: values.head ?? "HEAD",
    ...(config ? { config } : {}),
    cache,
    limits,
    maxParseMs,
  }).finally(() => cache?.close());
  io.stdout.write(renderReport(report, format, io));
  return verdictOf(report.findings) === "failure" ? 1 : 0;
}

/** `--head ''` (an unset variable in a script) would otherwise read as a ref named nothing. */
function refuseEmpty(option: string, value: string | undefined): void {
  if (value !== undefined && value.trim() === "")
    throw new UsageError(`${option} is empty: name a branch, tag or commit SHA`);
}

/** A cache that cannot be written is skipped in silence, so a file named by mistake is said now. */
async function cacheDirOf(io: CliIo, value: string | undefined): Promise<string | undefined> {
  if (!value) return undefined;
  const dir = resolve(io.cwd, value);
  const isFile = await stat(dir).then(
    (stats) => !stats.isDirectory(),
    () => false,
  );
  if (isFile) throw new UsageError(`the cache folder ${dir} is a file, not a folder`);
  return dir;
}

async function readConfig(path: string): Promise<{ file: string; text: string }> {
  try {
    return { file: path, text: await readFile(path, "utf8") };
  } catch {
    throw new UsageError(`cannot read the config file ${path}`);
  }
}
