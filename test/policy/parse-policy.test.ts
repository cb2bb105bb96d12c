import { describe, expect, test } from "vitest";
import { defaultExcludes, defaultRules } from "../../src/policy/default-policy.js";
import { formatConfigError } from "../../src/policy/format-config-error.js";
import { parsePolicy } from "../../src/policy/parse-policy.js";
import type { Policy } from "../../src/policy/policy.js";

const file = ".github/archdrift.yml";

function parsed(text: string | undefined): Policy {
  const result = parsePolicy(text, file);
  if (!result.ok) throw new Error(result.errors.map(formatConfigError).join("\n"));
  return result.policy;
}

function errors(text: string): string[] {
  const result = parsePolicy(text, file);
  if (result.ok) throw new Error("expected errors");
  return result.errors.map(formatConfigError);
}

const full = `# archdrift config
_extends: .github
languages: [python, typescript, javascript]
roots: [src, ./packages/api/src/]
exclude: ["**/migrations/**", ./legacy/]
domains:
  orders:
    path: src/shop/orders
    interface: [src/shop/orders/api.py, src/shop/orders/schemas/]
  payments: { path: [src/shop/payments, "src/billing/**"] }
  users: src/shop/users
layers: [api, services, [core, models], utils]
forbidden:
  - { from: "src/shop/api/**", to: "src/shop/repository/**", message: API goes through services }
  - from: src/shop/orders
    to: src/shop/payments/internal
rules:
  new-cycle: warning
  grown-cycle: off
  new-domain-coupling: { level: error }
  coupling-growth: { level: warning, threshold: 8 }
ignore:
  - { rule: forbidden, from: src/legacy/**, reason: being rewritten in Q3 }
  - { rule: "*", to: src/vendor/**, reason: vendored }
`;

describe("parsePolicy: every key", () => {
  const policy = parsed(full);

  test("languages map typescript and javascript to one analyser", () => {
    expect(policy.languages).toEqual(["python", "javascript"]);
  });

  test("roots are normalised", () => {
    expect(policy.roots).toEqual(["src", "packages/api/src"]);
  });

  test("exclude adds to the defaults", () => {
    expect(policy.exclude).toEqual([...defaultExcludes, "**/migrations/**", "legacy", "legacy/**"]);
  });

  test("domains in full form, list form and shorthand", () => {
    expect(policy.domains).toEqual([
      {
        name: "orders",
        paths: ["src/shop/orders"],
        interface: ["src/shop/orders/api.py", "src/shop/orders/schemas"],
      },
      { name: "payments", paths: ["src/shop/payments", "src/billing/**"], interface: [] },
      { name: "users", paths: ["src/shop/users"], interface: [] },
    ]);
  });

  test("layers, highest first, shared layers as lists", () => {
    expect(policy.layers).toEqual([["api"], ["services"], ["core", "models"], ["utils"]]);
  });

  test("forbidden rules, message optional", () => {
    expect(policy.forbidden).toEqual([
      {
        from: "src/shop/api/**",
        to: "src/shop/repository/**",
        message: "API goes through services",
      },
      { from: "src/shop/orders", to: "src/shop/payments/internal" },
    ]);
  });

  test("rules merge over the defaults", () => {
    expect(policy.rules).toEqual({
      ...defaultRules,
      "new-cycle": { level: "warning" },
      "grown-cycle": { level: "off" },
      "new-domain-coupling": { level: "error" },
      "coupling-growth": { level: "warning", threshold: 8 },
    });
  });

  test("ignore entries keep their reason", () => {
    expect(policy.ignore).toEqual([
      { rule: "forbidden", from: "src/legacy/**", reason: "being rewritten in Q3" },
      { rule: "*", to: "src/vendor/**", reason: "vendored" },
    ]);
  });

  test("source lines for key paths", () => {
    expect(policy.source.file).toBe(file);
    expect(policy.source.lines).toMatchObject({
      languages: 3,
      "domains.orders": 7,
      "domains.orders.path": 8,
      "domains.orders.interface.1": 9,
      "domains.payments.path.1": 10,
      "domains.users": 11,
      layers: 12,
      "layers.1": 12,
      "layers.2.1": 12,
      "forbidden.0": 14,
      "forbidden.1": 15,
      "forbidden.1.to": 16,
      "rules.coupling-growth.threshold": 21,
      "ignore.1.reason": 24,
    });
  });
});

