import path from "node:path";
import type ts from "typescript";
import { typescript } from "./typescript-module.js";
import type { ExtractionWarning } from "../../graph/graph.js";
import { memoryConfigHost, type DirectoryRequest } from "./memory-config-host.js";
import { folderOf } from "./repo-path.js";
import type { TsConfigCoverage, TsPathsConfig } from "./ts-paths-config.js";
import { repoPathOf, virtualPath } from "./virtual-checkout.js";

export interface ReadTsConfig {
  readonly config?: TsPathsConfig;
  readonly warnings: readonly ExtractionWarning[];
}

/** "No inputs were found": we never let TypeScript list the project's files. */
const noInputsFound = 18003;
/** "File '{0}' not found.", which is what an `extends` of an uninstalled package gives. */
const fileNotFound = 6053;

/**
 * Reads `paths`, `baseUrl` and what a tsconfig covers with TypeScript's own parser, which follows
 * `extends` by reading JSON (never running code), through a host that only knows the commit's
 * config files (`texts`, by repo path). A file that is not valid JSON gives no config; other
 * problems (an unknown option, a missing relative `extends`) are reported and the paths still count,
 * since they are all we use. An `extends` of a package is not a problem: we never install.
 */
export function readTsConfig(texts: ReadonlyMap<string, string>, repoPath: string): ReadTsConfig {
  try {
    return parseTsConfig(texts, repoPath);
  } catch (error) {
    // TypeScript's config parser is not meant for hostile input; nothing it throws may stop us.
    const message = `tsconfig ignored: ${(error as Error).message}`;
    return { warnings: [{ file: repoPath, line: 1, message }] };
  }
}

function parseTsConfig(texts: ReadonlyMap<string, string>, repoPath: string): ReadTsConfig {
  const fileName = virtualPath(repoPath);
  const requests: DirectoryRequest[] = [];
  const host = memoryConfigHost(texts, requests);
  // The source-file form keeps positions, so a warning can name the line of a bad option.
  const json = typescript.parseJsonText(fileName, texts.get(repoPath) ?? "");
  const syntaxErrors = (json as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics;
  if (syntaxErrors && syntaxErrors.length > 0) {
    return {
      warnings: syntaxErrors.slice(0, 1).map((error) => warning(repoPath, error, "ignored")),
    };
  }
  const folder = path.posix.dirname(fileName);
  const parsed = typescript.parseJsonSourceFileConfigFileContent(
    json,
    host,
    folder,
    undefined,
    fileName,
  );
  const problems = parsed.errors.filter((error) => !isExpected(error));
  const coverage = coverageOf(folder, parsed.fileNames, requests);
  return {
    config: pathsConfig(repoPath, parsed.options, coverage),
    warnings: problems.map((problem) => warning(repoPath, problem, "its paths still count")),
  };
}

function isExpected(diagnostic: ts.Diagnostic): boolean {
  if (diagnostic.code === noInputsFound) return true;
  if (diagnostic.code !== fileNotFound) return false;
  const missing = /'([^']*)'/.exec(
    typescript.flattenDiagnosticMessageText(diagnostic.messageText, " "),
  );
  return missing !== null && !/^(?:\.|\/)/.test(missing[1] ?? "");
}

function pathsConfig(
  repoPath: string,
  options: ts.CompilerOptions,
  coverage: TsConfigCoverage,
): TsPathsConfig {
  // pathsBasePath is internal: the folder of the tsconfig that declared `paths`, which is where
  // relative targets start from when there is no baseUrl (TypeScript 4.1+).
  const declaredBase = (options as { pathsBasePath?: unknown }).pathsBasePath;
  const pathsBase =
    options.baseUrl ??
    (typeof declaredBase === "string" ? declaredBase : virtualPath(folderOf(repoPath)));
  const config = {
    file: repoPath,
    pathsBase: repoPathOf(pathsBase) ?? null,
    paths: options.paths ?? {},
    coverage,
  };
  return options.baseUrl === undefined
    ? config
    : { ...config, baseUrl: repoPathOf(options.baseUrl) ?? null };
}

function coverageOf(
  folder: string,
  fileNames: readonly string[],
  requests: readonly DirectoryRequest[],
): TsConfigCoverage {
  const inside = (spec: string) => repoPathOf(path.posix.resolve(folder, spec));
  const include = requests.flatMap((request) =>
    request.include.flatMap((spec) => inside(literalPrefix(spec)) ?? []),
  );
  const exclude = requests.flatMap((request) =>
    request.exclude.filter((spec) => !/[*?]/.test(spec)).flatMap((spec) => inside(spec) ?? []),
  );
  const files = fileNames.flatMap((name) => repoPathOf(name) ?? []);
  return { files, include, exclude };
}

/** The folders of a glob before its first wildcard: `src/**\/*.ts` is `src`. */
function literalPrefix(spec: string): string {
  const segments = spec.split("/");
  const wild = segments.findIndex((segment) => /[*?]/.test(segment));
  return wild < 0 ? spec : segments.slice(0, wild).join("/") || ".";
}

function warning(file: string, diagnostic: ts.Diagnostic, outcome: string): ExtractionWarning {
  const position = diagnostic.file && diagnostic.start !== undefined ? diagnostic.start : undefined;
  const line =
    position === undefined
      ? 1
      : (diagnostic.file?.getLineAndCharacterOfPosition(position).line ?? 0) + 1;
  const message = typescript.flattenDiagnosticMessageText(diagnostic.messageText, " ");
  return { file, line, message: `tsconfig problem (${outcome}): ${message}` };
}
