import type { DriftReport } from "../drift/drift-report.js";
import { renderJson } from "../report/render-json.js";
import { renderMarkdown } from "../report/render-markdown.js";
import { renderSarif } from "../report/render-sarif.js";
import { renderText } from "../report/render-text.js";
import { UsageError, type CliIo } from "./cli-io.js";
import { toolVersion } from "./tool-version.js";

export const reportFormats = ["text", "markdown", "json", "sarif"] as const;
export type ReportFormat = (typeof reportFormats)[number];

export function parseFormat(value: string | undefined, allowed: readonly string[]): string {
  const format = value ?? allowed[0]!;
  if (!allowed.includes(format)) {
    throw new UsageError(`--format must be one of ${allowed.join(", ")}, got ${format}`);
  }
  return format;
}

export function renderReport(report: DriftReport, format: string, io: CliIo): string {
  switch (format) {
    case "markdown":
      return renderMarkdown(report, {});
    case "json":
      return renderJson(report);
    case "sarif":
      return renderSarif(report, { toolVersion });
    default:
      return renderText(report, { color: useColor(io) });
  }
}

/** Color only for a person at a terminal, and never when NO_COLOR is set (no-color.org). */
function useColor(io: CliIo): boolean {
  const env = io.env ?? {};
  if (env["NO_COLOR"] !== undefined && env["NO_COLOR"] !== "") return false;
  if (env["FORCE_COLOR"] !== undefined && env["FORCE_COLOR"] !== "0") return true;
  return io.stdout.isTTY === true;
}
