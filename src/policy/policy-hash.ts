import { createHash } from "node:crypto";
import type { Policy } from "./policy.js";

/**
 * A stable digest of what the policy means, for cache keys: sha256 of canonical JSON (object keys
 * sorted, so YAML key order does not matter) without `source`, so moving a line or renaming the
 * config file does not throw away cached graphs.
 */
export function policyHash(policy: Policy): string {
  const { source: _source, ...meaning } = policy;
  return createHash("sha256").update(canonicalJson(meaning)).digest("hex");
}

/** JSON with object keys sorted at every level; arrays keep their order, which carries meaning. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
