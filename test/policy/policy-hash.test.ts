import { expect, test } from "vitest";
import { defaultPolicy } from "../../src/policy/default-policy.js";
import { parsePolicy } from "../../src/policy/parse-policy.js";
import type { Policy } from "../../src/policy/policy.js";
import { canonicalJson, policyHash } from "../../src/policy/policy-hash.js";

function policyOf(text: string, file = ".github/archdrift.yml"): Policy {
  const result = parsePolicy(text, file);
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join("\n"));
  return result.policy;
}

test("a sha256 in hex", () => {
  expect(policyHash(defaultPolicy())).toMatch(/^[0-9a-f]{64}$/);
});

test("stable across key order, comments, line moves and file name", () => {
  const a = policyOf("layers: [api, core]\nrules: { new-cycle: warning, grown-cycle: off }\n");
  const b = policyOf(
    "# moved around\n\nrules:\n  grown-cycle: off\n  new-cycle: warning\nlayers:\n  - api\n  - core\n",
    "archdrift.yml",
  );
  expect(policyHash(a)).toBe(policyHash(b));
});

test("changes when the meaning changes", () => {
  const base = policyHash(policyOf("layers: [api, core]\n"));
  expect(policyHash(policyOf("layers: [core, api]\n"))).not.toBe(base);
  expect(policyHash(policyOf("layers: [api, core]\nrules: { new-cycle: off }\n"))).not.toBe(base);
});

test("an empty config means the defaults", () => {
  expect(policyHash(policyOf(""))).toBe(policyHash(defaultPolicy()));
});

test("canonical JSON sorts keys at every level", () => {
  expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: undefined, e: null })).toBe(
    '{"b":[{"c":2,"d":1}],"e":null}',
  );
});
