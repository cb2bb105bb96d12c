import picomatch from "picomatch";
import { describe, expect, it } from "vitest";
import { boundedMessage, maxConfigMessageLength } from "../../src/policy/bounded-message.js";
import { compileGlob, globProblem } from "../../src/policy/glob-matcher.js";
import { parsePolicy } from "../../src/policy/parse-policy.js";
import { forSeeds, type Random } from "../support/seeded-random.js";

const file = ".github/archdrift.yml";

/** The contract: no throw, and a failure is a list of errors that point at a line. */
function parses(text: string): ReturnType<typeof parsePolicy> {
  const result = parsePolicy(text, file);
  if (!result.ok) {
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors.length).toBeLessThanOrEqual(50);
    for (const error of result.errors) {
      expect(error.file).toBe(file);
      expect(Number.isInteger(error.line) && error.line >= 1).toBe(true);
    }
  }
  return result;
}

/** The longest error message `parsePolicy` gives for any of the texts. */
function longestMessage(texts: readonly string[]): number {
  return Math.max(
    0,
    ...texts.flatMap((text) => {
      const result = parsePolicy(text, file);
      return result.ok ? [] : result.errors.map((error) => error.message.length);
    }),
  );
}

const keys = ["languages", "roots", "exclude", "domains", "layers", "forbidden", "rules", "ignore"];
const scalars = [
  "api",
  "src/**",
  "*",
  "~",
  "null",
  "true",
  "1e400",
  "-1",
  "'x'",
  '"\\u0000"',
  "&a x",
  "*a",
  "!!binary aGk=",
  "<<: *a",
];

/** Config-shaped YAML: real keys, nested flow and block values, anchors, tags and noise. */
function configLike(random: Random, depth = 0): string {
  const value = (): string => {
    const roll = random.int(depth > 3 ? 2 : 5);
    if (roll === 0) return random.pick(scalars);
    if (roll === 1)
      return `[${Array.from({ length: random.int(4) }, () => random.pick(scalars)).join(", ")}]`;
    if (roll === 2)
      return `{ ${random.pick(keys)}: ${random.pick(scalars)}, from: ${random.pick(scalars)} }`;
    return `\n${configLike(random, depth + 1)}`;
  };
  const indent = "  ".repeat(depth);
  return Array.from({ length: 1 + random.int(4) }, () =>
    random.next() < 0.1 ? `${indent}- ${value()}` : `${indent}${random.pick(keys)}: ${value()}`,
  ).join("\n");
}

/**
 * `parsePolicy` reads the base branch's config, which anyone with write access (or an org's
 * `.github` repository) controls. Complements test/policy/parse-policy-robustness.test.ts with
 * seeded random inputs. Shown to catch a throw on a scratch copy of the repository: removing
 * both `parsePolicy`'s catch-all and `readYamlConfig`'s catch around `toJS` turned the alias-bomb
 * and config-shaped cases red (removing the depth walk alone did not: the YAML parser has its own).
 */
