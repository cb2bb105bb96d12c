import type { ModuleNode } from "../graph/graph.js";
import { dirnameOf, isWithin, relativeTo } from "./normalize-repo-path.js";
import { matchesPathPattern, patternBase, patternSpecificity } from "./path-pattern.js";
import type { DomainSpec } from "./policy.js";
import { pythonRootOf } from "./python-root-of.js";

/** The parts of a resolved policy classification needs: declared or inferred domains, and layers. */
export interface ClassifyPolicy {
  readonly domains: readonly DomainSpec[];
  /** Highest first, as in `Policy.layers`. */
  readonly layers: readonly (readonly string[])[];
}

export interface ModuleClass {
  readonly domain?: DomainSpec;
  /** Index into `layers`, 0 the highest. */
  readonly layer?: number;
  /** Whether other domains may import the module (see `isInterface`). */
  readonly isInterface: boolean;
}

export function classifyModule(module: ModuleNode, policy: ClassifyPolicy): ModuleClass {
  const domain = domainOf(module, policy.domains);
  const layer = layerOf(module, policy);
  return {
    ...(domain === undefined ? {} : { domain }),
    ...(layer === undefined ? {} : { layer }),
    isInterface: domain === undefined || isInterface(module, domain),
  };
}

/** The domain whose path selects the module most specifically; on a tie, the first declared. */
export function domainOf(
  module: ModuleNode,
  domains: readonly DomainSpec[],
): DomainSpec | undefined {
  return bestMatch(module, domains)?.domain;
}

/**
 * The layer of the first path segment, from the module's domain folder down (from its source root
 * when it has no domain), that names a layer: a folder `api/` or a module `api.py` / `api.ts`.
 * The domain folder's own name counts, so inferred domains named `api` and `core` get layers too.
 */
export function layerOf(module: ModuleNode, policy: ClassifyPolicy): number | undefined {
  if (policy.layers.length === 0) return undefined;
  for (const segment of layerSegments(module, policy.domains)) {
    const index = policy.layers.findIndex((names) => names.includes(segment));
    if (index >= 0) return index;
  }
  return undefined;
}

/**
 * Whether other domains may import the module: it is listed in the domain's `interface`, or it is
 * the domain folder's own package entry (`__init__.py`, `index.ts`), which is what
 * `from shop.orders import place_order` reaches. A domain that declares no interface is all public.
 */
export function isInterface(module: ModuleNode, domain: DomainSpec): boolean {
  if (domain.interface.length === 0) return true;
  if (domain.interface.some((pattern) => matchesPathPattern(module.path, pattern))) return true;
  return domain.paths.some(
    (folder) =>
      dirnameOf(module.path) === folder &&
      /\/(?:__init__\.pyi?|index\.[cm]?[jt]sx?)$/.test(module.path),
  );
}

/**
 * The path segments layer names are looked up in, extension and package markers dropped:
 * `src/shop/orders/api/views.py` in domain `src/shop/orders` gives `orders, api, views`.
 */
export function layerSegments(module: ModuleNode, domains: readonly DomainSpec[]): string[] {
  const match = bestMatch(module, domains);
  const domainBase = match === undefined ? "" : dirnameOf(patternBase(match.pattern));
  const root = pythonRootOf(module) ?? "";
  const candidates = [domainBase, root].filter((base) => isWithin(module.path, base));
  const base = candidates.reduce((a, b) => (b.length > a.length ? b : a), "");
  const segments = relativeTo(module.path, base).split("/");
  const last = segments.length - 1;
  segments[last] = (segments[last] ?? "").replace(/\.[^.]*$/, "");
  return segments.filter(
    (segment) => segment !== "__init__" && segment !== "index" && segment !== "",
  );
}

function bestMatch(
  module: ModuleNode,
  domains: readonly DomainSpec[],
): { domain: DomainSpec; pattern: string } | undefined {
  let best: { domain: DomainSpec; pattern: string; score: number } | undefined;
  for (const domain of domains) {
    for (const pattern of domain.paths) {
      if (!matchesPathPattern(module.path, pattern)) continue;
      const score = patternSpecificity(pattern);
      if (best === undefined || score > best.score) best = { domain, pattern, score };
    }
  }
  return best;
}
