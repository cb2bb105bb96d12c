import { defaultPolicy } from "./default-policy.js";
import { configErrorsFromIssues } from "./config-errors-from-issues.js";
import type { ConfigError, Policy } from "./policy.js";
import { policyFromInput } from "./policy-from-input.js";
import { policySchema } from "./policy-schema.js";
import { readYamlConfig } from "./read-yaml-config.js";

export type ParsePolicyResult =
  | { readonly ok: true; readonly policy: Policy }
  | { readonly ok: false; readonly errors: ConfigError[] };

/**
 * Parses and validates `.github/archdrift.yml` (see `policy-schema.ts` for every key). No text
 * means no config file: the defaults. Never throws: any input that is not a valid config comes
 * back as errors naming the file and line, so the check run can say what to fix.
 */
export function parsePolicy(text: string | undefined, file: string): ParsePolicyResult {
  if (text === undefined) return { ok: true, policy: defaultPolicy() };
  try {
    return parseText(text, file);
  } catch (error) {
    // A bug of ours must still end as a readable check run, not a crashed review.
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      errors: [{ file, line: 1, message: `could not read the config: ${reason}` }],
    };
  }
}

function parseText(text: string, file: string): ParsePolicyResult {
  if (typeof text !== "string") {
    return { ok: false, errors: [{ file, line: 1, message: "the config is not text" }] };
  }
  const read = readYamlConfig(text, file);
  if (!read.ok) return read;
  const { yaml } = read;
  if (yaml.data === null || yaml.data === undefined)
    return { ok: true, policy: defaultPolicy(file) };
  const result = policySchema.safeParse(withoutNullKeys(yaml.data));
  if (!result.success) {
    return { ok: false, errors: configErrorsFromIssues(result.error.issues, yaml, file) };
  }
  return { ok: true, policy: policyFromInput(result.data, { file, lines: yaml.lines }) };
}

/** `exclude:` with every entry commented out is YAML null; it means "not set", like a missing key. */
function withoutNullKeys(data: unknown): unknown {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return data;
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== null));
}
