import { basename, dirname, posix } from "node:path";
import type { Graph } from "../graph/graph.js";
import type { JavaScriptProject } from "../languages/javascript/javascript-project.js";
import { matchTsPaths } from "../languages/javascript/match-ts-paths.js";
import type { Snapshot } from "../workspace/snapshot.js";
import type { SourceFiles } from "./source-files.js";
import { textBatches } from "./text-batches.js";

export interface JavaScriptSide {
  readonly snapshot: Snapshot;
  readonly files: SourceFiles;
}

/**
 * The head files whose edges or warnings can differ from the base graph's: the added and modified
 * ones, those that imported a deleted module, and, when any file came or went (a stylesheet, a test
 * and a JSON file too: what exists decides where an import goes), those that could not resolve an
 * import and those whose text names a file that came or went (an added `x.ts` can shadow
 * `x/index.ts` or match a `paths` alias). A file that never spells a name cannot resolve an import
 * to it; the test is on the raw text, so it errs on the side of extracting too much.
 */
export async function javascriptFilesToReextract(
  project: JavaScriptProject,
  base: JavaScriptSide & { readonly graph: Graph },
  head: JavaScriptSide,
): Promise<string[]> {
  const baseBlobs = blobsOf(base.snapshot);
  const headBlobs = blobsOf(head.snapshot);
  const headFiles = new Set(head.files.javascript);
  const deletedModules = new Set(base.files.javascript.filter((file) => !headFiles.has(file)));
  const chosen = new Set(
    head.files.javascript.filter((file) => baseBlobs.get(file) !== headBlobs.get(file)),
  );
  for (const edge of base.graph.edges) if (deletedModules.has(edge.to)) chosen.add(edge.file);
  const cameOrWent = [
    ...[...headBlobs.keys()].filter((path) => !baseBlobs.has(path)),
    ...[...baseBlobs.keys()].filter((path) => !headBlobs.has(path)),
  ];
  if (cameOrWent.length > 0) {
    for (const warning of base.graph.warnings) {
      if (warning.message.startsWith("cannot resolve")) chosen.add(warning.file);
    }
    const names = namesOf(cameOrWent, project);
    // Searching every text for thousands of names costs more than extracting every file.
    if (names.length > maxNames) return [...headFiles].sort();
    const unchosen = head.snapshot.files.filter(
      (entry) => headFiles.has(entry.path) && !chosen.has(entry.path),
    );
    for await (const texts of textBatches(head.snapshot, unchosen)) {
      for (const [file, text] of texts) {
        if (names.some((name) => text.includes(name))) chosen.add(file);
      }
    }
  }
  return [...chosen].filter((file) => headFiles.has(file)).sort();
}

const maxNames = 256;

function blobsOf(snapshot: Snapshot): Map<string, string> {
  const blobs = new Map(snapshot.files.map((entry) => [entry.path, entry.sha]));
  for (const skipped of snapshot.skipped ?? []) blobs.set(skipped.path, "(too large)");
  return blobs;
}

/** What an import specifier that reaches one of these files would have to contain. */
function namesOf(files: readonly string[], project: JavaScriptProject): string[] {
  const names = new Set<string>(exactKeysReaching(files, project));
  const capturesFolders = pathsCaptureFolders(project);
  for (const file of files) {
    const stem = basename(file).replace(/(?:\.d)?\.(?:[cm]?[jt]sx?|json)$/, "");
    names.add(stem);
    // `./orders` reaches `orders/index.ts`; a `paths` target like `src/*/main` captures a folder.
    const folders = posix
      .dirname(file)
      .split("/")
      .filter((folder) => folder !== ".");
    if (stem === "index" || capturesFolders) for (const folder of folders) names.add(folder);
    const name = packageNameReaching(file, stem, project);
    if (name !== undefined) names.add(name);
  }
  return [...names];
}

/**
 * `paths` keys without a wildcard whose targets can be one of these files: the specifier need not
 * name the file at all. Others are left out, since `@acme/core` is in nearly every file.
 */
function exactKeysReaching(files: readonly string[], project: JavaScriptProject): string[] {
  const keys: string[] = [];
  for (const config of project.tsConfigs.byDirectory.values()) {
    for (const key of Object.keys(config.paths).filter((candidate) => !candidate.includes("*"))) {
      const stems = matchTsPaths(key, config).targets.map((target) =>
        target.replace(/\.[cm]?[jt]sx?$/, ""),
      );
      if (files.some((file) => stems.some((stem) => file.startsWith(stem)))) keys.push(key);
    }
  }
  return keys;
}

/** A wildcard target with a folder after the `*`. */
function pathsCaptureFolders(project: JavaScriptProject): boolean {
  return [...project.tsConfigs.byDirectory.values()].some((config) =>
    Object.values(config.paths).some((targets) => targets.some((t) => /\*.*\//.test(t))),
  );
}

/**
 * The name of the package holding `file` when an import of the package by its bare name could
 * reach it: an index file, or one its package.json names as an entry. The name of a workspace
 * package is in nearly every file that uses it, so it is added only then.
 */
function packageNameReaching(
  file: string,
  stem: string,
  project: JavaScriptProject,
): string | undefined {
  for (let folder = dirname(file); folder !== "." && folder !== "/"; folder = dirname(folder)) {
    const manifest = project.workspace.manifests.get(folder);
    if (!manifest) continue;
    const { exports, source, types, typings, module, main } = manifest;
    const entries = JSON.stringify([exports, source, types, typings, module, main]) ?? "";
    const reaches = stem === "index" || entries.includes(stem);
    return reaches && manifest.name ? manifest.name : undefined;
  }
  return undefined;
}
