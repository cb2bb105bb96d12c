import type { Edge, ExtractionWarning } from "../../graph/graph.js";
import type { DeadlineCheck } from "./parse-deadline.js";
import type { RawImport } from "./raw-import.js";

export interface ResolvedImports {
  readonly edges: Edge[];
  readonly warnings: ExtractionWarning[];
}

/**
 * Turns one file's raw imports into edges between the repository's modules, following grimp (the
 * engine of import-linter) so both tools see the same graph: each imported name is tried as a module,
 * then its parent, and nothing further. Names that resolve to no module are external (stdlib, third
 * party) or cannot run, and give no edge. Self-imports give no edge either.
 */
export function resolveImports(
  raw: readonly RawImport[],
  fromModule: string,
  isPackage: boolean,
  modules: ReadonlySet<string>,
  file: string,
  deadline?: DeadlineCheck,
): ResolvedImports {
  const edges: Edge[] = [];
  const warnings: ExtractionWarning[] = [];
  const seen = new Map<string, Set<string>>();
  // `import a, b, c` is one raw import per name, one after another: look its key up once.
  let current: { readonly line: number; readonly text: string; targets: Set<string> } | undefined;
  for (const statement of raw) {
    const names = importedModuleNames(statement, fromModule, isPackage);
    if (names === undefined) {
      warnings.push({
        file,
        line: statement.line,
        message: `relative import climbs above the source root: ${statement.text}`,
      });
      continue;
    }
    // `import a, a` or `from x import a, b` where both fall back to x: one edge per statement.
    // The key is built once per statement, not per name: a 100,000-name import must stay linear.
    if (current?.line !== statement.line || current.text !== statement.text) {
      const statementKey = `${statement.line}\0${statement.text}`;
      const targets = seen.get(statementKey) ?? new Set<string>();
      seen.set(statementKey, targets);
      current = { line: statement.line, text: statement.text, targets };
    }
    const { targets } = current;
    for (const name of names) {
      deadline?.tick();
      const to = internalModule(name, modules);
      if (to === undefined || to === fromModule || targets.has(to)) continue;
      targets.add(to);
      edges.push(edgeFor(statement, fromModule, to, file));
    }
  }
  return { edges, warnings };
}

/**
 * The absolute dotted names a statement imports, before checking they exist, or undefined when a
 * relative import climbs above the top-level package. A star import names the module itself.
 */
export function importedModuleNames(
  statement: RawImport,
  fromModule: string,
  isPackage: boolean,
): string[] | undefined {
  if (statement.kind === "import") return [statement.module];
  const base = absoluteBase(statement, fromModule, isPackage);
  if (base === undefined) return undefined;
  return statement.names.map((name) => (name === "*" ? base : `${base}.${name}`));
}

function absoluteBase(
  statement: RawImport,
  fromModule: string,
  isPackage: boolean,
): string | undefined {
  if (statement.level === 0) return statement.module;
  // One dot is the current package: a package's __init__ is that package, a module is in its parent.
  const parts = fromModule.split(".");
  const keep = parts.length - (isPackage ? statement.level - 1 : statement.level);
  if (keep <= 0) return undefined;
  return [...parts.slice(0, keep), ...(statement.module ? [statement.module] : [])].join(".");
}

/** grimp's rule: the name itself, else its parent (`from pkg import function`), else nothing. */
function internalModule(name: string, modules: ReadonlySet<string>): string | undefined {
  if (modules.has(name)) return name;
  const dot = name.lastIndexOf(".");
  const parent = dot > 0 ? name.slice(0, dot) : undefined;
  return parent !== undefined && modules.has(parent) ? parent : undefined;
}

function edgeFor(statement: RawImport, from: string, to: string, file: string): Edge {
  return {
    from,
    to,
    file,
    line: statement.line,
    text: statement.text,
    kind: statement.edgeKind,
    ...(statement.suppression ? { suppression: statement.suppression } : {}),
  };
}
