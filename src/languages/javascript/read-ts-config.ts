import path from "node:path";
import ts from "typescript";
import type { ExtractionWarning } from "../../graph/graph.js";
import { confinedConfigHost } from "./confined-config-host.js";
import type { TsPathsConfig } from "./ts-paths-config.js";

export interface ReadTsConfig {
  readonly config?: TsPathsConfig;
  readonly warnings: readonly ExtractionWarning[];
}

/** "No inputs were found": we never ask TypeScript to list the project's files. */
const noInputsFound = 18003;

/**
 * Reads `paths` and `baseUrl` of a tsconfig with TypeScript's own parser, which follows `extends` by
 * reading JSON (never running code), through a host that cannot read outside the checkout.
 * A file that is not valid JSON gives no config; other problems (an unknown option, an `extends`
 * that is missing because nothing is installed) are reported and the paths still count, since they
 * are all we use.
 */
export function readTsConfig(dir: string, repoPath: string): ReadTsConfig {
  try {
    return parseTsConfig(dir, repoPath);
  } catch (error) {
    // TypeScript's config parser is not meant for hostile input; nothing it throws may stop us.
    const message = `tsconfig ignored: ${(error as Error).message}`;
    return { warnings: [{ file: repoPath, line: 1, message }] };
  }
}

function parseTsConfig(dir: string, repoPath: string): ReadTsConfig {
  const fileName = path.join(dir, repoPath);
  const host = confinedConfigHost(dir);
  // The source-file form keeps positions, so a warning can name the line of a bad option.
  const json = ts.readJsonConfigFile(fileName, (name) => host.readFile(name));
  const syntaxErrors = (json as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics;
  if (syntaxErrors && syntaxErrors.length > 0) {
    return {
      warnings: syntaxErrors.slice(0, 1).map((error) => warning(repoPath, error, "ignored")),
    };
  }
  const parsed = ts.parseJsonSourceFileConfigFileContent(
    json,
    host,
    path.dirname(fileName),
    undefined,
    fileName,
  );
  const problems = parsed.errors.filter((error) => error.code !== noInputsFound);
  return {
    config: pathsConfig(repoPath, fileName, parsed.options),
    warnings: problems.map((problem) => warning(repoPath, problem, "its paths still count")),
  };
}

function pathsConfig(
  repoPath: string,
  fileName: string,
  options: ts.CompilerOptions,
): TsPathsConfig {
  // pathsBasePath is internal: the folder of the tsconfig that declared `paths`, which is where
  // relative targets start from when there is no baseUrl (TypeScript 4.1+).
  const declaredBase = (options as { pathsBasePath?: unknown }).pathsBasePath;
  const pathsBase =
    options.baseUrl ?? (typeof declaredBase === "string" ? declaredBase : path.dirname(fileName));
  const paths = options.paths ?? {};
  return options.baseUrl === undefined
    ? { file: repoPath, pathsBase, paths }
    : { file: repoPath, baseUrl: options.baseUrl, pathsBase, paths };
}

function warning(file: string, diagnostic: ts.Diagnostic, outcome: string): ExtractionWarning {
  const position = diagnostic.file && diagnostic.start !== undefined ? diagnostic.start : undefined;
  const line =
    position === undefined
      ? 1
      : (diagnostic.file?.getLineAndCharacterOfPosition(position).line ?? 0) + 1;
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, " ");
  return { file, line, message: `tsconfig problem (${outcome}): ${message}` };
}
