/** What to review, whatever event asked for it. */
export interface ReviewTarget {
  readonly installationId: number;
  readonly owner: string;
  readonly repo: string;
  /** From the payload: GitHub.com or an Enterprise Server host, never hard-coded. */
  readonly cloneUrl: string;
  readonly headSha: string;
  readonly baseSha: string;
  /** Absent for merge groups: their head lives on a merge-queue branch, not a pull request. */
  readonly pullNumber?: number;
  readonly event: string;
}

/** Jobs for one pull request (or one merge group) supersede each other. */
export function targetKey(target: ReviewTarget): string {
  const subject =
    target.pullNumber === undefined ? `merge-group:${target.headSha}` : `pull:${target.pullNumber}`;
  return `${target.owner}/${target.repo}#${subject}`;
}

/** One head SHA and trigger: deliveries that share it join one live review. */
export function liveKey(target: ReviewTarget): string {
  return `${targetKey(target)}@${target.headSha}#${target.event}`;
}
