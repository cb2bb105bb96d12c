import { parseArgs } from "node:util";
import { formatNumber, withoutControls } from "../report/format.js";
import { renderGraphDot, renderGraphJson, renderGraphMermaid } from "../report/render-graph.js";
import { graphAt, type GraphAtCommit } from "../review/graph-at.js";
import { UsageError, type CliIo, type ExitCode } from "./cli-io.js";
import { parseFormat } from "./render-report.js";
import { repositoryDir } from "./repository-dir.js";
import { reviewBoundsFromEnv } from "./review-bounds.js";

const renderers = {
  json: renderGraphJson,
  mermaid: renderGraphMermaid,
  dot: renderGraphDot,
} as const;

/**
 * `archdrift graph`: every module and every edge at one commit, for people and other tools, under
 * the bounds a review applies. Files a bound left out are named on stderr whatever the format.
 */
export async function graphCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseArgs({
    args: [...args],
    options: { ref: { type: "string" }, repo: { type: "string" }, format: { type: "string" } },
    strict: true,
  });
  if (values.ref?.trim() === "")
    throw new UsageError("--ref is empty: name a branch, tag or commit SHA");
  const format = parseFormat(values.format, Object.keys(renderers)) as keyof typeof renderers;
  const repoDir = await repositoryDir(io, values.repo);
  const bounds = reviewBoundsFromEnv(io.env ?? {});
  const atCommit = await graphAt(repoDir, values.ref ?? "HEAD", bounds);
  io.stdout.write(renderers[format](atCommit.graph));
  io.stderr.write(warningLines(atCommit, format === "json"));
  return 0;
}

function warningLines({ graph, skipped }: GraphAtCommit, listedInOutput: boolean): string {
  const lines = skipped.map(
    ({ file, message }) => `archdrift: ${withoutControls(file)}: ${withoutControls(message)}\n`,
  );
  const others = graph.warnings.length - skipped.length;
  if (others > 0 && !listedInOutput) {
    lines.push(
      `archdrift: ${formatNumber(others)} more warning${others === 1 ? "" : "s"} about files read in part; --format json lists them\n`,
    );
  }
  return lines.join("");
}