describe("parsePolicy survives hostile configs", () => {
  it("random bytes decoded as UTF-8", async () => {
    await forSeeds(400, 5_000, (random) => parses(random.bytes(random.int(4000)).toString("utf8")));
  });

  it("config-shaped YAML with random values, anchors and tags", async () => {
    let valid = 0;
    await forSeeds(1000, 5_000, (random) => {
      if (parses(configLike(random)).ok) valid++;
    });
    // Some inputs must get past the YAML parser into the schema, or this fuzzes the parser alone.
    expect(valid).toBeGreaterThan(0);
  });

  it("deep nesting of every kind", () => {
    for (const depth of [100, 1_000, 10_000]) {
      expect(parses(`layers: ${"[".repeat(depth)}${"]".repeat(depth)}`).ok).toBe(false);
      expect(parses(`domains: ${"{a: ".repeat(depth)}b${"}".repeat(depth)}`).ok).toBe(false);
      expect(
        parses(
          `layers:\n${Array.from({ length: depth }, (_, i) => `${" ".repeat(i)}- `).join("\n")}x`,
        ).ok,
      ).toBe(false);
      parses(`${"[".repeat(depth)}`);
    }
  });

  it("alias bombs, wide and deep", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 20; i++)
      lines.push(
        `l${i}: &l${i} [${Array(10)
          .fill(i === 1 ? "*a" : `*l${i - 1}`)
          .join(", ")}]`,
      );
    expect(parses(lines.join("\n")).ok).toBe(false);
    expect(parses(`x: &x [*x]\n`).ok).toBe(false);
    expect(parses(`roots: &r [src]\nexclude: *r\nlayers: *r\n`).ok).toBe(true);
  });

  /**
   * The YAML parser quotes the offending token in full (seed 107 of the random-bytes case: 5,612
   * characters; a 2 MB config gives 20 errors of up to 2 MB): unbounded, that would overflow a
   * check run's 65,535-character summary and the run would never complete.
   */
  it("keeps every error message short enough for a check run", async () => {
    const texts: string[] = [];
    await forSeeds(400, 5_000, (random) => {
      texts.push(random.bytes(random.int(4000)).toString("utf8"));
    });
    texts.push(`roots: [a]\n${"\u0001".repeat(100_000)}: x\n`);
    expect(longestMessage(texts)).toBeLessThanOrEqual(maxConfigMessageLength);
  });

  it("huge lines and huge files", () => {
    parses(`exclude: ["${"*".repeat(1_000_000)}"]`);
    parses(`domains:\n  ${"d".repeat(1_000_000)}: { path: src }\n`);
    expect(parses(`# ${"x".repeat(5_000_000)}\n`).ok).toBe(false);
  });
});

/**
 * Round 2 (issue 11): globs whose stars backtrack against long names, and long path segments.
 * Parsing them must stay a message or a policy; matching them is tested where paths are matched.
 */
describe("parsePolicy takes round-2 shapes", () => {
  it("globs of many stars, in exclude, forbidden and domain paths", () => {
    const stars = "**/*a*a*a*a*a*a*a*b";
    const many = `**/${"*_".repeat(5_000)}*.py`;
    for (const glob of [stars, many, "**/*_*_*_*_*.py"]) {
      parses(`exclude: ["${glob}"]\nforbidden:\n  - { from: "${glob}", to: "src/**" }\n`);
      parses(`domains:\n  shop: { path: "${glob}" }\n`);
    }
  });

  it("a path segment of 100,000 characters", () => {
    parses(`roots: ["src/${"x".repeat(100_000)}"]\nexclude: ["${"y".repeat(100_000)}/**"]\n`);
  });

  /**
   * The matcher that replaced picomatch (issue 11 item 8) must still read globs as picomatch did,
   * on random globs of stars, globstars and `?` against random file paths. One place differs on
   * purpose: picomatch matches `src/**` against `src`, but a star segment before a globstar not
   * against `src`; ours matches both alike. One is left out and reported: a `**` that shares its
   * segment with other characters (`**.py`) spans folders in picomatch, and is one `*` in ours.
   */
  it("random star globs match random paths as picomatch does", async () => {
    const disagreements: string[] = [];
    const runs = await forSeeds(3000, 8_000, (random) => {
      const glob = Array.from({ length: 1 + random.int(7) }, () =>
        random.pick(["a", "b", "*", "**", "?", "/", "_", ".py", "a*", "*b"]),
      ).join("");
      const segments = Array.from({ length: 1 + random.int(4) }, () =>
        Array.from({ length: 1 + random.int(3) }, () => random.pick(["a", "b", "_", ".py"])).join(
          "",
        ),
      );
      const path = segments.join("/");
      if (globProblem(glob) !== undefined) return;
      if (/^\*+\/\*\*$/.test(glob) && segments.length === 1) return;
      if (glob.split("/").some((segment) => segment.includes("**") && segment !== "**")) return;
      const ours = compileGlob(glob)(path);
      if (ours !== picomatch(glob, { dot: true })(path)) disagreements.push(`${glob} ${path}`);
    });
    expect(runs).toBeGreaterThan(0);
    expect(disagreements).toEqual([]);
  });
});

describe("boundedMessage", () => {
  it("cuts long messages between code points and leaves short ones alone", () => {
    expect(boundedMessage("short")).toBe("short");
    const cut = boundedMessage("😀".repeat(1000));
    expect(Array.from(cut)).toHaveLength(maxConfigMessageLength);
    expect(cut.endsWith("😀…")).toBe(true);
  });
});
