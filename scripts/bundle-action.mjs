// Builds the GitHub Action's committed bundle: `action/` at the repository root, which action.yml
// runs on the runner's Node with nothing installed. `node scripts/bundle-action.mjs --check`
// builds in memory and fails when the committed files differ, so a stale bundle fails `npm test`.
import { build } from "esbuild";
import { Buffer } from "node:buffer";
import { createRequire } from "node:module";
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "action");
const entry = join(root, "src/action/action-main.ts");
const bundleName = "main.mjs";

/**
 * Our own sources find files at run time relative to themselves: a wasm grammar through
 * `require.resolve`, package.json and TypeScript through `createRequire`. In the bundle the
 * grammar sits beside main.mjs and what was required is bundled. Any such lookup left over fails
 * the build, not the Action.
 */
function relocationPlugin(assets) {
  return {
    name: "relocate-runtime-lookups",
    setup(builder) {
      builder.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
        let text = await readFile(args.path, "utf8");
        const header = [];
        text = text.replace(/\brequire\.resolve\(\s*"([^"]+\.wasm)"\s*\)/g, (_, specifier) => {
          const file = createRequire(args.path).resolve(specifier);
          assets.set(basename(file), file);
          header.push('import { fileURLToPath as __archdriftPath } from "node:url";');
          return `__archdriftPath(new URL(${JSON.stringify(`./${basename(file)}`)}, import.meta.url))`;
        });
        text = text.replace(
          /\bcreateRequire\(import\.meta\.url\)\(\s*"([^"]+)"\s*\)/g,
          (_, path) => {
            // A default import is what require() returns: module.exports, or the parsed JSON.
            const name = `__archdriftRequired${header.length}`;
            header.push(`import ${name} from ${JSON.stringify(path)};`);
            return name;
          },
        );
        if (/\brequire\.resolve\(|\bcreateRequire\(import\.meta\.url\)\(/.test(text))
          throw new Error(
            `${relative(root, args.path)} looks a file up at run time in a way the bundle cannot carry`,
          );
        return { contents: [...new Set(header), text].join("\n"), loader: "ts" };
      });
    },
  };
}

async function bundle() {
  const assets = new Map();
  const result = await build({
    entryPoints: [entry],
    outfile: join(outDir, bundleName),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Readable and line-stable: a change to one source file changes a few lines of the bundle.
    minify: false,
    legalComments: "none",
    metafile: true,
    write: false,
    absWorkingDir: root,
    logLevel: "error",
    // CommonJS dependencies call require() and read __filename; an ES module has neither.
    banner: {
      js: [
        'import { createRequire as __archdriftCreateRequire } from "node:module";',
        'import { dirname as __archdriftDirname } from "node:path";',
        'import { fileURLToPath as __archdriftFileURLToPath } from "node:url";',
        "const require = __archdriftCreateRequire(import.meta.url);",
        "const __filename = __archdriftFileURLToPath(import.meta.url);",
        "const __dirname = __archdriftDirname(__filename);",
      ].join("\n"),
    },
    plugins: [relocationPlugin(assets)],
  });
  const webTreeSitter = createRequire(entry).resolve("web-tree-sitter/tree-sitter.wasm");
  assets.set(basename(webTreeSitter), webTreeSitter);
  const files = new Map(result.outputFiles.map((file) => [file.path, Buffer.from(file.contents)]));
  for (const [name, source] of assets) files.set(join(outDir, name), await readFile(source));
  files.set(join(outDir, "licenses.txt"), Buffer.from(await licenses(result.metafile, assets)));
  return files;
}

/** The license of every package whose code or files the bundle carries. */
async function licenses(metafile, assets) {
  const inputs = [
    ...Object.keys(metafile.inputs),
    ...[...assets.values()].map((path) => relative(root, path)),
  ];
  const packages = new Set();
  for (const input of inputs) {
    const match = /^(.*node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(
      input.replaceAll("\\", "/"),
    );
    if (match) packages.add(match[1]);
  }
  const sections = [];
  for (const dir of [...packages].sort()) {
    const manifest = JSON.parse(await readFile(join(root, dir, "package.json"), "utf8"));
    const names = (await readdir(join(root, dir)))
      .filter((name) => /^(licen[cs]e|copying)/i.test(name))
      .sort();
    const texts = await Promise.all(names.map((name) => readFile(join(root, dir, name), "utf8")));
    sections.push(
      `${manifest.name}@${manifest.version} (${manifest.license ?? "see below"})\n\n${texts.join("\n").trim()}`,
    );
  }
  return `Third-party software carried by archdrift's Action bundle (main.mjs and the wasm files).\n\n${sections.join("\n\n---\n\n")}\n`;
}

async function check(files) {
  const stale = [];
  for (const [path, contents] of files) {
    const committed = await readFile(path).catch(() => undefined);
    if (committed === undefined || !committed.equals(contents)) stale.push(relative(root, path));
  }
  const expected = new Set([...files.keys()].map((path) => basename(path)));
  const present = await readdir(outDir).catch(() => []);
  stale.push(
    ...present
      .filter((name) => !expected.has(name))
      .map((name) => `action/${name} (not built any more)`),
  );
  if (stale.length === 0) return void console.log(`action/ is up to date (${files.size} files)`);
  console.error(
    `The Action's bundle is out of date: ${stale.join(", ")}.\nRun \`npm run bundle\` and commit action/.`,
  );
  process.exitCode = 1;
}

async function write(files) {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  for (const [path, contents] of files) await writeFile(path, contents);
  const size = (path) =>
    `${relative(root, path)} ${(files.get(path).length / 1024 / 1024).toFixed(1)} MiB`;
  console.log(`wrote ${[...files.keys()].map(size).join(", ")}`);
}

const files = await bundle();
await (process.argv.includes("--check") ? check(files) : write(files));
