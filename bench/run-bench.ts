import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { cpus, tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createBenchRepo, type BenchLanguage } from "./bench-repo.js";
import { benchSourceDir } from "./bench-paths.js";
import { markdownTable, type BenchRow } from "./markdown-table.js";
import { measureWebhookAck } from "./measure-webhook-ack.js";
import { benchRepo } from "./repo-benchmark.js";
import { benchStartup } from "./startup-benchmark.js";

/**
 * `npm run bench`: start-up, then generated Python and TypeScript repositories with real git
 * history, then webhook acknowledgements; `npm run bench -- --repo DIR --base A --head B` measures
 * one local clone the same way. Every figure is a whole process (start-up included) run in turn
 * with what it is compared to; the table goes to stdout and bench/results.md, and the exit status
 * is 1 when a floor fails.
 */
const { values } = parseArgs({
  options: {
    repo: { type: "string" },
    base: { type: "string" },
    head: { type: "string" },
    label: { type: "string" },
    runs: { type: "string", default: "5" },
    sizes: { type: "string", default: "1000,5000,20000,40000" },
    "ts-sizes": { type: "string", default: "1000" },
    "skip-webhooks": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`bad --runs '${values.runs}'`);

const started = Date.now();
const progress = (message: string) =>
  process.stderr.write(
    `[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`,
  );
const rows: BenchRow[] = values.repo ? await oneRepository(values.repo) : await generated();

const table = markdownTable(rows);
const machine = `${cpus().length} CPUs, Node ${process.version}`;
const minutes = ((Date.now() - started) / 60000).toFixed(1);
process.stdout.write(`${table}\n`);
await writeFile(
  join(benchSourceDir(), "results.md"),
  `# archdrift benchmark\n\n\`npm run bench\` on ${machine}, ${minutes} minutes.\n\n${table}\n`,
);
const failed = rows.filter((row) => row.pass === false);
progress(`done; table written to bench/results.md; ${failed.length} floor(s) failed`);
process.exitCode = failed.length > 0 ? 1 : 0;

async function oneRepository(dir: string): Promise<BenchRow[]> {
  if (!values.base || !values.head) throw new Error("--repo needs --base and --head");
  const repoDir = resolve(dir);
  const head = execFileSync("git", ["-C", repoDir, "rev-parse", "--short", values.head], {
    encoding: "utf8",
  }).trim();
  const label = values.label ?? `${basename(repoDir)}@${head}`;
  return benchRepo({ label, dir: repoDir, base: values.base, head: values.head, runs }, progress);
}

async function generated(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  progress("start-up: --help and a small check against node -e 0");
  rows.push(...(await benchStartup(runs * 2)));
  const parent = await mkdtemp(join(tmpdir(), "archdrift-bench-"));
  try {
    for (const [language, sizes] of [
      ["python", values.sizes],
      ["typescript", values["ts-sizes"]],
    ] as const) {
      for (const size of sizesOf(sizes))
        rows.push(...(await generatedRows(parent, language, size)));
    }
  } finally {
    if (values.keep) progress(`repositories kept in ${parent}`);
    else await rm(parent, { recursive: true, force: true });
  }
  if (!values["skip-webhooks"]) rows.push(...(await webhookRows()));
  return rows;
}

async function generatedRows(parent: string, language: BenchLanguage, size: number) {
  progress(`${language} ${count(size)}: generating and committing`);
  const repo = await createBenchRepo(parent, language, size);
  const label = `generated ${language === "python" ? "Python" : "TypeScript"} ${count(size)}`;
  // Large repositories take seconds a run: three runs keep the benchmark within minutes.
  const repoRuns = size > 10_000 ? Math.min(runs, 3) : runs;
  const rows = await benchRepo(
    { label, dir: repo.dir, base: repo.base, head: repo.head, runs: repoRuns },
    progress,
  );
  if (!values.keep) await rm(repo.dir, { recursive: true, force: true });
  return rows;
}

async function webhookRows(): Promise<BenchRow[]> {
  // The large repositories just freed memory: let the machine settle before timing milliseconds.
  await sleep(5_000);
  progress("webhooks: up to 20 rounds of 50 concurrent deliveries (30 s budget)");
  const ack = await measureWebhookAck({
    concurrency: 50,
    rounds: 20,
    installations: "distinct",
    budgetMs: 30_000,
  });
  const ms = (value: number) => `${count(Math.round(value))} ms`;
  const acks = `${count(ack.deliveries)} deliveries, 50 at once`;
  const late = ack.deliveries - (ack.statuses["200"] ?? 0);
  return [
    { metric: `Webhook ack p50 (${acks})`, value: ms(ack.p50), floor: "", pass: undefined },
    { metric: `Webhook ack p95 (${acks})`, value: ms(ack.p95), floor: "", pass: undefined },
    {
      metric: `Webhook ack p99 (${acks})`,
      value: `${ms(ack.p99)}${late > 0 ? `; ${count(late)} not 200 (${statusList(ack.statuses)})` : ""}`,
      floor: "< 100 ms",
      pass: ack.p99 < 100 && late === 0,
    },
  ];
}

function sizesOf(list: string): number[] {
  return list
    .split(",")
    .filter((size) => size.trim() !== "")
    .map((size) => {
      const modules = Number(size.trim());
      if (!Number.isInteger(modules) || modules < 200) throw new Error(`bad size '${size}'`);
      return modules;
    });
}

function statusList(statuses: Record<string, number>): string {
  return Object.entries(statuses)
    .filter(([status]) => status !== "200")
    .map(([status, times]) => `${count(times)} x ${status}`)
    .join(", ");
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}
