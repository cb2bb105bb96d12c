import { SeededRandom } from "./seeded-random.js";

/** Highest first, as in DESIGN.md's sample policy: a layer may import itself and the ones below. */
export const layers = ["api", "services", "models", "core"] as const;
export type Layer = (typeof layers)[number];

export type ImportKind = "runtime" | "type" | "lazy";

export interface PlannedModule {
  readonly domain: string;
  readonly layer: Layer;
  /** snake_case; each language spells its file name from it. */
  readonly name: string;
  /** The class every module defines, so `from x import Name` imports something real. */
  readonly className: string;
}

export interface PlannedImport {
  /** Index into `RepoPlan.modules`. */
  readonly target: number;
  readonly kind: ImportKind;
  /** Picks the spelling (relative, absolute, `from pkg import mod`, ...) deterministically. */
  readonly style: number;
}

/**
 * A repository's architecture without its syntax: the Python and TypeScript generators render
 * the same shape, so both languages are measured on graphs of equal size and fan-out.
 */
export interface RepoPlan {
  readonly domains: readonly string[];
  readonly modules: readonly PlannedModule[];
  /** Internal imports of each module, by module index. */
  readonly imports: readonly (readonly PlannedImport[])[];
  /** Extra bulk per module (helper functions), varied so file sizes spread like real code. */
  readonly helpers: readonly number[];
}

const domainWords = [
  "orders",
  "payments",
  "users",
  "inventory",
  "shipping",
  "billing",
  "catalog",
  "pricing",
  "search",
  "reviews",
  "returns",
  "loyalty",
  "notifications",
  "accounts",
  "warehouse",
  "fulfillment",
  "taxes",
  "discounts",
  "subscriptions",
  "analytics",
  "fraud",
  "support",
  "identity",
  "media",
];

const nouns = [
  "invoice",
  "refund",
  "cart",
  "order_line",
  "customer",
  "address",
  "coupon",
  "parcel",
  "ledger",
  "payout",
  "session",
  "token",
  "product",
  "variant",
  "stock_level",
  "shipment",
  "receipt",
  "voucher",
  "quote",
  "rate",
  "carrier",
  "profile",
  "audit_entry",
  "webhook",
];

const layerSuffixes: Record<Layer, readonly string[]> = {
  api: ["routes", "views", "schemas", "handlers", "serializers"],
  services: ["service", "workflow", "policy", "calculator", "sync"],
  models: ["model", "record", "repository", "query", "mapper"],
  core: ["rules", "values", "errors", "events", "validation"],
};

/** About 100 modules a domain: saleor-sized apps, a few hundred domains at 20,000 modules. */
const modulesPerDomain = 100;

export function planRepo(moduleCount: number, seed: number): RepoPlan {
  const random = new SeededRandom(seed);
  const domainCount = Math.max(4, Math.round(moduleCount / modulesPerDomain));
  const domains = Array.from({ length: domainCount }, (_, index) => {
    const word = domainWords[index % domainWords.length]!;
    const round = Math.floor(index / domainWords.length);
    return round === 0 ? word : `${word}${round + 1}`;
  });
  const modules: PlannedModule[] = [];
  // byPlace[domain][layer] lists module indexes in creation order: imports within one layer go to
  // earlier siblings only, so the base has no cycle the PR did not add on purpose.
  const byPlace = domains.map(() => layers.map((): number[] => []));
  for (let index = 0; index < moduleCount; index++) {
    const domainIndex = index % domainCount;
    const layerIndex = random.int(0, layers.length - 1);
    const layer = layers[layerIndex]!;
    const place = byPlace[domainIndex]![layerIndex]!;
    const base = `${random.pick(nouns)}_${random.pick(layerSuffixes[layer])}`;
    const taken = place.some((other) => modules[other]!.name === base);
    const name = taken ? `${base}_${place.length}` : base;
    place.push(modules.length);
    modules.push({ domain: domains[domainIndex]!, layer, name, className: pascalCase(name) });
  }
  const domainIndexOf = new Map(domains.map((domain, index) => [domain, index]));
  const imports = modules.map((module, index) => {
    const domainIndex = domainIndexOf.get(module.domain)!;
    const layerIndex = layers.indexOf(module.layer);
    const wanted = random.int(5, 10);
    const chosen = new Map<number, PlannedImport>();
    for (let attempt = 0; attempt < wanted * 3 && chosen.size < wanted; attempt++) {
      const crossDomain = domainIndex > 0 && random.chance(0.15);
      const targetDomain = crossDomain ? random.int(0, domainIndex - 1) : domainIndex;
      // Mostly one layer down, as services call models and models use core.
      const lowest = crossDomain ? Math.max(layerIndex, 1) : layerIndex;
      const targetLayer = Math.min(layers.length - 1, lowest + random.int(0, 1) * random.int(0, 2));
      const candidates = byPlace[targetDomain]![targetLayer]!.filter(
        (candidate) =>
          targetLayer !== layerIndex || targetDomain !== domainIndex || candidate < index,
      );
      if (candidates.length === 0) continue;
      const target = random.pick(candidates);
      const roll = random.next();
      const kind: ImportKind = roll < 0.08 ? "type" : roll < 0.15 ? "lazy" : "runtime";
      chosen.set(target, { target, kind, style: random.int(0, 99) });
    }
    return [...chosen.values()];
  });
  const helpers = modules.map(() => random.int(1, 5));
  return { domains, modules, imports, helpers };
}

export function pascalCase(snake: string): string {
  return snake
    .split("_")
    .map((part) => (part.length === 0 ? part : part[0]!.toUpperCase() + part.slice(1)))
    .join("");
}
