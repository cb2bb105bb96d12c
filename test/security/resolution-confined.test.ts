import fs from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { reviewChanges } from "../../src/review/review-changes.js";
import { checkoutBranch, commitFiles, initRepo } from "../../src/workspace/scratch-repo.js";
import { useTempDirs } from "../workspace/temp-dir.js";

const tempDir = useTempDirs();

afterEach(() => {
  vi.restoreAllMocks();
});

/** A base with two modules, then a head from the given changes; the review of that pull request. */
async function review(changes: Record<string, string>) {
  const dir = await tempDir();
  await initRepo(dir);
  await commitFiles(
    dir,
    {
      "package.json": JSON.stringify({ name: "web" }),
      "src/a.ts": "export const a = 1;\n",
      "src/b.ts": 'import { a } from "./a";\nexport const b = a;\n',
    },
    "base",
  );
  await checkoutBranch(dir, "pr", true);
  await commitFiles(dir, changes, "pr");
  return reviewChanges({ repoDir: dir, base: "main", head: "pr" });
}

/** Every path the process hands to a file-system call while `run` runs. */
async function pathsTouched(run: () => Promise<unknown>): Promise<string[]> {
  const touched: string[] = [];
  const calls = [
    "statSync",
    "lstatSync",
    "existsSync",
    "readFileSync",
    "openSync",
    "readdirSync",
    "realpathSync",
    "stat",
    "lstat",
    "readFile",
    "open",
    "readdir",
    "access",
  ] as const;
  for (const name of calls) {
    const original = fs[name] as (...args: unknown[]) => unknown;
    vi.spyOn(fs, name).mockImplementation(((...args: unknown[]) => {
      if (typeof args[0] === "string") touched.push(args[0]);
      return original.apply(fs, args);
    }) as never);
  }
  await run();
  return touched;
}

describe("resolving imports never leaves the commit", () => {
  it("reads `./a.ts/foo` (a path through a file) as an import that cannot be resolved", async () => {
    const report = await review({
      "src/c.ts":
        'import x from "./a.ts/foo";\nimport { b } from "./b";\nexport const c = [x, b];\n',
    });
    expect(report.warnings.map(({ file, line, message }) => [file, line, message])).toEqual([
      ["src/c.ts", 1, 'cannot resolve "./a.ts/foo"'],
    ]);
    expect(report.stats.modules).toBe(3);
  });

  it('asks nothing of the host file system for a tsconfig with "baseUrl": "/"', async () => {
    let report: Awaited<ReturnType<typeof review>> | undefined;
    const touched = await pathsTouched(async () => {
      report = await review({
        "tsconfig.json": JSON.stringify({
          extends: "/etc/archdrift-extends.json",
          compilerOptions: { baseUrl: "/", paths: { "@host/*": ["/etc/*"] } },
        }),
        "src/c.ts": 'import host from "etc/hostname";\nimport passwd from "@host/passwd";\n',
      });
    });
    expect(touched.filter((path) => path.startsWith("/etc"))).toEqual([]);
    expect(report?.changed.added).toEqual([]);
  });
});

/**
 * TypeScript's parser overflows its stack on such nesting; the fast scanner reads it in one linear
 * pass, so the file's own import counts too (the parser's fallback and its warning are tested with
 * the scanner in test/languages/javascript).
 */
describe("a file nested deeper than TypeScript's parser can go", () => {
  for (const depth of [1_000, 50_000]) {
    it(`is read and the rest is reviewed: ${depth.toLocaleString("en")} nested parentheses`, async () => {
      const report = await review({
        "src/a.ts": 'import { b } from "./b";\nexport const a = 1;\n',
        "src/deep.ts": `import { a } from "./a";\nexport const d = ${"(".repeat(depth)}a${")".repeat(depth)};\n`,
      });
      expect(report.findings.map(({ rule, file, line }) => [rule, file, line])).toEqual([
        ["new-cycle", "src/a.ts", 1],
      ]);
      expect(report.warnings).toEqual([]);
      expect(report.changed.added.map(({ from, to }) => `${from} -> ${to}`)).toEqual([
        "src/a.ts -> src/b.ts",
        "src/deep.ts -> src/a.ts",
      ]);
    });
  }
});
