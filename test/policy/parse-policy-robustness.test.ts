import { describe, expect, test } from "vitest";
import { parsePolicy } from "../../src/policy/parse-policy.js";

const file = ".github/archdrift.yml";

/**
 * Parses and checks the contract: no throw, a well-formed result. A parse that hangs is caught by
 * the test's timeout, not by a clock here: tests stay deterministic on a loaded machine.
 */
function survives(text: string): ReturnType<typeof parsePolicy> {
  const result = parsePolicy(text, file);
  if (!result.ok) {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const error of result.errors) {
      expect(error.file).toBe(file);
      expect(Number.isInteger(error.line) && error.line >= 1).toBe(true);
      expect(error.message.length).toBeLessThan(500);
    }
  }
  return result;
}

/** A small deterministic generator, so a failing input can be reproduced. */
function randomText(seed: number, length: number, alphabet?: string): string {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
  let text = "";
  for (let i = 0; i < length; i++) {
    text += alphabet ? alphabet[next() % alphabet.length] : String.fromCharCode(next() % 65536);
  }
  return text;
}

describe("parsePolicy never throws", () => {
  test("random UTF-16 text", () => {
    for (let seed = 1; seed <= 50; seed++) survives(randomText(seed, 2000));
  });

  test("random YAML-ish punctuation", () => {
    for (let seed = 1; seed <= 200; seed++)
      survives(randomText(seed, 300, "ab: -[]{},&*!|>'\"#\n  \t?%@`"));
  });

  test("random bytes decoded as UTF-8", () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    survives(bytes.toString("utf8"));
  });

  test("NUL and control characters", () => {
    survives("\u0000");
    survives("layers: [api\u0000]\n");
    survives("roots:\n  - \u0000\u0001\u0002\u001b[31m\n");
  });

  test("5,000-deep flow nesting", () => {
    const result = survives(`layers: ${"[".repeat(5000)}${"]".repeat(5000)}`);
    expect(result.ok).toBe(false);
  });

  test("5,000-deep flow mappings", () => {
    expect(survives(`domains: ${"{a: ".repeat(5000)}b${"}".repeat(5000)}`).ok).toBe(false);
  });

  test("5,000-deep block nesting", () => {
    let text = "";
    for (let depth = 0; depth < 5000; depth++) text += `${" ".repeat(depth)}a:\n`;
    expect(survives(text).ok).toBe(false);
  });

  test("nesting just deep enough to parse is still refused cleanly", () => {
    const result = survives(`layers: ${"[".repeat(200)}${"]".repeat(200)}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/nested/);
  });

  test("a 1 MB line", () => {
    const result = survives(`roots: [${"x".repeat(1_000_000)}]\n`);
    expect(result.ok).toBe(true);
  });

  test("a 1 MB unknown key", () => {
    const result = survives(`${"k".repeat(1_000_000)}: 1\n`);
    expect(result.ok).toBe(false);
  });

  test("a config too large to be real", () => {
    const result = survives(`# ${"x".repeat(3_000_000)}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/larger than/);
  });

  test("alias expansion bombs", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 0; i < 12; i++) {
      const name = String.fromCharCode(98 + i);
      const previous = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(", ")}]`);
    }
    expect(survives(lines.join("\n")).ok).toBe(false);
  });

  test("an alias to nothing", () => {
    expect(survives("roots: *missing\n").ok).toBe(false);
  });

  test("odd keys and tags", () => {
    survives("? [a, b]\n: c\n");
    survives("__proto__: { polluted: true }\n");
    survives("!!binary aGVsbG8=\n");
    survives("roots: !!set { a, b }\n");
    survives("rules: { coupling-growth: { threshold: 1e400 } }\n");
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  test("a value that is not a string at all", () => {
    survives(42 as unknown as string);
  });
});
