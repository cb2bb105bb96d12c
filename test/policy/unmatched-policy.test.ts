import { expect, test } from "vitest";
import { formatConfigError } from "../../src/policy/format-config-error.js";
import { parsePolicy } from "../../src/policy/parse-policy.js";
import type { Policy } from "../../src/policy/policy.js";
import { unmatchedPolicy } from "../../src/policy/unmatched-policy.js";
import { py } from "./modules.js";

const file = ".github/archdrift.yml";

function policyOf(text: string): Policy {
  const result = parsePolicy(text, file);
  if (!result.ok) throw new Error(result.errors.map(formatConfigError).join("\n"));
  return result.policy;
}

const modules = [
  py("src/shop/__init__.py", "src"),
  py("src/shop/orders/__init__.py", "src"),
  py("src/shop/orders/api.py", "src"),
  py("src/shop/orders/services.py", "src"),
  py("src/shop/payments/core/money.py", "src"),
];

test("everything that matches passes", () => {
  const policy = policyOf(`domains:
  orders: { path: src/shop/orders, interface: [src/shop/orders/api.py] }
  payments: src/shop/payments
layers: [api, services, core]
forbidden:
  - { from: "src/shop/orders/**", to: src/shop/payments/core }
`);
  expect(unmatchedPolicy(policy, modules)).toEqual([]);
});

test("each unmatched entry is an error at its config line", () => {
  const policy = policyOf(`roots: [src]
domains:
  orders:
    path: src/shop/orders
    interface: [src/shop/orders/api.py, src/shop/payments/core/money.py]
  users:
    path: [src/shop/users, src/shop/payments]
  billing: src/billing
layers:
  - api
  - [services, repository]
forbidden:
  - from: "src/shop/**"
    to: src/shop/legacy
`);
  expect(unmatchedPolicy(policy, modules).map(formatConfigError)).toEqual([
    `${file}:5: domain orders interface src/shop/payments/core/money.py matches no module of the domain`,
    `${file}:7: domain users path src/shop/users matches no module`,
    `${file}:8: domain billing path src/billing matches no module`,
    `${file}:11: layer repository (layers[1]) names no folder or module`,
    `${file}:14: forbidden[0] to src/shop/legacy matches no module`,
  ]);
});

test("layer names are looked up where classification looks", () => {
  const policy = policyOf("layers: [shop, orders]\n");
  const inferred = [{ name: "orders", paths: ["src/shop/orders"], interface: [] }];
  // `shop` sits above the domain folder, so no module would ever be in that layer.
  expect(
    unmatchedPolicy(policy, modules.slice(1, 4), inferred).map((error) => error.message),
  ).toEqual(["layer shop (layers[0]) names no folder or module"]);
});

test("the defaults match trivially", () => {
  const result = parsePolicy(undefined, file);
  expect(result.ok && unmatchedPolicy(result.policy, modules)).toEqual([]);
});
