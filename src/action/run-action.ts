import { info, setFailed, setOutput } from "@actions/core";
import type { DriftReport } from "../drift/drift-report.js";
import { checkRunResultOf } from "../publish/check-run-result.js";
import type { CheckRunResult } from "../publish/complete-check-run.js";
import type { PublishTarget } from "../publish/publishing-octokit.js";
import { renderText } from "../report/render-text.js";
import { summarize } from "../report/verdict.js";
import { toolVersion } from "../review/analyser-version.js";
import { reviewChanges } from "../review/review-changes.js";
import { maxParseMsFromEnv } from "../review/review-settings.js";
import { completeCheckout } from "../workspace/complete-checkout.js";
import { workspaceLimitsFromEnv } from "../workspace/workspace-limits.js";
import { readEvent, type ReviewEvent } from "./action-event.js";
import { readInputs, type ActionInputs, type FailOn } from "./action-inputs.js";
import { actionOctokit, type ActionOctokit } from "./action-octokit.js";
import { deliverResult, openCheckRun, type CheckRunOutlet } from "./check-run-outlet.js";
import { postComments } from "./post-comments.js";
import { writeReportFiles } from "./report-files.js";
import { reviewFailure } from "./review-failure.js";
import { writeStepSummary } from "./step-summary.js";

/** One run of the Action: what it reviews, where the verdict goes, what the summary adds. */
interface ActionRun {
  readonly event: ReviewEvent;
  readonly inputs: ActionInputs;
  readonly workspace: string;
  readonly env: NodeJS.ProcessEnv;
  readonly octokit: ActionOctokit;
  readonly outlet: CheckRunOutlet;
  readonly target: PublishTarget;
  readonly notes: string[];
}

/**
 * The Action from event to exit code: the same review, check run and comments as the App, with
 * the workflow's checkout and token. Returns the process's exit code.
 */
export async function runAction(env: NodeJS.ProcessEnv): Promise<number> {
  const inputs = readInputs();
  const event = await readEvent(env);
  if (event.kind === "nothing") {
    info(`archdrift: nothing to review: ${event.reason}.`);
    await writeStepSummary(`### ✅ archdrift: nothing to review\n\n${event.reason}.`, [], env);
    setOutputs("success", 0, 0);
    return 0;
  }
  const workspace = env["GITHUB_WORKSPACE"] || process.cwd();
  const octokit = actionOctokit(inputs.token, env, toolVersion);
  const target = { owner: event.owner, repo: event.repo, headSha: event.headSha };
  const outlet = await openCheckRun(octokit, target, inputs.checkRun);
  const run = {
    event,
    inputs,
    workspace,
    env,
    octokit,
    outlet,
    target,
    notes: outletNotes(outlet),
  };
  let report: DriftReport;
  try {
    report = await review(run);
  } catch (error) {
    return await reviewFailed(run, error);
  }
  await publish(run, report);
  return exitCode(report, inputs.failOn);
}

function outletNotes(outlet: CheckRunOutlet): string[] {
  if (outlet.kind === "check-run") return outlet.url ? [`Check run: ${outlet.url}`] : [];
  return outlet.note ? [outlet.note] : [];
}

async function review({ event, inputs, workspace, env }: ActionRun): Promise<DriftReport> {
  const subject = event.pullNumber === undefined ? event.name : `pull request #${event.pullNumber}`;
  info(
    `archdrift: reviewing ${event.baseSha.slice(0, 7)}...${event.headSha.slice(0, 7)} (${subject})`,
  );
  const { fetched } = await completeCheckout({
    repoDir: workspace,
    repoFullName: `${event.owner}/${event.repo}`,
    cloneUrl: event.cloneUrl,
    token: inputs.token,
    baseSha: event.baseSha,
    headSha: event.headSha,
    pullNumber: event.pullNumber,
  });
  if (fetched.length > 0) info(`archdrift: fetched ${fetched.join(", ")}`);
  return reviewChanges({
    repoDir: workspace,
    base: event.baseSha,
    head: event.headSha,
    configPath: inputs.config,
    repoId: `${event.owner}/${event.repo}`,
    limits: workspaceLimitsFromEnv(env),
    maxParseMs: maxParseMsFromEnv(env),
  });
}

async function publish(run: ActionRun, report: DriftReport): Promise<void> {
  const { event, inputs, workspace, env } = run;
  const files = await writeReportFiles(
    report,
    { workspace, sarif: inputs.sarif, toolVersion },
    env,
  );
  if (inputs.comments && event.pullNumber !== undefined) {
    const pull = { ...run.target, pullNumber: event.pullNumber };
    const note = await postComments(run.octokit, pull, report);
    if (note) run.notes.push(note);
  }
  const result = checkRunResultOf(report);
  await finish(run, result, result.summary);
  const summary = summarize(report.findings);
  setOutputs(result.conclusion, summary.errors, summary.warnings, files.json);
  info(renderText(report, { color: true }));
}

/** The check run and the summary say why, and the step fails whatever `fail-on` says. */
async function reviewFailed(run: ActionRun, error: unknown): Promise<number> {
  const known = reviewFailure(error);
  const result = known ?? unexpected(error);
  await finish(run, result, `### ❌ ${result.title}\n\n${result.summary}`).catch(
    (failure: unknown) => info(`archdrift: could not report the failure: ${String(failure)}`),
  );
  setOutputs("failure", 0, 0);
  if (!known) throw error;
  setFailed(`archdrift: ${result.title}. ${result.summary}`);
  return 1;
}

function unexpected(error: unknown): CheckRunResult {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    conclusion: "failure",
    title: "archdrift could not complete the review",
    summary: `The review stopped with an error, so this check cannot pass. Re-run the job; if it keeps failing, report it with the job's log.\n\n\`\`\`\n${reason.slice(0, 2000)}\n\`\`\``,
  };
}

async function finish(run: ActionRun, result: CheckRunResult, markdown: string): Promise<void> {
  const hidden = await deliverResult(run.octokit, run.outlet, run.target, result);
  await writeStepSummary(markdown, hidden ? [...run.notes, hidden] : run.notes, run.env);
}

function setOutputs(conclusion: string, errors: number, warnings: number, reportJson = ""): void {
  setOutput("conclusion", conclusion);
  setOutput("errors", errors);
  setOutput("warnings", warnings);
  setOutput("report-json", reportJson);
}

function exitCode(report: DriftReport, failOn: FailOn): number {
  const { errors, warnings } = summarize(report.findings);
  const failing = failOn === "error" ? errors : failOn === "warning" ? errors + warnings : 0;
  if (failing === 0) return 0;
  const level = failOn === "error" ? "error" : "error or warning";
  const findings = `${failing} finding${failing === 1 ? "" : "s"}`;
  setFailed(`archdrift: ${findings} at ${level} level (fail-on: ${failOn})`);
  return 1;
}
