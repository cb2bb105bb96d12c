import type ts from "typescript";
import { repoPathOf } from "./virtual-checkout.js";

/** The globs TypeScript asked to list files with, which is how a config says what it covers. */
export interface DirectoryRequest {
  readonly basePath: string;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

/**
 * A ParseConfigHost over the commit's config files in memory: nothing touches a file system, so a
 * tsconfig that `extends` `../../../etc/x` or sets `"baseUrl": "/"` reaches nothing. Listing files
 * answers nothing, but the request is kept: its include and exclude globs are the config's own.
 */
export function memoryConfigHost(
  texts: ReadonlyMap<string, string>,
  requests: DirectoryRequest[],
): ts.ParseConfigHost {
  const textOf = (fileName: string) => {
    const repoPath = repoPathOf(fileName);
    return repoPath === undefined ? undefined : texts.get(repoPath);
  };
  return {
    useCaseSensitiveFileNames: true,
    readDirectory: (basePath, _extensions, exclude, include) => {
      requests.push({ basePath, include: include ?? [], exclude: exclude ?? [] });
      return [];
    },
    fileExists: (fileName) => textOf(fileName) !== undefined,
    readFile: (fileName) => textOf(fileName),
  };
}
