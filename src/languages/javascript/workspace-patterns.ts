import { parse } from "yaml";
import type { ExtractionWarning } from "../../graph/graph.js";
import type { PackageManifest } from "./package-manifest.js";

export interface WorkspacePatterns {
  readonly patterns: readonly string[];
  readonly warnings: readonly ExtractionWarning[];
}

const pnpmFile = "pnpm-workspace.yaml";

/**
 * The workspace globs of a monorepo: npm and yarn put them in package.json (`workspaces` as a list,
 * or yarn's `{ packages: [...] }`), pnpm in pnpm-workspace.yaml. Both are read as data.
 */
export function workspacePatterns(
  texts: ReadonlyMap<string, string>,
  rootManifest: PackageManifest | undefined,
): WorkspacePatterns {
  const patterns = [...stringList(rootManifest?.workspaces)];
  const warnings: ExtractionWarning[] = [];
  const pnpm = texts.get(pnpmFile);
  if (pnpm !== undefined) {
    try {
      // Not spread as call arguments: a list of 200,000 would overflow the stack.
      for (const pattern of stringList(parse(pnpm) as unknown)) patterns.push(pattern);
    } catch (error) {
      warnings.push({ file: pnpmFile, line: 1, message: `ignored: ${(error as Error).message}` });
    }
  }
  return { patterns, warnings };
}

function stringList(value: unknown): string[] {
  const list =
    typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as { packages?: unknown }).packages
      : value;
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === "string") : [];
}
