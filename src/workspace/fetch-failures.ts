import { GitCommandError } from "./run-git.js";

/** Waits before the second and third try of a fetch that failed on its way over the network. */
const transientRetryDelaysMs = [1_000, 3_000];

/**
 * How long to wait before fetching again, or undefined to give up. Another process (a second
 * worker) holding a ref or pack lock makes git fail rather than wait; a connection dropped or reset
 * partway through a pack is the network's fault, not the commit's. Both are worth another try. A
 * missing commit, a refused token or a full disk are not.
 */
export function retryDelay(error: unknown, failures: number): number | undefined {
  if (!(error instanceof GitCommandError) || failures >= transientRetryDelaysMs.length)
    return undefined;
  if (isLockError(error)) return 200 + Math.random() * 300;
  if (isMissingOnServer(error) || /No space left on device/i.test(error.stderr)) return undefined;
  return isTransportFailure(error) ? transientRetryDelaysMs[failures] : undefined;
}

export function isMissingOnServer(error: unknown): boolean {
  return (
    error instanceof GitCommandError &&
    /not our ref|couldn't find remote ref|no such remote ref|unadvertised object/i.test(
      error.stderr,
    )
  );
}

export function isAuthFailure(error: unknown): error is GitCommandError {
  return (
    error instanceof GitCommandError &&
    /could not read Username|Authentication failed|returned error: 40[13]/i.test(error.stderr)
  );
}

function isLockError(error: GitCommandError): boolean {
  return /\.lock'?: File exists|Unable to create '[^']*\.lock'|cannot lock ref|unable to lock/i.test(
    error.stderr,
  );
}

function isTransportFailure(error: GitCommandError): boolean {
  return /early EOF|RPC failed|remote end hung up|unexpected disconnect|index-pack failed|Connection reset|Recv failure|returned error: 5\d\d|Operation timed out|transfer closed/i.test(
    error.stderr,
  );
}
