import { setTimeout as sleep } from "node:timers/promises";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createBenchRepo, type BenchLanguage, type BenchRepo } from "./bench-repo.js";
import { benchSourceDir } from "./bench-paths.js";
import { markdownTable, type BenchRow } from "./markdown-table.js";
import { measureDependencyCruiser } from "./measure-dependency-cruiser.js";
import { measurePeakMemory } from "./measure-peak-memory.js";
import { measurePythonExtraction } from "./measure-python-extraction.js";
import { measureColdReview, measureWarmReview } from "./measure-review.js";
import { measureWebhookAck } from "./measure-webhook-ack.js";

/**
 * `npm run bench [-- --sizes 1000,5000] [--keep]`: generates repositories with real git history,
 * measures archdrift against its floors and against the tools a user would otherwise script, and
 * prints one markdown table (also written to bench/results.md).
 */
const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,5000,20000" },
    keep: { type: "boolean", default: false },
  },
});
const sizes = values.sizes.split(",").map((size) => {
  const modules = Number(size.trim());
  if (!Number.isInteger(modules) || modules < 200) throw new Error(`bad size '${size}'`);
  return modules;
});

/** The review floors are set on the 5,000-module repositories, the memory floor on 20,000. */
const reviewSize = 5000;
const memorySize = 20000;
/** dependency-cruiser takes minutes over 20,000 TypeScript files: the comparison stops at 5,000. */
const largestCruise = 5000;

const started = Date.now();
const parent = await mkdtemp(join(tmpdir(), "archdrift-bench-"));
const rows: BenchRow[] = [];
const progress = (message: string) =>
  process.stderr.write(
    `[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`,
  );
const count = (n: number) => n.toLocaleString("en-US");

try {
  for (const size of sizes) {
    const python = await generate("python", size);
    progress(`python ${count(size)}: full graph, archdrift and CPython ast`);
    const extraction = await measurePythonExtraction(python);
    const label = `Python full graph, ${count(size)} modules (${extraction.megabytes.toFixed(1)} MB)`;
    const speed = (throughput: { seconds: number; megabytesPerSecond: number }) =>
      `${throughput.seconds.toFixed(2)} s, ${throughput.megabytesPerSecond.toFixed(1)} MB/s`;
    const ratio = extraction.ast.seconds / extraction.archdrift.seconds;
    rows.push(
      {
        metric: `${label}: archdrift`,
        value: speed(extraction.archdrift),
        floor: "",
        pass: undefined,
      },
      { metric: `${label}: CPython ast`, value: speed(extraction.ast), floor: "", pass: undefined },
      {
        metric: `${label}: archdrift vs ast`,
        value: `${ratio.toFixed(2)}x faster`,
        floor: ">= 2x",
        pass: ratio >= 2,
      },
    );
    if (size === reviewSize) {
      progress(`python ${count(size)}: review of the 20-file pull request, warm and cold`);
      const warm = await measureWarmReview(python);
      const cold = await measureColdReview(python);
      rows.push(
        {
          metric: `Python ${count(size)}: review of a 20-file PR, warm base cache`,
          value: `${warm.seconds.toFixed(2)} s (${warm.findings} findings)`,
          floor: "< 1 s",
          pass: warm.seconds < 1,
        },
        {
          metric: `Python ${count(size)}: same review, nothing cached`,
          value: `${cold.seconds.toFixed(2)} s`,
          floor: "",
          pass: undefined,
        },
      );
    }
    if (size === memorySize) {
      progress(`python ${count(size)}: full review in a child process for its peak RSS`);
      const memory = await measurePeakMemory(python);
      rows.push({
        metric: `Python ${count(size)}: peak RSS of a full review (no cache)`,
        value: `${(memory.maxRssBytes / 2 ** 20).toFixed(0)} MiB in ${memory.seconds.toFixed(1)} s`,
        floor: "< 1 GB",
        pass: memory.maxRssBytes < 1e9,
      });
    }
    await discard(python);
    if (size > largestCruise) continue;
    const typescript = await generate("typescript", size);
    progress(`typescript ${count(size)}: dependency-cruiser over base and head`);
    const cruised = await measureDependencyCruiser(typescript);
    progress(`typescript ${count(size)}: archdrift review, warm base cache`);
    const review = await measureWarmReview(typescript);
    const speedup = cruised.seconds / review.seconds;
    rows.push(
      {
        metric: `TypeScript ${count(size)}: dependency-cruiser over base and head`,
        value: `${cruised.seconds.toFixed(2)} s`,
        floor: "",
        pass: undefined,
      },
      {
        metric: `TypeScript ${count(size)}: archdrift review, warm base cache`,
        value: `${review.seconds.toFixed(2)} s, ${speedup.toFixed(1)}x faster`,
        floor: size === reviewSize ? ">= 10x" : "",
        pass: size === reviewSize ? speedup >= 10 : undefined,
      },
    );
    await discard(typescript);
  }

  // The 20,000-module review just freed nearly a gigabyte: let the machine settle before timing
  // milliseconds, or the kernel's cleanup is measured as the server's latency.
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
  rows.push(
    { metric: `Webhook ack p50 (${acks})`, value: ms(ack.p50), floor: "", pass: undefined },
    { metric: `Webhook ack p95 (${acks})`, value: ms(ack.p95), floor: "", pass: undefined },
    {
      metric: `Webhook ack p99 (${acks})`,
      value: `${ms(ack.p99)}${late > 0 ? `; ${count(late)} not 200 (${statusList(ack.statuses)})` : ""}`,
      floor: "< 100 ms",
      pass: ack.p99 < 100 && late === 0,
    },
  );
} finally {
  if (values.keep) progress(`repositories kept in ${parent}`);
  else await rm(parent, { recursive: true, force: true });
}

const table = markdownTable(rows);
const machine = `${cpus().length} CPUs, Node ${process.version}`;
const minutes = ((Date.now() - started) / 60000).toFixed(1);
process.stdout.write(`${table}\n`);
await writeFile(
  join(benchSourceDir(), "results.md"),
  `# archdrift benchmark\n\n\`npm run bench\` on ${machine}, ${minutes} minutes.\n\n${table}\n`,
);
progress(`done; table written to bench/results.md`);

function statusList(statuses: Record<string, number>): string {
  return Object.entries(statuses)
    .filter(([status]) => status !== "200")
    .map(([status, times]) => `${count(times)} x ${status}`)
    .join(", ");
}

async function generate(language: BenchLanguage, size: number): Promise<BenchRepo> {
  progress(`${language} ${count(size)}: generating and committing`);
  return createBenchRepo(parent, language, size);
}

async function discard(repo: BenchRepo): Promise<void> {
  // Disk stays bounded by one repository at a time unless --keep asks for all of them.
  if (!values.keep) await rm(repo.dir, { recursive: true, force: true });
}
