import { dirnameOf, isWithin, normalizeRepoPath, relativeTo } from "./normalize-repo-path.js";
import { pyprojectRoots } from "./pyproject-roots.js";
import { insidePackage, packageFolders, pythonServiceFolders } from "./python-service-folders.js";
import { setupCfgRoots } from "./setup-cfg-roots.js";
import { setupPyRoots } from "./setup-py-roots.js";

const readers: Readonly<Record<string, (text: string) => string[] | undefined>> = {
  "pyproject.toml": pyprojectRoots,
  "setup.cfg": setupCfgRoots,
  "setup.py": setupPyRoots,
};

/** Top-level files that are tooling, not a flat layout's modules. */
const toolingFiles = new Set(["setup.py", "conftest.py", "noxfile.py", "fabfile.py"]);

/**
 * The folders Python module names start from (`""` is the repository root), in the order
 * setuptools itself would look: what packaging metadata declares (each relative to its own file,
 * so a monorepo with several pyproject.toml gets several roots), else a `src/` layout beside the
 * metadata, else flat top-level packages. A declared root that holds no Python file is dropped.
 * A service folder (see `pythonServiceFolders`; `markers` are the commit's paths that can mark
 * one) is a root of its own even without packaging metadata: each service runs its own interpreter
 * from there. Metadata inside a package is a module that happens to be named `setup.py`.
 */
export function inferPythonRoots(
  pythonFiles: readonly string[],
  metadata: ReadonlyMap<string, string>,
  markers: readonly string[] = [],
): string[] {
  const files = pythonFiles.flatMap((file) => normalizeRepoPath(file) ?? []);
  const declared = declaredRoots(metadata, packageFolders(files));
  const roots = new Set<string>();
  for (const [folder, folderRoots] of declared) {
    const found = folderRoots ?? layoutRoots(files, folder);
    for (const root of found) if (holdsPython(files, root)) roots.add(root);
  }
  const services = pythonServiceFolders(files, markers);
  for (const service of services) {
    // Metadata that declares roots has its say; discovery that finds no package leaves the folder.
    if (declared.get(service) !== undefined) continue;
    const found = layoutRoots(files, service);
    for (const root of found.length > 0 ? found : [service]) roots.add(root);
  }
  // Code outside every packaged folder (or a repo with no metadata) still has a layout of its own.
  if (!declared.has("")) for (const root of layoutRoots(files, "")) roots.add(root);
  // Beside several services, a `shared/` or `libs/` folder is imported from the repository root.
  const outside = files.some((file) => ![...roots].some((root) => isWithin(file, root)));
  if (roots.size === 0 ? files.length > 0 : services.length > 1 && outside) roots.add("");
  return [...roots].sort();
}

/**
 * Metadata folder to the roots its files declare, or undefined when they leave it to discovery.
 * Files inside a package are modules, not metadata (`wagtail/utils/setup.py`).
 */
function declaredRoots(
  metadata: ReadonlyMap<string, string>,
  packages: ReadonlySet<string>,
): Map<string, string[] | undefined> {
  const byFolder = new Map<string, string[] | undefined>();
  for (const [path, text] of metadata) {
    const normalized = normalizeRepoPath(path);
    const read = normalized === undefined ? undefined : readers[basename(normalized)];
    if (normalized === undefined || read === undefined || typeof text !== "string") continue;
    const folder = dirnameOf(normalized);
    if (insidePackage(folder, packages)) continue;
    const found = (read(text) ?? []).flatMap((root) => normalizeRepoPath(root, folder) ?? []);
    const previous = byFolder.get(folder);
    const merged = [...(previous ?? []), ...found];
    byFolder.set(folder, merged.length > 0 ? merged : undefined);
  }
  return byFolder;
}

/** setuptools' automatic discovery: `<folder>/src` when it holds Python, else flat packages. */
function layoutRoots(files: readonly string[], folder: string): string[] {
  const src = folder === "" ? "src" : `${folder}/src`;
  if (holdsPython(files, src)) return [src];
  const flat = files.some((file) => {
    if (!isWithin(file, folder)) return false;
    const parts = relativeTo(file, folder).split("/");
    if (parts.length === 1) return !toolingFiles.has(parts[0] ?? "");
    return parts.length === 2 && /^__init__\.pyi?$/.test(parts[1] ?? "");
  });
  return flat ? [folder] : [];
}

function holdsPython(files: readonly string[], folder: string): boolean {
  return files.some((file) => file !== folder && isWithin(file, folder));
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}
