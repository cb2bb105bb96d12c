import {
  isJavaScriptPath,
  javascriptExtensions,
  typeScriptTwins,
} from "./javascript-extensions.js";
import type { JavaScriptProject } from "./javascript-project.js";

/** Where a path-like import target leads, when the commit holds something there. */
export type Found =
  | { readonly kind: "internal"; readonly target: string }
  /** A JS or TS file left out of the review (a test, generated code, a file too large to read). */
  | { readonly kind: "excluded"; readonly target: string }
  /** Any other file: a stylesheet, a font, an image, a JSON module. */
  | { readonly kind: "asset"; readonly target: string };

/**
 * The file a path-like import target names, as TypeScript and bundlers find it: the source itself,
 * its `.ts` twin for a `.js` name, the name plus an extension, the folder's index file; then the
 * file as it is (a stylesheet, a font), and a JSON module named without its extension.
 */
export function probeTarget(project: JavaScriptProject, target: string): Found | undefined {
  for (const candidate of sourceCandidates(target)) {
    if (!project.exists(candidate)) continue;
    return project.isModule(candidate)
      ? { kind: "internal", target: candidate }
      : { kind: "excluded", target: candidate };
  }
  if (project.exists(target)) return { kind: "asset", target };
  if (project.exists(`${target}.json`)) return { kind: "asset", target: `${target}.json` };
  return undefined;
}

function sourceCandidates(target: string): string[] {
  const inFolder = (name: string) => (target === "" ? name : `${target}/${name}`);
  return [
    ...(isJavaScriptPath(target) ? [target] : []),
    ...typeScriptTwins(target),
    ...javascriptExtensions.map((extension) => target + extension),
    ...javascriptExtensions.map((extension) => inFolder(`index${extension}`)),
  ];
}
