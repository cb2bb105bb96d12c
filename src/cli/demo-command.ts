import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { demoBase, demoPullRequest } from "../demo/sample-shop.js";
import { verdictOf } from "../report/verdict.js";
import { reviewChanges } from "../review/review-changes.js";
import { checkoutBranch, commitFiles, initRepo } from "../workspace/scratch-repo.js";
import type { CliIo, ExitCode } from "./cli-io.js";
import { parseFormat, renderReport, reportFormats } from "./render-report.js";

/**
 * `archdrift demo`: builds the sample shop as a real git repository, opens a pull request branch on
 * it, and prints the review the bot would post. Exits 0: the drift it finds is the point of the demo.
 */
export async function demoCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseArgs({
    args: [...args],
    options: { format: { type: "string" }, keep: { type: "boolean" } },
    strict: true,
  });
  const format = parseFormat(values.format ?? "markdown", reportFormats);
  const dir = await mkdtemp(join(tmpdir(), "archdrift-demo-"));
  try {
    await initRepo(dir);
    await commitFiles(dir, demoBase, "Shop service: users, orders and payments");
    await checkoutBranch(dir, "charge-at-checkout", true);
    await commitFiles(dir, demoPullRequest, "Charge orders at checkout");
    io.stderr.write(
      `archdrift demo: sample repository in ${dir}, reviewing main...charge-at-checkout\n\n`,
    );
    const report = await reviewChanges({ repoDir: dir, base: "main", head: "charge-at-checkout" });
    io.stdout.write(renderReport(report, format, io));
    const verdict = verdictOf(report.findings);
    io.stderr.write(`\narchdrift demo: the check run would conclude "${verdict}"\n`);
    return 0;
  } finally {
    if (!values.keep) await rm(dir, { recursive: true, force: true });
  }
}
