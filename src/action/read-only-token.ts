/**
 * GitHub's answer to a write with a read-only token: 403 "Resource not accessible by integration".
 * Pull requests from forks (and Dependabot's) run with one whatever the workflow's `permissions`.
 * A 403 for a secondary rate limit is not that.
 */
export function isReadOnlyToken(error: unknown): boolean {
  const { status, message } = (error ?? {}) as { status?: unknown; message?: unknown };
  return status === 403 && !/rate limit/i.test(String(message));
}
