import { parse } from "smol-toml";
import { dirnameOf } from "./normalize-repo-path.js";

/**
 * The source folders a pyproject.toml declares, relative to its own folder, or undefined when it
 * declares none (setuptools then discovers `src/` or flat packages, and so do we). Covers
 * setuptools, poetry, hatch, pdm, uv and maturin; bad TOML counts as declaring nothing.
 */
export function pyprojectRoots(text: string): string[] | undefined {
  let toml: unknown;
  try {
    toml = parse(text);
  } catch {
    return undefined;
  }
  const tool = table(table(toml)?.["tool"]);
  if (tool === undefined) return undefined;
  const roots = [
    ...setuptools(table(tool["setuptools"])),
    ...poetry(table(tool["poetry"])),
    ...hatch(table(tool["hatch"])),
    ...stringsOf(table(table(tool["pdm"])?.["build"])?.["package-dir"]),
    ...uv(table(tool["uv"])),
    ...stringsOf(table(tool["maturin"])?.["python-source"]),
  ];
  return roots.length > 0 ? roots : undefined;
}

function setuptools(config: Record<string, unknown> | undefined): string[] {
  if (config === undefined) return [];
  const find = table(table(config["packages"])?.["find"]);
  const where = find === undefined ? [] : stringsOf(find["where"]);
  const packageDir = table(config["package-dir"]) ?? {};
  const fromPackageDir = Object.entries(packageDir).flatMap(([name, folder]) =>
    typeof folder !== "string" ? [] : name === "" ? [folder] : packageParent(name, folder),
  );
  // An explicit `packages = [...]` list without a package-dir means the packages sit beside it.
  const listed = Array.isArray(config["packages"]) && !("" in packageDir) ? [""] : [];
  return [
    ...where,
    ...(find !== undefined && where.length === 0 ? ["."] : []),
    ...fromPackageDir,
    ...listed,
  ];
}

function poetry(config: Record<string, unknown> | undefined): string[] {
  const packages = config?.["packages"];
  if (!Array.isArray(packages)) return [];
  return packages.flatMap((entry) => {
    const spec = table(entry);
    if (spec === undefined || typeof spec["include"] !== "string") return [];
    return [typeof spec["from"] === "string" ? spec["from"] : ""];
  });
}

function hatch(config: Record<string, unknown> | undefined): string[] {
  const wheel = table(table(table(config?.["build"])?.["targets"])?.["wheel"]);
  if (wheel === undefined) return [];
  const packages = stringsOf(wheel["packages"]).map(dirnameOf);
  const sources = wheel["sources"];
  // `sources = ["src"]` strips that prefix; `sources = { "src" = "" }` maps it to the root.
  const stripped = Array.isArray(sources)
    ? stringsOf(sources)
    : Object.entries(table(sources) ?? {}).flatMap(([from, to]) => (to === "" ? [from] : []));
  return [...packages, ...stripped];
}

function uv(config: Record<string, unknown> | undefined): string[] {
  const backend = table(config?.["build-backend"]);
  if (backend === undefined) return [];
  const root = backend["module-root"];
  return [typeof root === "string" ? root : "src"];
}

/** `package-dir = { shop = "lib/shop" }` puts the root at `lib`; a renamed package we cannot map. */
function packageParent(name: string, folder: string): string[] {
  const trimmed = folder.replace(/\/+$/, "");
  const last = name.split(".").pop() ?? name;
  return trimmed === last ? [""] : trimmed.endsWith(`/${last}`) ? [dirnameOf(trimmed)] : [];
}

function table(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function stringsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === "string");
}
