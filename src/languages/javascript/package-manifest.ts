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
  /** Every dependency the package declares (dependencies, dev, peer, optional) with its range. */
  readonly dependencies: Readonly<Record<string, string>>;
}

export type ManifestRead =
  | { readonly ok: true; readonly manifest: PackageManifest }
  | { readonly ok: false; readonly message: string };

const dependencyFields = [
  "dependencies",
  "devDependencies",
  "peerDependencies",
  "optionalDependencies",
];

/** Reads a package.json as data; a broken one is a message, not an exception. */
export function parsePackageManifest(text: string): ManifestRead {
  try {
    const parsed: unknown = JSON.parse(text);
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
    dependencies: declaredDependencies(raw),
  } as PackageManifest;
}

function declaredDependencies(raw: Record<string, unknown>): Record<string, string> {
  const declared: Record<string, string> = {};
  for (const field of dependencyFields) {
    const entries = raw[field];
    if (typeof entries !== "object" || entries === null || Array.isArray(entries)) continue;
    for (const [name, range] of Object.entries(entries)) {
      if (typeof range === "string" && !Object.hasOwn(declared, name)) declared[name] = range;
    }
  }
  return declared;
}

/**
 * A range a package manager fetches from a registry, not from the repository: `0.18.0`, `^1.2`,
 * `npm:other@1`. `workspace:`, `file:`, `link:` and `portal:` name a folder of the repository.
 */
export function isRegistryRange(range: string): boolean {
  return !/^(?:workspace|file|link|portal):/.test(range.trim());
}
