import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname, join, posix } from "node:path";
import type { Graph } from "../graph/graph.js";
import { readTsConfig } from "../languages/javascript/read-ts-config.js";
import type { Snapshot } from "../workspace/snapshot.js";
import type { SourceFiles } from "./source-files.js";

export interface JavaScriptSide {
  readonly snapshot: Snapshot;
  readonly files: SourceFiles;
}

/**
 * The head files whose edges can differ from the base graph's: the added and modified ones, those
 * that imported a deleted file, and, when files come or go, those whose text names a file that
 * came or went (an added `x.ts` can shadow `x/index.ts`, satisfy a broken import, or match a
 * `paths` alias). A file that never spells a name cannot resolve an import to it; the test is on
 * the raw text, so it errs on the side of extracting too much.
 */
export async function javascriptFilesToReextract(
  dir: string,
  base: JavaScriptSide & { readonly graph: Graph },
  head: JavaScriptSide,
): Promise<string[]> {
  const baseBlobs = blobsOf(base.snapshot);
  const headBlobs = blobsOf(head.snapshot);
  const headFiles = new Set(head.files.javascript);
  const added = head.files.javascript.filter((file) => !baseBlobs.has(file));
  const deleted = new Set(base.files.javascript.filter((file) => !headFiles.has(file)));
  const chosen = new Set(
    head.files.javascript.filter((file) => baseBlobs.get(file) !== headBlobs.get(file)),
  );
  for (const edge of base.graph.edges) if (deleted.has(edge.to)) chosen.add(edge.file);
  if (added.length + deleted.size > 0) {
    for (const warning of base.graph.warnings) {
      if (warning.message.startsWith("cannot resolve")) chosen.add(warning.file);
    }
    const names = namesOf([...added, ...deleted], dir, head.files.javascriptSupport);
    for (const file of head.files.javascript) {
      if (chosen.has(file)) continue;
      const text = await readFile(join(dir, file), "utf8").catch(() => "");
      if (names.some((name) => text.includes(name))) chosen.add(file);
    }
  }
  return [...chosen].filter((file) => headFiles.has(file)).sort();
}

function blobsOf(snapshot: Snapshot): Map<string, string> {
  return new Map(snapshot.files.map((entry) => [entry.path, entry.sha]));
}

/** What an import specifier that reaches one of these files would have to contain. */
function namesOf(files: readonly string[], dir: string, support: readonly string[]): string[] {
  const names = new Set<string>();
  const aliases = pathAliases(dir, support);
  for (const file of files) {
    const stem = basename(file).replace(/(?:\.d)?\.[cm]?[jt]sx?$/, "");
    names.add(stem);
    // `./orders` reaches `orders/index.ts`; a `paths` target like `src/*/main` captures a folder.
    const folders = posix
      .dirname(file)
      .split("/")
      .filter((folder) => folder !== ".");
    if (stem === "index" || aliases.capturesFolders)
      for (const folder of folders) names.add(folder);
    // Workspace packages are imported by name; the root package's own name is in nearly every
    // file (`@shop/...`) and would re-extract them all, while self-imports by name are rare.
    const manifest = nearestManifest(file, support);
    const name =
      manifest === undefined || manifest === "package.json"
        ? undefined
        : packageName(dir, manifest);
    if (name !== undefined) names.add(name);
  }
  for (const key of aliases.exactKeys) names.add(key);
  return [...names];
}

interface PathAliases {
  /** `paths` keys without a wildcard: the specifier need not name the file at all. */
  readonly exactKeys: readonly string[];
  /** A wildcard target with a folder after the `*`. */
  readonly capturesFolders: boolean;
}

function pathAliases(dir: string, support: readonly string[]): PathAliases {
  const exactKeys: string[] = [];
  let capturesFolders = false;
  for (const file of support.filter((path) => /(?:^|\/)[jt]sconfig[^/]*\.json$/.test(path))) {
    const paths = readTsConfig(dir, file).config?.paths ?? {};
    for (const [key, targets] of Object.entries(paths)) {
      if (!key.includes("*")) exactKeys.push(key);
      if (targets.some((target) => /\*.*\//.test(target))) capturesFolders = true;
    }
  }
  return { exactKeys, capturesFolders };
}

function nearestManifest(file: string, support: readonly string[]): string | undefined {
  const manifests = new Set(support.filter((path) => basename(path) === "package.json"));
  for (let folder = dirname(file); ; folder = dirname(folder)) {
    const manifest = folder === "." ? "package.json" : `${folder}/package.json`;
    if (manifests.has(manifest)) return manifest;
    if (folder === "." || folder === "/") return undefined;
  }
}

/** A workspace package is imported by its name, which need not match any folder. */
function packageName(dir: string, manifest: string): string | undefined {
  try {
    const parsed = JSON.parse(readFileSync(join(dir, manifest), "utf8")) as { name?: unknown };
    return typeof parsed.name === "string" && parsed.name !== "" ? parsed.name : undefined;
  } catch {
    return undefined;
  }
}
