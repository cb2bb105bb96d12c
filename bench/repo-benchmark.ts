import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { archdrift, benchSourceDir, dependencyCruiserCli } from "./bench-paths.js";
import type { BenchRow } from "./markdown-table.js";
import { newestPython } from "./newest-python.js";
import { javascriptScannerAgreementRow } from "./javascript-scanner-agreement.js";
import { scannerAgreementRow } from "./scanner-agreement.js";
import { measureInTurn, medianRatio, type Command, type ProcessFigures } from "./process-runs.js";

const run = promisify(execFile);

export interface RepoUnderBench {
  /** How the table names it: "saleor@723cd4e", "generated Python, 5,000 modules". */
  readonly label: string;
  readonly dir: string;
  readonly base: string;
  readonly head: string;
  readonly runs: number;
}

interface Module {
  readonly id: string;
  readonly path: string;
  readonly language: string;
}

const mib = 2 ** 20;
/** Goal 2's floors hold for projects of this size; larger ones are shown for context. */
const memoryFloorModules = 3_000;

/**
 * Every whole-process comparison on one repository, as a user runs the tools: the Python graph
 * against a CPython `ast` extractor, reviews warm and cold, the cache's size, and JavaScript or
 * TypeScript against one dependency-cruiser run.
 */
export async function benchRepo(repo: RepoUnderBench, progress: (line: string) => void) {
  const work = await mkdtemp(join(tmpdir(), "archdrift-bench-run-"));
  try {
    const checkout = join(work, "head");
    await exportCommit(repo.dir, repo.head, checkout);
    const modules = await graphModules(repo, join(work, "graph.json"));
    const python = modules.filter((module) => module.language === "python");
    const javascript = modules.filter((module) => module.language !== "python");
    const rows: BenchRow[] = [];
    const reviews = await measureReviews(repo, work, progress);
    if (python.length > 0) {
      rows.push(...(await pythonRows(repo, { work, checkout, python, reviews }, progress)));
      progress(`${repo.label}: fast scanner against tree-sitter on every module`);
      const paths = python.map((module) => module.path);
      rows.push(await scannerAgreementRow(`${repo.label}, Python`, checkout, paths));
    }
    if (javascript.length > 0) {
      rows.push(...(await javascriptRows(repo, { checkout, javascript, reviews }, progress)));
      progress(`${repo.label}: JS/TS fast scanner against TypeScript's parser on every module`);
      const paths = javascript.map((module) => module.path);
      rows.push(await javascriptScannerAgreementRow(`${repo.label}, JS/TS`, checkout, paths));
    }
    rows.push(...(await cacheRows(repo, { work, checkout, modules, reviews })));
    return rows;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

interface Reviews {
  readonly warm: ProcessFigures;
  readonly cold: ProcessFigures;
  readonly cacheDir: string;
}

/**
 * `check` with its cache folder emptied before each run, and with the cache of an earlier run of
 * the same base, in turn. The warm one runs with 256 open files at most: a store that opened a
 * file per source file would fail there.
 */
async function measureReviews(
  repo: RepoUnderBench,
  work: string,
  progress: (line: string) => void,
): Promise<Reviews> {
  progress(`${repo.label}: check, warm and cold`);
  const warmDir = join(work, "cache-warm");
  const coldDir = join(work, "cache-cold");
  const check = (cacheDir: string) =>
    archdrift(["check", "--repo", repo.dir, "--base", repo.base, "--head", repo.head]).concat([
      "--cache-dir",
      cacheDir,
      "--format",
      "json",
    ]);
  await mkdir(warmDir, { recursive: true });
  const [warm, cold] = await measureInTurn(
    [
      { argv: check(warmDir), nofile: 256 },
      {
        argv: check(coldDir),
        before: async () => {
          await rm(coldDir, { recursive: true, force: true });
          await mkdir(coldDir, { recursive: true });
        },
      },
    ],
    repo.runs,
  );
  return { warm: warm!, cold: cold!, cacheDir: warmDir };
}

async function pythonRows(
  repo: RepoUnderBench,
  context: { work: string; checkout: string; python: readonly Module[]; reviews: Reviews },
  progress: (line: string) => void,
): Promise<BenchRow[]> {
  const { work, checkout, python, reviews } = context;
  const interpreter = newestPython();
  progress(`${repo.label}: Python graph against CPython ${interpreter.version} ast`);
  const listing = join(work, "python-modules.tsv");
  await writeFile(listing, python.map((module) => `${module.id}\t${module.path}\n`).join(""));
  const extractor = join(benchSourceDir(), "python-ast-imports.py");
  const [graph, ast] = await measureInTurn(
    [
      { argv: archdrift(["graph", "--repo", repo.dir, "--ref", repo.head, "--format", "json"]) },
      { argv: [interpreter.path, extractor, checkout, listing] },
    ],
    repo.runs,
  );
  const speedup = 1 / medianRatio(graph!, ast!);
  const small = python.length <= memoryFloorModules;
  const name = `${repo.label}, Python (${count(python.length)} modules)`;
  const warmShare = reviews.warm.wall / ast!.wall;
  return [
    context_(`${name}: \`graph\``, figures(graph!)),
    context_(`${name}: CPython ${interpreter.version} ast extractor`, figures(ast!)),
    floor(
      `${name}: \`graph\` vs ast extractor`,
      `${speedup.toFixed(2)}x faster`,
      ">= 2x",
      speedup >= 2,
    ),
    small
      ? floor(
          `${name}: \`graph\` peak RSS`,
          `${mibOf(graph!)} MiB`,
          "< 120 MiB",
          graph!.maxRssBytes < 120 * mib,
        )
      : context_(`${name}: \`graph\` peak RSS`, `${mibOf(graph!)} MiB`),
    floor(
      `${name}: warm \`check\` vs ast full scan`,
      `${seconds(reviews.warm.wall)}, ${(100 * warmShare).toFixed(0)}% of ${seconds(ast!.wall)}`,
      "< 25%",
      warmShare < 0.25,
    ),
  ];
}

async function javascriptRows(
  repo: RepoUnderBench,
  context: { checkout: string; javascript: readonly Module[]; reviews: Reviews },
  progress: (line: string) => void,
): Promise<BenchRow[]> {
  const { checkout, javascript, reviews } = context;
  progress(`${repo.label}: one dependency-cruiser run on the head`);
  const [cruise] = await measureInTurn(
    [await dependencyCruiserRun(checkout, javascript)],
    repo.runs,
  );
  const name = `${repo.label}, JS/TS (${count(javascript.length)} modules)`;
  const warmSpeedup = cruise!.wall / reviews.warm.wall;
  const coldShare = reviews.cold.wall / cruise!.wall;
  return [
    context_(`${name}: one \`depcruise\` run on the head`, figures(cruise!)),
    floor(
      `${name}: warm \`check\` vs \`depcruise\``,
      `${warmSpeedup.toFixed(2)}x faster`,
      ">= 5x",
      warmSpeedup >= 5,
    ),
    floor(
      `${name}: cold \`check\` vs \`depcruise\``,
      `${coldShare.toFixed(2)}x its time`,
      "<= 1x",
      coldShare <= 1,
    ),
  ];
}

/**
 * dependency-cruiser as a user would configure it for this job: TypeScript's pre-compilation
 * imports, the repository's tsconfig, node_modules not followed, and no analysis that no rule asks
 * for (`skipAnalysisNotInRules`): one run over the folders that hold the modules.
 */
async function dependencyCruiserRun(
  checkout: string,
  modules: readonly Module[],
): Promise<Command> {
  const config = join(checkout, ".archdrift-bench-depcruise.cjs");
  const tsConfig = join(checkout, "tsconfig.json");
  const hasTsConfig = await stat(tsConfig).then(
    () => true,
    () => false,
  );
  const options = {
    tsPreCompilationDeps: true,
    doNotFollow: { path: "node_modules" },
    skipAnalysisNotInRules: true,
    ...(hasTsConfig ? { tsConfig: { fileName: tsConfig } } : {}),
  };
  await writeFile(config, `module.exports = ${JSON.stringify({ options })};\n`);
  const roots = [...new Set(modules.map((module) => module.path.split("/")[0]!))].sort();
  return {
    argv: [
      process.execPath,
      dependencyCruiserCli(),
      "--config",
      config,
      "--output-type",
      "json",
      ...roots,
    ],
    cwd: checkout,
  };
}

async function cacheRows(
  repo: RepoUnderBench,
  context: { work: string; checkout: string; modules: readonly Module[]; reviews: Reviews },
): Promise<BenchRow[]> {
  const { checkout, modules, reviews } = context;
  const source = await totalSize(modules.map((module) => join(checkout, module.path)));
  const cache = await folderSize(reviews.cacheDir);
  return [
    context_(`${repo.label}: \`check\` with nothing cached`, figures(reviews.cold)),
    floor(
      `${repo.label}: warm \`check\` (at most 256 open files) vs cold`,
      `${seconds(reviews.warm.wall)} vs ${seconds(reviews.cold.wall)}, ${mibOf(reviews.warm)} MiB`,
      "warm <= cold",
      reviews.warm.wall <= reviews.cold.wall,
    ),
    floor(
      `${repo.label}: cache on disk vs the source it stands for`,
      `${(cache / mib).toFixed(1)} MiB vs ${(source / mib).toFixed(1)} MiB`,
      "<= source",
      cache <= source,
    ),
  ];
}

async function exportCommit(repoDir: string, commit: string, into: string): Promise<void> {
  await mkdir(into, { recursive: true });
  const archive = join(into, "..", "head.tar");
  await run("git", ["-C", repoDir, "archive", "--format=tar", "-o", archive, commit]);
  await run("tar", ["-xf", archive, "-C", into]);
  await rm(archive);
}

async function graphModules(repo: RepoUnderBench, output: string): Promise<Module[]> {
  const [node, ...args] = archdrift(["graph", "--repo", repo.dir, "--ref", repo.head]);
  const { stdout } = await run(node!, [...args, "--format", "json"], { maxBuffer: 1 << 30 });
  await writeFile(output, stdout);
  const graph = JSON.parse(await readFile(output, "utf8")) as { modules: Module[] };
  return graph.modules;
}

async function totalSize(files: readonly string[]): Promise<number> {
  let total = 0;
  for (const file of files) total += (await stat(file).catch(() => ({ size: 0 }))).size;
  return total;
}

async function folderSize(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return totalSize(
    entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name)),
  );
}

function figures(one: ProcessFigures): string {
  return `${seconds(one.wall)} (cpu ${seconds(one.cpu)}), ${mibOf(one)} MiB`;
}

function seconds(value: number): string {
  return `${value.toFixed(2)} s`;
}

function mibOf(one: ProcessFigures): string {
  return (one.maxRssBytes / mib).toFixed(0);
}

function count(value: number): string {
  return value.toLocaleString("en-US");
}

function context_(metric: string, value: string): BenchRow {
  return { metric, value, floor: "", pass: undefined };
}

function floor(metric: string, value: string, target: string, pass: boolean): BenchRow {
  return { metric, value, floor: target, pass };
}
