import type { DriftReport } from "../drift/drift-report.js";
import type { Finding } from "../drift/finding.js";
import {
  fingerprintsOf,
  renderResolvedComment,
  renderReviewComment,
  resolvedMarker,
} from "../report/render-review-comment.js";
import { commentableLines } from "./diff-lines.js";
import type { PublishingOctokit, PublishTarget, PullTarget } from "./publishing-octokit.js";

/** More comments in one review trip GitHub's abuse limits; the rest stay in the check run. */
export const maxCommentsPerReview = 30;

export interface ReviewOutcome {
  readonly posted: number;
  readonly resolved: number;
  /** Import lines with errors that got no comment: outside the diff, or past the cap. */
  readonly notCommented: number;
}

interface ExistingComment {
  readonly id: number;
  readonly body: string;
  readonly fingerprints: readonly string[];
}

/** The error findings on one import line: one comment. */
interface LineFindings {
  readonly file: string;
  readonly line: number;
  readonly findings: readonly Finding[];
}

/**
 * One review per head commit with a comment on each import line that introduced an error, never
 * repeating a comment already there, and marking earlier comments resolved once their import no
 * longer introduces drift.
 */
export async function publishReview(
  octokit: PublishingOctokit,
  target: PullTarget,
  report: DriftReport,
): Promise<ReviewOutcome> {
  const errors = report.findings.filter(
    (finding) => finding.severity === "error" && !finding.suppressed,
  );
  const [diff, existing] = await Promise.all([
    diffLines(octokit, target),
    ourComments(octokit, target),
  ]);
  const active = existing.filter((comment) => !comment.body.includes(resolvedMarker));
  const present = new Set(active.flatMap((comment) => comment.fingerprints));
  const wanted = new Set(errors.map((finding) => finding.fingerprint));
  const lines = byLine(errors);
  const fresh = lines.filter((group) =>
    group.findings.some((finding) => !present.has(finding.fingerprint)),
  );
  const commentable = fresh.filter((group) => diff.get(group.file)?.has(group.line));
  const toPost = commentable.slice(0, maxCommentsPerReview);
  const stale = active.filter((comment) =>
    comment.fingerprints.every((fingerprint) => !wanted.has(fingerprint)),
  );
  for (const comment of stale) await resolveComment(octokit, target, comment);
  if (toPost.length > 0)
    await createReview(octokit, target, toPost, commentable.length - toPost.length);
  return {
    posted: toPost.length,
    resolved: stale.length,
    notCommented: fresh.length - toPost.length,
  };
}

function byLine(findings: readonly Finding[]): LineFindings[] {
  const groups = new Map<string, { file: string; line: number; findings: Finding[] }>();
  for (const finding of findings) {
    const key = `${finding.file}:${finding.line}`;
    const group = groups.get(key) ?? { file: finding.file, line: finding.line, findings: [] };
    group.findings.push(finding);
    groups.set(key, group);
  }
  return [...groups.values()];
}

async function diffLines(
  octokit: PublishingOctokit,
  target: PullTarget,
): Promise<Map<string, Set<number>>> {
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
    owner: target.owner,
    repo: target.repo,
    pull_number: target.pullNumber,
    per_page: 100,
  });
  return new Map(files.map((file) => [file.filename, commentableLines(file.patch)]));
}

async function ourComments(
  octokit: PublishingOctokit,
  target: PullTarget,
): Promise<ExistingComment[]> {
  const comments = await octokit.paginate(octokit.rest.pulls.listReviewComments, {
    owner: target.owner,
    repo: target.repo,
    pull_number: target.pullNumber,
    per_page: 100,
  });
  return comments.flatMap((comment) => {
    const fingerprints = comment.user?.type === "Bot" ? fingerprintsOf(comment.body) : [];
    return fingerprints.length === 0 ? [] : [{ id: comment.id, body: comment.body, fingerprints }];
  });
}

async function resolveComment(
  octokit: PublishingOctokit,
  target: PublishTarget,
  comment: ExistingComment,
) {
  await octokit.rest.pulls.updateReviewComment({
    owner: target.owner,
    repo: target.repo,
    comment_id: comment.id,
    body: renderResolvedComment(comment.body, target.headSha),
  });
}

async function createReview(
  octokit: PublishingOctokit,
  target: PullTarget,
  lines: readonly LineFindings[],
  overflow: number,
) {
  const total = lines.length + overflow;
  const more = overflow > 0 ? ` ${overflow} more are listed in the archdrift check run.` : "";
  await octokit.rest.pulls.createReview({
    owner: target.owner,
    repo: target.repo,
    pull_number: target.pullNumber,
    commit_id: target.headSha,
    event: "COMMENT",
    body: `archdrift found ${total} import${total === 1 ? "" : "s"} that add architecture drift.${more}\n\n<!-- archdrift:review=${target.headSha} -->`,
    comments: lines.map((group) => ({
      path: group.file,
      line: group.line,
      side: "RIGHT" as const,
      body: renderReviewComment(group.findings),
    })),
  });
}
