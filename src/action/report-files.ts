import { mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import type { DriftReport } from "../drift/drift-report.js";
import { renderJson } from "../report/render-json.js";
import { renderSarif } from "../report/render-sarif.js";

export interface ReportFiles {
  /** The `--format json` document, for later steps (the `report-json` output). */
  readonly json: string;
  readonly sarif?: string;
}

/** The JSON report in the runner's temp folder, and SARIF where the `sarif` input says. */
export async function writeReportFiles(
  report: DriftReport,
  options: { workspace: string; sarif: string | undefined; toolVersion: string },
  env: NodeJS.ProcessEnv,
): Promise<ReportFiles> {
  const json = join(env["RUNNER_TEMP"] || tmpdir(), "archdrift-report.json");
  await writeText(json, renderJson(report));
  if (options.sarif === undefined) return { json };
  const sarif = resolve(options.workspace, options.sarif);
  await writeText(sarif, renderSarif(report, { toolVersion: options.toolVersion }));
  return { json, sarif };
}

async function writeText(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}
