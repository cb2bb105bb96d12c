import { maxParseMsFromEnv } from "../review/max-parse-ms.js";
import { workspaceLimitsFromEnv, type WorkspaceLimits } from "../workspace/workspace-limits.js";
import { UsageError } from "./cli-io.js";

export interface ReviewBounds {
  readonly limits: WorkspaceLimits;
  readonly maxParseMs: number;
}

/**
 * ARCHDRIFT_MAX_FILES, _FILE_BYTES, _TOTAL_BYTES and _PARSE_MS, for every command that reads a
 * commit. A bad value is a usage error, said plainly, never a stack trace.
 */
export function reviewBoundsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): ReviewBounds {
  try {
    return { limits: workspaceLimitsFromEnv(env), maxParseMs: maxParseMsFromEnv(env) };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
