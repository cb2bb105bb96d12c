import { layers, type PlannedImport, type PlannedModule, type RepoPlan } from "./repo-plan.js";
import { SeededRandom } from "./seeded-random.js";

export interface PullRequestPlan {
  readonly head: RepoPlan;
  /** Module indexes (into `head.modules`) whose files the pull request adds or edits. */
  readonly changed: readonly number[];
}

/** The size of the pull request every review measurement uses. */
export const changedFileCount = 10;

/**
 * A typical feature branch touching 10 files of one domain: imports added and removed, bodies
 * edited, one new module, one new cross-domain coupling, and a lower layer importing a higher one
 * that closes a cycle, so the review has real findings to compute and render.
 */
export function planPullRequest(base: RepoPlan, seed: number): PullRequestPlan {
  const random = new SeededRandom(seed);
  const modules = [...base.modules];
  const imports = base.imports.map((list) => [...list]);
  const helpers = [...base.helpers];
  const domainIndex = Math.floor(base.domains.length / 2);
  const domain = base.domains[domainIndex]!;
  const inDomain = modules.flatMap((module, index) => (module.domain === domain ? [index] : []));
  const changed = new Set<number>();
  const take = (filter: (index: number) => boolean): number => {
    const candidates = inDomain.filter((index) => !changed.has(index) && filter(index));
    const index = random.pick(candidates);
    changed.add(index);
    return index;
  };
  const layerOf = (index: number) => layers.indexOf(modules[index]!.layer);
  const add = (from: number, target: number, kind: PlannedImport["kind"] = "runtime") => {
    if (from === target || imports[from]!.some((planned) => planned.target === target)) return;
    imports[from]!.push({ target, kind, style: random.int(0, 99) });
  };

  // The cycle: a core module imports a services module that already imports it.
  const [lower, upper] = cyclePair(inDomain, imports, layerOf);
  changed.add(lower);
  add(lower, upper);

  // A new coupling to a domain this one never used.
  const later = base.domains[(domainIndex + 1) % base.domains.length]!;
  const coupler = take((index) => layerOf(index) === 1);
  const outside = modules.findIndex(
    (module) => module.domain === later && module.layer === "models",
  );
  add(coupler, outside);

  for (let count = 0; count < 4; count++) {
    const from = take((index) => layerOf(index) < layers.length - 1);
    for (let extra = random.int(1, 2); extra > 0; extra--) {
      const below = inDomain.filter((index) => layerOf(index) > layerOf(from));
      add(from, random.pick(below), random.chance(0.2) ? "type" : "runtime");
    }
  }
  for (let count = 0; count < 2; count++) {
    const from = take((index) => imports[index]!.length > 2);
    imports[from]!.splice(-random.int(1, 2));
  }
  helpers[take(() => true)]! += 1;

  const added: PlannedModule = {
    domain,
    layer: "services",
    name: "checkout_saga_service",
    className: "CheckoutSagaService",
  };
  const addedIndex = modules.push(added) - 1;
  imports.push([]);
  helpers.push(3);
  changed.add(addedIndex);
  for (const target of inDomain.filter((index) => layerOf(index) >= 2).slice(0, 6)) {
    add(addedIndex, target);
  }
  if (changed.size !== changedFileCount) {
    throw new Error(`the pull request changes ${changed.size} files, not ${changedFileCount}`);
  }
  return { head: { domains: base.domains, modules, imports, helpers }, changed: [...changed] };
}

function cyclePair(
  inDomain: readonly number[],
  imports: readonly (readonly PlannedImport[])[],
  layerOf: (index: number) => number,
): [number, number] {
  for (const upper of inDomain) {
    if (layerOf(upper) !== 1) continue;
    const lower = imports[upper]!.find(
      (planned) =>
        planned.kind === "runtime" &&
        layerOf(planned.target) === layers.length - 1 &&
        inDomain.includes(planned.target),
    );
    if (lower) return [lower.target, upper];
  }
  throw new Error("no services module imports a core module: the plan is too small");
}
