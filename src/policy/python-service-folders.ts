import { dirnameOf, isWithin } from "./normalize-repo-path.js";

/** Files that say "this folder is deployed on its own": a service's interpreter starts here. */
const deploymentMarker =
  /(?:^|\/)(?:pyproject\.toml|setup\.cfg|setup\.py|requirements[^/]*\.txt|Dockerfile|Pipfile|poetry\.lock|uv\.lock)$/;

/** Top-level folders whose children are services or packages of their own (`services/*`). */
const siblingsFolders = new Set(["services", "apps", "packages"]);

/** Whether a repository path is a file that can mark a service folder. */
export function isServiceMarker(path: string): boolean {
  return deploymentMarker.test(path);
}

/**
 * Folders that hold Python run by an interpreter of their own: marked by packaging or deployment
 * files, or children of a top-level `services/`, `apps/` or `packages/` folder. A folder inside a
 * Python package is code, not a service (a `project_template/` with a Dockerfile, a helper module
 * named `setup.py`), and a service inside another service belongs to the outer one.
 */
export function pythonServiceFolders(
  files: readonly string[],
  markers: readonly string[],
): string[] {
  const packages = packageFolders(files);
  const candidates = new Set<string>();
  for (const marker of markers) {
    if (isServiceMarker(marker)) candidates.add(dirnameOf(marker));
  }
  for (const file of files) {
    const [top, child, ...rest] = file.split("/");
    if (top !== undefined && child !== undefined && rest.length > 0 && siblingsFolders.has(top)) {
      candidates.add(`${top}/${child}`);
    }
  }
  const holding = foldersHolding(files);
  const services = [...candidates]
    .filter((folder) => folder !== "" && holding.has(folder) && !insidePackage(folder, packages))
    .sort();
  return services.filter(
    (folder) => !services.some((outer) => outer !== folder && isWithin(folder, outer)),
  );
}

/** Every folder with a file somewhere below it: one pass, however many services there are. */
function foldersHolding(files: readonly string[]): Set<string> {
  const folders = new Set<string>();
  for (const file of files) {
    for (let folder = dirnameOf(file); folder !== "" && !folders.has(folder);) {
      folders.add(folder);
      folder = dirnameOf(folder);
    }
  }
  return folders;
}

/** Folders that are regular packages: they hold an `__init__.py`. */
export function packageFolders(files: readonly string[]): Set<string> {
  return new Set(
    files.filter((file) => /(?:^|\/)__init__\.pyi?$/.test(file)).map((file) => dirnameOf(file)),
  );
}

/** Whether `folder` or a folder above it is a regular package. */
export function insidePackage(folder: string, packages: ReadonlySet<string>): boolean {
  for (let current = folder; current !== ""; current = dirnameOf(current)) {
    if (packages.has(current)) return true;
  }
  return false;
}
