import { setTimeout as sleep } from "node:timers/promises";
import { FetchAuthError } from "./fetch-auth-error.js";
import { isAuthFailure, retryDelay } from "./fetch-failures.js";

/** One git command in a repository, its settings (token, safety) already bound. */
export type Git = (args: readonly string[]) => Promise<string>;

/**
 * `git fetch` of SHAs or numbered refs from a vetted URL, retried when the network drops it, with a
 * refused token said plainly. `shallow` carries `--depth=N`, `--deepen=N` or `--unshallow`.
 */
export async function fetchRefspecs(
  git: Git,
  url: URL,
  refspecs: readonly string[],
  shallow: readonly string[] = [],
): Promise<void> {
  const args = [
    "fetch",
    "--quiet",
    "--no-tags",
    "--no-recurse-submodules",
    "--no-write-fetch-head",
    ...shallow,
    "--end-of-options",
    url.href,
    ...refspecs,
  ];
  for (let failures = 0; ; failures++) {
    try {
      return void (await git(args));
    } catch (error) {
      if (isAuthFailure(error)) throw new FetchAuthError(url.origin, error.stderr);
      const wait = retryDelay(error, failures);
      if (wait === undefined) throw error;
      await sleep(wait);
    }
  }
}
