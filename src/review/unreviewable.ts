import { ParseTimeoutError } from "../languages/python/parse-timeout-error.js";
import { CommitNotFoundError } from "../workspace/commit-not-found-error.js";
import { LimitExceededError } from "../workspace/limit-exceeded-error.js";
import { ConfigProblem } from "./config-problem.js";

/** Why a pull request cannot be reviewed, when retrying would not help. */
export interface Unreviewable {
  readonly kind: "config" | "limit" | "missing-commit" | "timeout";
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
