import { positiveWholeNumber } from "../workspace/workspace-limits.js";

/**
 * Eight times what tree-sitter took here for a 1 MB file (larger files are skipped before parsing):
 * ordinary code never reaches it, and a hostile file holds the process for seconds, not minutes.
 */
export const defaultMaxParseMs = 5_000;

/** ARCHDRIFT_MAX_PARSE_MS, a positive whole number of milliseconds. */
export function maxParseMsFromEnv(env: Readonly<Record<string, string | undefined>>): number {
  return positiveWholeNumber(env, "ARCHDRIFT_MAX_PARSE_MS", defaultMaxParseMs);
}
