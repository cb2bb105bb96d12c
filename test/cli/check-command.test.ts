import { readdir } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { checkoutBranch, commitFiles, initRepo } from "../../src/workspace/scratch-repo.js";
import { useTempDirs } from "../workspace/temp-dir.js";
import { runCli } from "./run-cli.js";

const tempDir = useTempDirs();

const base = {
  "src/shop/__init__.py": "",
  "src/shop/orders/__init__.py": "",
  "src/shop/orders/services.py": "from shop.orders import models\n",
  "src/shop/orders/models.py": "import dataclasses\n",
  "src/shop/payments/__init__.py": "",
  "src/shop/payments/services.py": "from shop.payments.models import Payment\n",
  "src/shop/payments/models.py": "class Payment: ...\n",
};

/** A repository with `main` and a `pr` branch carrying the given changes. */
async function repoWith(pr: Record<string, string | null>, extraBase: Record<string, string> = {}) {
  const dir = await tempDir();
  await initRepo(dir);
  await commitFiles(dir, { ...base, ...extraBase }, "base");
  await checkoutBranch(dir, "pr", true);
  await commitFiles(dir, pr, "pr");
  return dir;
}

describe("archdrift check", () => {
  it("exits 1 and points at the import that closes a new cycle", async () => {
    const dir = await repoWith({
      "src/shop/orders/models.py": "import dataclasses\nfrom shop.orders.services import x\n",
    });
    const run = await runCli(["check", "--base", "main", "--head", "pr", "--repo", dir], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("src/shop/orders/models.py:2");
    expect(run.stdout).toContain("shop.orders.models → shop.orders.services → shop.orders.models");
  });

  it("exits 0 when the PR adds only a warning-level domain coupling", async () => {
    const dir = await repoWith({
      "src/shop/orders/services.py":
        "from shop.orders import models\nfrom shop.payments import services\n",
    });
    const run = await runCli(["check", "--base", "main", "--head", "pr", "--format", "json"], dir);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as {
      findings: { rule: string; severity: string; file: string; line: number }[];
    };
    expect(json.findings).toEqual([
      expect.objectContaining({
        rule: "new-domain-coupling",
        severity: "warning",
        file: "src/shop/orders/services.py",
        line: 2,
      }),
    ]);
  });

  it("never fails a PR for drift that already existed at base", async () => {
    const cycle = { "src/shop/orders/models.py": "from shop.orders import services\n" };
    const dir = await repoWith({ "src/shop/orders/extra.py": "x = 1\n" }, cycle);
    const run = await runCli(["check", "--base", "main", "--head", "pr"], dir);
    expect(run.code).toBe(0);
  });

  it("judges the PR by the base's config, even when the PR edits it", async () => {
    const strict = "layers: [services, models]\n";
    const dir = await tempDir();
    await initRepo(dir);
    await commitFiles(dir, { ...base, ".github/archdrift.yml": strict }, "base");
    await checkoutBranch(dir, "pr", true);
    await commitFiles(
      dir,
      {
        ".github/archdrift.yml": "layers: [services, models]\nrules: { layer-violation: off }\n",
        "src/shop/payments/models.py": "from shop.payments import services\n",
      },
      "silence myself",
    );
    const run = await runCli(["check", "--base", "main", "--head", "pr", "--format", "json"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("layer-violation");
  });

  it("exits 2 with file, line and reason for a broken config", async () => {
    const dir = await repoWith(
      {},
      { ".github/archdrift.yml": "layers: [api, services]\nrulez: {}\n" },
    );
    const run = await runCli(["check", "--base", "main", "--head", "pr"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.github\/archdrift\.yml:2: .*rulez/);
  });

  it("exits 2 for a config that matches nothing", async () => {
    const dir = await repoWith(
      {},
      { ".github/archdrift.yml": "domains:\n  billing: { path: src/shop/billing }\n" },
    );
    const run = await runCli(["check", "--base", "main", "--head", "pr"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/archdrift\.yml:2: .*billing/);
  });

  it("exits 2 for usage errors: no base, an unknown ref, an unknown format", async () => {
    const dir = await repoWith({});
    expect((await runCli(["check"], dir)).code).toBe(2);
    expect((await runCli(["check", "--base", "nope"], dir)).stderr).toContain(
      '"nope" is not a commit',
    );
    expect((await runCli(["check", "--base", "main", "--format", "xml"], dir)).code).toBe(2);
    expect((await runCli(["frobnicate"], dir)).code).toBe(2);
  });

  it("writes SARIF 2.1.0 with one result per finding", async () => {
    const dir = await repoWith({
      "src/shop/orders/models.py": "from shop.orders.services import x\n",
    });
    const run = await runCli(["check", "--base", "main", "--head", "pr", "--format", "sarif"], dir);
    const sarif = JSON.parse(run.stdout) as {
      version: string;
      runs: { results: { ruleId: string }[] }[];
    };
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0]?.results.map((result) => result.ruleId)).toEqual(["new-cycle"]);
  });
});

describe("archdrift graph", () => {
  it("prints every module and edge with file, line and kind", async () => {
    const dir = await repoWith({});
    const run = await runCli(["graph", "--ref", "main", "--format", "json"], dir);
    expect(run.code).toBe(0);
    const graph = JSON.parse(run.stdout) as {
      modules: { id: string }[];
      edges: { from: string; to: string; line: number; kind: string }[];
    };
    expect(graph.modules.map((module) => module.id)).toContain("shop.payments.models");
    expect(graph.edges).toContainEqual(
      expect.objectContaining({
        from: "shop.payments.services",
        to: "shop.payments.models",
        line: 1,
        kind: "runtime",
      }),
    );
  });

  it("draws the graph as dot and mermaid", async () => {
    const dir = await repoWith({});
    expect((await runCli(["graph", "--format", "dot"], dir)).stdout).toMatch(/^digraph/);
    expect((await runCli(["graph", "--format", "mermaid"], dir)).stdout).toContain("flowchart");
  });
});

describe("bounds and caching", () => {
  it("exits 2 and names the bound when a commit has too many files", async () => {
    const dir = await repoWith({ "src/shop/orders/extra.py": "x = 1\n" });
    let stderr = "";
    const code = await main(["check", "--base", "main", "--head", "pr"], {
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text) },
      cwd: dir,
      env: { ARCHDRIFT_MAX_FILES: "3" },
    });
    expect(code).toBe(2);
    expect(stderr).toContain("archdrift reviews at most 3 (ARCHDRIFT_MAX_FILES)");
  });

  it("exits 2 with a plain message for a bound that is not a number", async () => {
    const dir = await repoWith({});
    let stderr = "";
    const code = await main(["check", "--base", "main", "--head", "pr"], {
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text) },
      cwd: dir,
      env: { ARCHDRIFT_MAX_FILES: "lots" },
    });
    expect(code).toBe(2);
    expect(stderr).toContain('ARCHDRIFT_MAX_FILES must be a positive whole number, not "lots"');
  });

  it("keeps base graphs in --cache-dir and gives the same report from the cache", async () => {
    const dir = await repoWith({
      "src/shop/orders/models.py": "from shop.orders.services import x\n",
    });
    const cacheDir = await tempDir();
    const args = [
      "check",
      "--base",
      "main",
      "--head",
      "pr",
      "--format",
      "json",
      "--cache-dir",
      cacheDir,
    ];
    const cold = await runCli(args, dir);
    const warm = await runCli(args, dir);
    const findings = (run: { stdout: string }) =>
      (JSON.parse(run.stdout) as { findings: unknown[] }).findings;
    expect(findings(warm)).toEqual(findings(cold));
    expect((await readdir(cacheDir, { recursive: true })).length).toBeGreaterThan(0);
  });
});