describe("parsePolicy: defaults", () => {
  test("no file gives the defaults", () => {
    const policy = parsed(undefined);
    expect(policy.source).toEqual({ file: "(defaults)", lines: {} });
    expect(policy.rules).toEqual(defaultRules);
    expect(policy.exclude).toEqual(defaultExcludes);
    expect(policy).not.toHaveProperty("domains");
    expect(policy).not.toHaveProperty("roots");
    expect(policy).not.toHaveProperty("languages");
  });

  test("the default levels follow the findings table", () => {
    expect(defaultRules["new-cycle"].level).toBe("error");
    expect(defaultRules["grown-cycle"].level).toBe("warning");
    expect(defaultRules["coupling-growth"]).toEqual({ level: "notice", threshold: 15 });
  });

  test.each(["", "\n\n", "# nothing yet\n", "---\n", "~\n"])("%j is the defaults", (text) => {
    const policy = parsed(text);
    expect(policy.rules).toEqual(defaultRules);
    expect(policy.source.file).toBe(file);
  });

  test("keys left empty are not set", () => {
    const policy = parsed("exclude:\ndomains:\nlayers:\n");
    expect(policy.exclude).toEqual(defaultExcludes);
    expect(policy).not.toHaveProperty("domains");
    expect(policy.layers).toEqual([]);
  });

  test("default_excludes: false keeps only the user's excludes", () => {
    expect(parsed("default_excludes: false\nexclude: [gen/**]").exclude).toEqual(["gen/**"]);
    expect(parsed("default_excludes: false\nexclude: ['**/migrations']").exclude).toEqual([
      "**/migrations",
      "**/migrations/**",
    ]);
  });

  test("domains: {} declares no domains", () => {
    expect(parsed("domains: {}").domains).toEqual([]);
  });

  test("threshold alone keeps the default level", () => {
    expect(
      parsed("rules: { coupling-growth: { threshold: 30 } }").rules["coupling-growth"],
    ).toEqual({
      level: "notice",
      threshold: 30,
    });
  });
});

