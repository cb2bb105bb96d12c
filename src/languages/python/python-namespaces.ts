import { moduleName, type ModuleNode } from "../../graph/graph.js";

/** Last segments of a root that name a layout, not a service: `services/api/src` is service `api`. */
const layoutSegments = new Set(["src", "lib", "python", "source"]);

/**
 * The namespace of each root that needs one: a root whose top-level package another root also
 * defines, neither root inside the other (`services/user-service` and `services/order-service`
 * both holding `app`). Each runs in its own interpreter, so both packages are real; nested roots
 * (`""` and `src`) share one `sys.path` instead. Named after the service folder, or its path when
 * two services share that name.
 */
export function rootNamespaces(
  topLevelByRoot: ReadonlyMap<string, ReadonlySet<string>>,
): Map<string, string> {
  const rootsByPackage = new Map<string, string[]>();
  for (const [root, packages] of topLevelByRoot) {
    for (const name of packages)
      rootsByPackage.set(name, [...(rootsByPackage.get(name) ?? []), root]);
  }
  const namespaced = new Set<string>();
  for (const roots of rootsByPackage.values()) {
    for (const root of roots) {
      if (roots.some((other) => other !== root && !nested(root, other))) namespaced.add(root);
    }
  }
  const folders = [...namespaced].map((root) => [root, serviceFolderOf(root)] as const);
  const names = folders.map(([, folder]) => folder.slice(folder.lastIndexOf("/") + 1));
  return new Map(
    folders.map(([root, folder], index) => {
      const name = names[index] ?? folder;
      return [root, names.filter((other) => other === name).length > 1 ? folder : name];
    }),
  );
}

function serviceFolderOf(root: string): string {
  const parts = root.split("/");
  while (parts.length > 1 && layoutSegments.has(parts.at(-1) ?? "")) parts.pop();
  return parts.join("/");
}

function nested(a: string, b: string): boolean {
  const within = (path: string, folder: string) => folder === "" || path.startsWith(`${folder}/`);
  return within(a, b) || within(b, a);
}

/** The modules an import in one namespace can reach, by dotted name, and their ids. */
export interface ImportScope {
  readonly names: ReadonlySet<string>;
  /** The id of a reachable name; absent: the name is the id (no namespaces involved). */
  readonly idOf?: (name: string) => string;
}

/**
 * Import scopes by namespace: a module of a namespace reaches its own namespace's modules first,
 * then the modules of roots without one (shared libraries); a module without one reaches those
 * only. Another service's `app` is never reachable by that name.
 */
export function importScopes(
  modules: readonly Pick<ModuleNode, "id" | "namespace">[],
): (namespace: string | undefined) => ImportScope {
  const shared = new Map<string, string>();
  const byNamespace = new Map<string, Map<string, string>>();
  for (const module of modules) {
    const name = moduleName(module);
    if (module.namespace === undefined) shared.set(name, module.id);
    else {
      const own = byNamespace.get(module.namespace) ?? new Map<string, string>();
      own.set(name, module.id);
      byNamespace.set(module.namespace, own);
    }
  }
  const sharedScope: ImportScope = { names: new Set(shared.keys()) };
  const scopes = new Map<string, ImportScope>();
  return (namespace) => {
    if (namespace === undefined) return sharedScope;
    const found = scopes.get(namespace);
    if (found) return found;
    const ids = new Map([...shared, ...(byNamespace.get(namespace) ?? [])]);
    const scope = { names: new Set(ids.keys()), idOf: (name: string) => ids.get(name) ?? name };
    scopes.set(namespace, scope);
    return scope;
  };
}
