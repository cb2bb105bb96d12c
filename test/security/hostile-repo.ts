import { spawnSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { commitFiles, initRepo } from "../../src/workspace/scratch-repo.js";
import { safeGit } from "../../src/workspace/safe-git.js";
import type { TrapMarker } from "./trap-marker.js";

/** A small Python service with domains, so a review has real work to do around the traps. */
export const benignBase: Readonly<Record<string, string>> = {
  "src/shop/__init__.py": "",
  "src/shop/orders/__init__.py": "",
  "src/shop/orders/services.py": "from shop.orders import models\n",
  "src/shop/orders/models.py": "import dataclasses\n",
  "src/shop/payments/__init__.py": "",
  "src/shop/payments/services.py": "from shop.payments.models import Payment\n",
  "src/shop/payments/models.py": "class Payment: ...\n",
  "src/web/util.ts": "export const util = 1;\n",
};

/** The head's honest change: a new import cycle, so the review must find something. */
export const cycleChange: Readonly<Record<string, string>> = {
  "src/shop/orders/models.py": "import dataclasses\nfrom shop.orders.services import x\n",
};

export const javascriptTrapLabels = [
  "dependency-cruiser.js",
  "dependency-cruiser.cjs",
  "dependency-cruiser.mjs",
  "dependency-cruiser.json-extends",
  "webpack.config.js",
  "webpack.config.cjs",
  "babel.config.js",
  "babelrc.js",
  "imported-by-source",
] as const;

export const npmScripts = [
  "preinstall",
  "install",
  "postinstall",
  "prepare",
  "prepack",
  "prepublish",
] as const;

/**
 * Files that run code the moment a careless tool trusts them: configs that dependency-cruiser,
 * webpack or babel would load, npm lifecycle scripts, `.gitattributes` that name filter and diff
 * drivers, an LFS pointer and a submodule. Every one of them writes to the marker if it runs.
 */
export function trappedTree(marker: TrapMarker, submoduleUrl: string): Record<string, string> {
  const js = (label: string, tail = "module.exports = {};\n") => marker.javascript(label) + tail;
  const scripts = Object.fromEntries(npmScripts.map((name) => [name, marker.shell(`npm-${name}`)]));
  return {
    ".dependency-cruiser.js": js("dependency-cruiser.js"),
    ".dependency-cruiser.cjs": js("dependency-cruiser.cjs"),
    ".dependency-cruiser.mjs": js("dependency-cruiser.mjs", "export default {};\n"),
    ".dependency-cruiser.json": JSON.stringify({ extends: "./tools/evil-extends.cjs" }),
    "tools/evil-extends.cjs": js("dependency-cruiser.json-extends"),
    "webpack.config.js": js("webpack.config.js"),
    "webpack.config.cjs": js("webpack.config.cjs"),
    "babel.config.js": js("babel.config.js"),
    ".babelrc.js": js("babelrc.js"),
    // Imported by a reviewed source file: parsing it is fine, resolving it must not load it.
    "src/web/side-effect.cjs": js("imported-by-source"),
    "src/web/index.ts":
      'import { util } from "./util";\nimport "./side-effect.cjs";\nimport config from "../../webpack.config.js";\nexport { util, config };\n',
    "package.json": JSON.stringify(
      { name: "hostile", version: "1.0.0", private: true, scripts, main: "src/web/index.ts" },
      null,
      2,
    ),
    ".gitattributes": [
      "* filter=evil diff=evil merge=evil",
      "*.bin filter=lfs diff=lfs merge=lfs -text",
      "src/shop/orders/big_data.py filter=lfs diff=lfs merge=lfs -text",
      "",
    ].join("\n"),
    "assets/blob.bin": lfsPointer("a"),
    "src/shop/orders/big_data.py": lfsPointer("b"),
    ".gitmodules": [
      '[submodule "vendor/sub"]',
      "\tpath = vendor/sub",
      // No `update = !command`: git itself refuses it in .gitmodules (CVE-2019-19604), fatally.
      `\turl = ${submoduleUrl}`,
      "",
    ].join("\n"),
  };
}

function lfsPointer(seed: string): string {
  return `version https://git-lfs.github.com/spec/v1\noid sha256:${seed.repeat(64)}\nsize 104857600\n`;
}

export const hookNames = [
  "post-checkout",
  "post-merge",
  "post-rewrite",
  "reference-transaction",
  "pre-auto-gc",
  "post-index-change",
  "push-to-checkout",
  "pre-commit",
  "post-commit",
] as const;

/** Writes every hook that a fetch, checkout, merge, commit or gc could run into `hooksDir`. */
export async function plantHooks(hooksDir: string, marker: TrapMarker, prefix: string) {
  await mkdir(hooksDir, { recursive: true });
  for (const name of hookNames) await marker.writeScript(join(hooksDir, name), `${prefix}${name}`);
}

/**
 * A home directory whose `.gitconfig` defines the drivers the hostile `.gitattributes` names, as a
 * host with git-lfs installed defines `filter.lfs`, plus global hooks, a hook template and
 * submodule recursion. Nothing archdrift runs may honour any of it for a reviewed commit.
 */
export async function hostileGitHome(dir: string, marker: TrapMarker): Promise<string> {
  const home = join(dir, "home");
  const templateDir = join(home, "git-template");
  await plantHooks(join(home, "global-hooks"), marker, "global-hook-");
  await plantHooks(join(templateDir, "hooks"), marker, "template-hook-");
  const pass = (label: string) => `${marker.shell(label)}; cat`;
  const config = {
    "filter.evil.smudge": pass("filter-evil-smudge"),
    "filter.evil.clean": pass("filter-evil-clean"),
    "filter.lfs.smudge": pass("filter-lfs-smudge"),
    "filter.lfs.clean": pass("filter-lfs-clean"),
    "diff.evil.textconv": pass("diff-evil-textconv"),
    // `#` comments out the arguments git appends, so the marker line stays just the label.
    "diff.evil.command": `${marker.shell("diff-evil-command")} #`,
    "diff.lfs.textconv": pass("diff-lfs-textconv"),
    "merge.evil.driver": `${marker.shell("merge-evil-driver")} #`,
    "core.hooksPath": join(home, "global-hooks"),
    "init.templateDir": templateDir,
    "submodule.recurse": "true",
    "protocol.file.allow": "always",
    "user.name": "trap",
    "user.email": "trap@example.invalid",
  };
  await writeFile(join(home, ".gitconfig"), gitConfigText(config));
  return home;
}

function gitConfigText(config: Readonly<Record<string, string>>): string {
  return Object.entries(config)
    .map(([key, value]) => {
      const dot = key.lastIndexOf(".");
      const [section, ...sub] = key.slice(0, dot).split(".");
      const header = sub.length > 0 ? `[${section} "${sub.join(".")}"]` : `[${section}]`;
      return `${header}\n\t${key.slice(dot + 1)} = ${JSON.stringify(value)}\n`;
    })
    .join("");
}

/** Sets HOME for the git processes archdrift spawns (it passes HOME on), restoring it after. */
export async function withHome<T>(home: string, task: () => Promise<T>): Promise<T> {
  const previous = process.env["HOME"];
  process.env["HOME"] = home;
  try {
    return await task();
  } finally {
    if (previous === undefined) delete process.env["HOME"];
    else process.env["HOME"] = previous;
  }
}

/**
 * The repository a `.gitmodules` points at: a Python module that would join the graph if followed,
 * files that set off the evil filter if checked out, and hooks of its own.
 */
export async function submoduleSource(dir: string, marker: TrapMarker): Promise<string> {
  await initRepo(dir);
  const sha = await commitFiles(
    dir,
    {
      ".gitattributes": "* filter=evil\n",
      "leaked_from_submodule.py": "import shop.orders.models\n",
    },
    "submodule",
  );
  await plantHooks(join(dir, ".git", "hooks"), marker, "submodule-hook-");
  return sha;
}

/** Records a gitlink (mode 160000) as git does for a submodule, without cloning anything. */
export async function commitGitlink(dir: string, path: string, sha: string, message: string) {
  const git = safeGit(dir);
  await git.raw(["update-index", "--add", "--cacheinfo", `160000,${sha},${path}`]);
  await git.raw([
    ...["-c", "user.name=archdrift", "-c", "user.email=archdrift@example.invalid"],
    ...["commit", "--no-verify", "--quiet", "-m", message],
  ]);
  return (await git.revparse(["HEAD"])).trim();
}

/**
 * Plain git with the hostile home and none of archdrift's settings: what a careless tool would
 * run. Used to prove each trap is armed before proving archdrift never sets it off.
 */
export function carelessGit(args: readonly string[], options: { cwd: string; home: string }) {
  const result = spawnSync("git", args, {
    cwd: options.cwd,
    env: { PATH: process.env["PATH"], HOME: options.home, GIT_CONFIG_NOSYSTEM: "1" },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return { status: result.status, stderr: result.stderr };
}

/** Runs a trap the way a careless tool would (`node file`, `sh -c script`), to prove it is armed. */
export function runCarelessly(command: string, args: readonly string[], cwd: string) {
  return spawnSync(command, args, { cwd, stdio: "ignore", env: process.env });
}
