import { parseArgs } from "node:util";
import { renderGraphDot, renderGraphJson, renderGraphMermaid } from "../report/render-graph.js";
import { graphAt } from "../review/graph-at.js";
import type { CliIo, ExitCode } from "./cli-io.js";
import { parseFormat } from "./render-report.js";
import { repositoryDir } from "./repository-dir.js";

const renderers = {
  json: renderGraphJson,
  mermaid: renderGraphMermaid,
  dot: renderGraphDot,
} as const;

/** `archdrift graph`: every module and every edge at one commit, for people and other tools. */
export async function graphCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseArgs({
    args: [...args],
    options: { ref: { type: "string" }, repo: { type: "string" }, format: { type: "string" } },
    strict: true,
  });
  const format = parseFormat(values.format, Object.keys(renderers)) as keyof typeof renderers;
  const graph = await graphAt(await repositoryDir(io, values.repo), values.ref ?? "HEAD");
  io.stdout.write(renderers[format](graph));
  return 0;
}
