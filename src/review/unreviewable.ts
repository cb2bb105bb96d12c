import { ParseTimeoutError } from "../languages/python/parse-timeout-error.js";
import { CommitNotFoundError } from "../workspace/commit-not-found-error.js";
import { LimitExceededError } from "../workspace/limit-exceeded-error.js";
import { nameOf, WrongRefsError } from "../workspace/wrong-refs-error.js";
import { ConfigProblem } from "./config-problem.js";

/** Why a pull request cannot be reviewed, when retrying would not help. */
export interface Unreviewable {
  readonly kind: "config" | "limit" | "missing-commit" | "refs" | "timeout";
  readonly title: string;
  readonly details: string;
}

/**
 * How a caller sets what the details quote from the repository or its config. The check run sets
 * names in code spans and neutralises mentions in words; a terminal takes both as they are.
 */
export interface QuoteStyle {
  /** A path, `file:line` or other name. */
  readonly name: (text: string) => string;
  /** Sentences that quote the repository or its config, such as a config error's message. */
  readonly words: (text: string) => string;
}

export const plainQuotes: QuoteStyle = { name: (text) => text, words: (text) => text };

/**
 * Errors that end a review for good: the check run must complete and say why, rather than the job
 * being retried into the same wall. Anything else is unexpected and left to the caller.
 */
export function unreviewable(
  error: unknown,
  quote: QuoteStyle = plainQuotes,
): Unreviewable | undefined {
  if (error instanceof ConfigProblem) {
    return {
      kind: "config",
      title: "archdrift's config is invalid",
      details: `archdrift could not use its config, so it did not review this pull request. Fix these and push again (the config is read from the base branch):\n\n${error.errors.map((entry) => `- ${quote.name(`${entry.file}:${entry.line}`)}: ${quote.words(entry.message)}`).join("\n")}`,
    };
  }
  if (error instanceof LimitExceededError) {
    return {
      kind: "limit",
      title: "Too large to review",
      details: `archdrift stopped before reading anything: ${quote.words(error.message)}.`,
    };
  }
  if (error instanceof ParseTimeoutError) {
    const file = error.path === undefined ? "a Python file" : quote.name(error.path);
    const parse = `parsing ${file} took longer than ${error.limitMs.toLocaleString("en-US")} ms (ARCHDRIFT_MAX_PARSE_MS)`;
    return {
      kind: "limit",
      title: "A file took too long to parse",
      details: `archdrift stopped: ${parse}. Reading the file as if it had no imports could invent findings, so nothing was judged. Exclude the file in \`.github/archdrift.yml\` (\`exclude:\`) if it is generated, or raise the bound.`,
    };
  }
  if (error instanceof WrongRefsError) return wrongRefs(error, quote);
  if (error instanceof CommitNotFoundError) {
    return { kind: "missing-commit", title: "Commit no longer exists", details: error.message };
  }
  if (error instanceof Error && error.name === "TimeoutError") {
    return {
      kind: "timeout",
      title: "Review took too long",
      details:
        "The review ran past its time limit (ARCHDRIFT_REVIEW_TIMEOUT_SECONDS) and was stopped. Re-run it; if it keeps happening, raise the limit or exclude generated code in `.github/archdrift.yml`.",
    };
  }
  return undefined;
}

/** Base and head that cannot be compared: what happened, and what to do about it. */
function wrongRefs(error: WrongRefsError, quote: QuoteStyle): Unreviewable {
  const base = quote.name(nameOf(error.base));
  const head = quote.name(nameOf(error.head));
  const unjudged =
    "archdrift compares the head with the commit it branched off the base and will not guess another, so nothing was judged.";
  switch (error.problem) {
    case "shallow":
      return {
        kind: "refs",
        title: "No merge base in a shallow clone",
        details: `The base ${base} and the head ${head} have no common commit in this repository, which is a shallow clone: the history where the head branched off was not fetched. ${unjudged} Fetch the full history (\`git fetch --unshallow\`; in GitHub Actions, \`fetch-depth: 0\` on actions/checkout) and run again.`,
      };
    case "unrelated":
      return {
        kind: "refs",
        title: "Base and head share no history",
        details: `The base ${base} and the head ${head} have no common commit: their histories are unrelated. ${unjudged} Check that the base is the branch the change targets (\`--base\`) and the head the branch with the change (\`--head\`); if the repository is a partial copy, fetch its full history.`,
      };
    case "head-behind-base":
      return {
        kind: "refs",
        title: "The head is already part of the base",
        details: `The head ${head} is an ancestor of the base ${base}: it adds nothing the base lacks, so there is no change to review. Named on the command line, the refs are probably swapped: the base is the branch the change targets (\`--base main\`), the head the branch with the change (\`--head my-branch\`). A pull request whose commits are all in its base branch already has nothing left to review.`,
      };
  }
}