describe("parsePolicy: errors name the line", () => {
  test("a wrong type", () => {
    expect(errors("roots: [src]\nlayers: [api, 4]\n")).toEqual([
      `${file}:2: layers[1] must be a layer name or a list of names, got a number`,
    ]);
  });

  test("a wrong type inside a list of layers", () => {
    expect(errors("layers:\n  - api\n  - [core, true]\n")).toEqual([
      `${file}:3: layers[1][1] must be a layer name, got true`,
    ]);
  });

  test("an unknown key with a suggestion", () => {
    expect(errors("roots: [src]\nlayer: [api]\n")).toEqual([
      `${file}:2: unknown key "layer"; did you mean layers?`,
    ]);
  });

  test("an unknown nested key with a suggestion", () => {
    expect(errors("forbidden:\n  - from: a\n    too: b\n")).toEqual([
      `${file}:2: forbidden[0] is missing to`,
      `${file}:3: unknown key "too" in forbidden[0]; did you mean to?`,
    ]);
  });

  test("an unknown key with nothing close lists the known keys", () => {
    expect(errors("domains:\n  orders: { path: a, owner: b }\n")).toEqual([
      `${file}:2: unknown key "owner" in domains.orders; known keys: path, interface`,
    ]);
  });

  test("an unknown rule", () => {
    expect(errors("rules:\n  new-cycle: error\n  layer-violations: warning\n")).toEqual([
      `${file}:3: unknown rule "layer-violations"; did you mean layer-violation?`,
    ]);
  });

  test("an unknown level", () => {
    expect(errors("rules:\n  grown-cycle: warn\n")).toEqual([
      `${file}:2: rules.grown-cycle must be one of error, warning, notice, info, off, got "warn"; did you mean warning?`,
    ]);
  });

  test("a threshold on a rule that has none", () => {
    expect(errors("rules:\n  new-cycle: { level: error, threshold: 3 }\n")).toEqual([
      `${file}:2: unknown key "threshold" in rules.new-cycle; only coupling-growth takes a threshold`,
    ]);
  });

  test("a bad threshold", () => {
    expect(errors("rules:\n  coupling-growth:\n    threshold: 0\n")).toEqual([
      `${file}:3: rules.coupling-growth.threshold must be above 0, got 0`,
    ]);
  });

  test("a YAML syntax error gives the YAML line", () => {
    const found = errors("roots: [src]\nlayers: [api,\nrules: { a: b\n");
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(/^\.github\/archdrift\.yml:[23]: YAML syntax error: /);
  });

  test("a duplicate key", () => {
    expect(errors("roots: [src]\nlayers: [a]\nroots: [lib]\n")).toEqual([
      `${file}:3: YAML syntax error: Map keys must be unique`,
    ]);
  });

  test("a missing reason", () => {
    expect(errors("ignore:\n  - rule: new-cycle\n    from: src/a/**\n")).toEqual([
      `${file}:2: ignore[0] is missing reason: say why the finding is accepted`,
    ]);
  });

  test("a blank reason", () => {
    expect(errors('ignore:\n  - { rule: new-cycle, reason: "  " }\n')).toEqual([
      `${file}:2: ignore[0].reason must say why the finding is accepted, got "  "`,
    ]);
  });

  test("an unknown rule in ignore", () => {
    expect(errors("ignore:\n  - { rule: forbiden, reason: x }\n")).toEqual([
      `${file}:2: ignore[0].rule must be a rule id or *, got "forbiden"; did you mean forbidden?`,
    ]);
  });

  test("a path that leaves the repository", () => {
    expect(errors("roots: [../other]\n")).toEqual([
      `${file}:1: roots[0] must be relative to the repository root (no leading / and no .. above it), got "../other"`,
    ]);
  });

  test("globs the matcher would not read as meant: negation and extended globs", () => {
    expect(
      errors('exclude: ["!src/keep/**"]\nforbidden:\n  - { from: "src/@(a|b)", to: src/c }\n'),
    ).toEqual([
      `${file}:1: exclude[0] must not start with ! (list what to select, not what to skip), got "!src/keep/**"`,
      `${file}:3: forbidden[0].from must not use extended globs such as @(a|b) (use {a,b} for alternatives), got "src/@(a|b)"`,
    ]);
  });

  test("** inside a folder name, which picomatch read two ways", () => {
    expect(errors('exclude: ["**.py", "src/**_test.py", "src/{a,b**}/x"]\n')).toEqual([
      `${file}:1: exclude[0] must not use ** inside a folder name (write **/*.py for every folder, or *.py for one), got "**.py"`,
      `${file}:1: exclude[1] must not use ** inside a folder name (write **/*.py for every folder, or *.py for one), got "src/**_test.py"`,
      `${file}:1: exclude[2] must not use ** inside a folder name (write **/*.py for every folder, or *.py for one), got "src/{a,b**}/x"`,
    ]);
    expect(parsePolicy('exclude: ["**/*.py", "src/**", "{**/a,b}/c"]\n', file).ok).toBe(true);
  });

  test("a domain of the wrong shape", () => {
    expect(errors("domains:\n  orders:\n    path: 3\n  users: 4\n")).toEqual([
      `${file}:3: domains.orders.path must be a folder, file or glob or a list of them, got a number`,
      `${file}:4: domains.users must be { path, interface } or a path, got a number`,
    ]);
  });

  test("a dotted layer name", () => {
    expect(errors("layers: [shop.api]\n")).toEqual([
      `${file}:1: layers[0] must be a folder or module name such as services (no dots, slashes or globs), got "shop.api"`,
    ]);
  });

  test("a layer listed twice", () => {
    expect(errors("layers:\n  - api\n  - [core, api]\n")).toEqual([
      `${file}:3: layers[1][1] repeats layer api, already listed in layers[0]`,
    ]);
  });

  test("an unknown language", () => {
    expect(errors("languages: [pyhton]\n")).toEqual([
      `${file}:1: languages[0] must be one of python, typescript, javascript, got "pyhton"; did you mean python?`,
    ]);
  });

  test("a config that is not a mapping", () => {
    expect(errors("- roots\n")).toEqual([
      `${file}:1: the config must be a mapping of keys, got a list`,
    ]);
  });

  test("several errors come sorted by line", () => {
    const found = errors("layers: [1]\nroots: src\nrulez: {}\n");
    expect(found.map((error) => error.split(":")[1])).toEqual(["1", "2", "3"]);
  });
});
