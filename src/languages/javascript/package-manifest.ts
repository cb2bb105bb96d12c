import fs from "node:fs";
import path from "node:path";

/** The fields of a package.json that decide what an import of the package by name reaches. */
export interface PackageManifest {
  readonly name?: string;
  readonly exports?: unknown;
  readonly source?: string;
  readonly types?: string;
  readonly typings?: string;
  readonly module?: string;
  readonly main?: string;
  readonly workspaces?: unknown;
}

export type ManifestRead =
  | { readonly ok: true; readonly manifest: PackageManifest }
  | { readonly ok: false; readonly message: string };

/** Reads a package.json as data; a broken one is a message, not an exception. */
export function readPackageManifest(dir: string, repoPath: string): ManifestRead {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(path.join(dir, repoPath), "utf8"));
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      return { ok: false, message: "package.json is not an object" };
    }
    return { ok: true, manifest: pickFields(parsed as Record<string, unknown>) };
  } catch (error) {
    return { ok: false, message: `package.json could not be read: ${(error as Error).message}` };
  }
}

function pickFields(raw: Record<string, unknown>): PackageManifest {
  const text = (key: string) => (typeof raw[key] === "string" ? { [key]: raw[key] } : {});
  return {
    ...text("name"),
    ...text("source"),
    ...text("types"),
    ...text("typings"),
    ...text("module"),
    ...text("main"),
    ...(raw["exports"] === undefined ? {} : { exports: raw["exports"] }),
    ...(raw["workspaces"] === undefined ? {} : { workspaces: raw["workspaces"] }),
  } as PackageManifest;
}
