import { summary } from "@actions/core";

/**
 * The job summary: the check run's markdown, with what the Action could not do said below it.
 * Outside a runner (no GITHUB_STEP_SUMMARY) there is no summary to write.
 */
export async function writeStepSummary(
  markdown: string,
  notes: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<void> {
  if (!env["GITHUB_STEP_SUMMARY"]) return;
  const tail =
    notes.length === 0 ? "" : `\n\n---\n\n${notes.map((note) => `- ${note}`).join("\n")}`;
  await summary.addRaw(`${markdown}${tail}\n`).write();
}
