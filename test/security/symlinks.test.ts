import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { reviewChanges } from "../../src/review/review-changes.js";
import { safeGit } from "../../src/workspace/safe-git.js";
import { checkoutBranch, commitFiles, initRepo } from "../../src/workspace/scratch-repo.js";
import { openSnapshot } from "../../src/workspace/snapshot.js";
import { runCli } from "../cli/run-cli.js";
import { useTempDirs } from "../workspace/temp-dir.js";
import { benignBase, carelessGit, cycleChange } from "./hostile-repo.js";

const tempDir = useTempDirs();

const keyBody = "MIIEpAIBAAKCAQEAfAkEkEyFoRaRcHdRiFtTeStOnLy0123456789abcdefSECRET";
const fakeKey = `-----BEGIN RSA PRIVATE KEY-----\n${keyBody}\n-----END RSA PRIVATE KEY-----\n`;

/** Committed symlinks, each a way a host file could be read as if it were part of the repository. */
function links(keyFile: string): Record<string, string> {
  return {
    "src/shop/orders/leak.py": "/etc/passwd",
    "src/shop/orders/key.py": keyFile,
    "src/web/leak.ts": "/etc/passwd",
    "src/web/key.ts": keyFile,
    // Read for Python roots and JavaScript resolution: parse errors could quote them. A base config
    // that is a link stops the review (test/security/config-from-base.test.ts); the head's is
    // compared with the base's, never read.
    "pyproject.toml": keyFile,
    ".github/archdrift.yml": keyFile,
    "package.json": keyFile,
    // A directory link: nothing under it may be listed, read or resolved through.
    "src/pkg": "/etc",
  };
}

async function commitLinks(dir: string, targets: Record<string, string>, message: string) {
  for (const [path, target] of Object.entries(targets)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await symlink(target, join(dir, path));
  }
  return commitFiles(dir, {}, message);
}

/**
 * Symlinks to /etc/passwd, to a private key and to /etc itself, in the head (its config file is
 * one). Their targets must never reach any output, finding, warning or log line.
 *
 * Shown to fail without the protection, on a scratch copy of the repository: letting `listTree`
 * keep mode-120000 entries and reading the snapshot from a `git checkout` (which writes real
 * symlinks) put the key into the config error ("the config must be a mapping of keys, got
 * \"-----BEGIN RSA PRIVATE KEY----- MIIE...\"") that the CLI prints and the check run shows.
 */
describe("symlinks in a reviewed repository", () => {
  it("never leak their targets into a report, a warning or a log", async () => {
    const scratch = await tempDir();
    const keyFile = join(scratch, "id_rsa");
    await writeFile(keyFile, fakeKey);
    const passwdLine = (await readFile("/etc/passwd", "utf8")).split("\n")[0] ?? "";
    expect(passwdLine).toMatch(/^root:/);
    const dir = join(scratch, "repo");
    await initRepo(dir);
    await commitFiles(dir, benignBase, "base");
    await checkoutBranch(dir, "pr", true);
    await commitFiles(
      dir,
      {
        ...cycleChange,
        "src/shop/orders/services.py":
          "from shop.orders import models\nfrom shop.orders import leak, key\n",
        "src/web/index.ts":
          'import "./leak";\nimport "./key";\nimport "../pkg/passwd";\nexport const x = 1;\n',
        "tsconfig.json": JSON.stringify({ extends: "./src/pkg/passwd" }),
      },
      "head",
    );
    const head = await commitLinks(dir, links(keyFile), "links");

    // The links really are in the commit, as links (mode 120000).
    const tree = await safeGit(dir).raw(["ls-tree", "-r", head]);
    expect(tree.match(/^120000 /gm)).toHaveLength(Object.keys(links(keyFile)).length);
    // And a careless checkout really would read the host's files through them.
    const clone = join(scratch, "careless-clone");
    carelessGit(["clone", "--quiet", "--branch", "pr", dir, clone], {
      cwd: scratch,
      home: scratch,
    });
    expect(await readFile(join(clone, "src/shop/orders/leak.py"), "utf8")).toContain(passwdLine);
    expect(await readFile(join(clone, "src/web/key.ts"), "utf8")).toContain(keyBody);

    const snapshot = await openSnapshot(dir, head);
    const paths = snapshot.files.map((entry) => entry.path);
    expect(paths.filter((path) => Object.keys(links(keyFile)).includes(path))).toEqual([]);
    expect(paths.filter((path) => path.startsWith("src/pkg/"))).toEqual([]);

    const outputs: string[] = [];
    for (const format of ["text", "markdown", "json", "sarif"]) {
      const run = await runCli(
        ["check", "--base", "main", "--head", "pr", "--format", format],
        dir,
      );
      expect(run.code).toBe(1);
      outputs.push(run.stdout, run.stderr);
    }
    const graph = await runCli(["graph", "--ref", "pr", "--format", "json"], dir);
    outputs.push(graph.stdout, graph.stderr);
    const report = await reviewChanges({ repoDir: dir, base: "main", head: "pr" });
    outputs.push(JSON.stringify(report));
    expect(report.findings.map((finding) => finding.rule)).toContain("new-cycle");

    for (const output of outputs) {
      expect(output).not.toContain(passwdLine);
      expect(output).not.toContain("root:x:");
      expect(output).not.toContain(keyBody);
      expect(output).not.toContain("PRIVATE KEY");
    }
  });
});
