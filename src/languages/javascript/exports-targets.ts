/**
 * Conditions tried first: `source` and `types` point at sources in a monorepo that has not been
 * built (and we never build); the runtime conditions usually point at `dist/`.
 */
const preferredConditions = ["source", "types", "import", "module", "require", "node", "default"];

/**
 * Every target a package.json `exports` field gives for a subpath (`.` or `./sub`), most wanted
 * first. All are returned, not the first: the first may name a build output that does not exist.
 */
export function exportsTargets(exportsField: unknown, subpath: string): string[] {
  if (!isSubpathMap(exportsField)) return subpath === "." ? conditionTargets(exportsField) : [];
  const exact = exportsField[subpath];
  if (exact !== undefined) return conditionTargets(exact);
  const pattern = bestPattern(subpath, Object.keys(exportsField));
  if (pattern === undefined) return [];
  const star = pattern.indexOf("*");
  const captured = subpath.slice(star, subpath.length - (pattern.length - star - 1));
  return conditionTargets(exportsField[pattern]).map((target) => target.replaceAll("*", captured));
}

function isSubpathMap(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => key.startsWith("."));
}

function conditionTargets(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(conditionTargets);
  if (typeof value !== "object" || value === null) return [];
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const ordered = [
    ...preferredConditions.filter((key) => keys.includes(key)),
    ...keys.filter((key) => !preferredConditions.includes(key)),
  ];
  return ordered.flatMap((key) => conditionTargets(record[key]));
}

/** Node's rule: the pattern with the longest prefix before its `*` wins. */
function bestPattern(subpath: string, keys: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const key of keys) {
    const star = key.indexOf("*");
    if (star < 0) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    const fits =
      subpath.length >= key.length - 1 && subpath.startsWith(prefix) && subpath.endsWith(suffix);
    if (fits && (best === undefined || star > best.indexOf("*"))) best = key;
  }
  return best;
}
