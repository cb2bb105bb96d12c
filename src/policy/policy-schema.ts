import { z } from "zod";
import { globProblem } from "./glob-matcher.js";
import { normalizeRepoPath } from "./normalize-repo-path.js";
import { ruleIds, type RuleId } from "./policy.js";

/**
 * `.github/archdrift.yml`. Every key is optional; a key left out (or left empty) is inferred or
 * defaulted. Unknown keys are errors, with a "did you mean".
 *
 * - `languages`: list of `python`, `typescript`, `javascript` (the last two are the same analyser).
 *   Default: every language found in the repository.
 * - `roots`: list of source folders, repository-relative (`src`, `packages/api/src`; `.` is the
 *   root). Python module names start below a root. Default: from packaging metadata
 *   (pyproject.toml, setup.cfg, setup.py), else a `src/` layout, else top-level packages.
 * - `exclude`: list of folders or globs on repository paths, added to the default excludes
 *   (tests, test files, conftest.py, node_modules, virtualenvs, site-packages, build, dist, docs,
 *   examples, hidden files and folders); a folder, or a glob that matches a folder, excludes
 *   everything below it.
 * - `default_excludes`: `false` drops the default excludes so only `exclude` applies. Default `true`.
 * - `domains`: mapping of domain name to `{ path, interface }`, or to a path directly.
 *   `path` is a folder, a file or a glob (or a list of them); a glob that matches a folder takes
 *   everything below it. `interface` lists the files, folders or globs other domains may import;
 *   without it every module of the domain is public. Default: inferred from the folders.
 *   `domains: {}` declares no domains at all.
 * - `layers`: list, highest first, of layer names or lists of names that share a layer. A name
 *   is a folder or module name (`api` matches `api/` and `api.py`). A higher layer may import a
 *   lower one, never the reverse; names in one inner list may not import each other either.
 * - `forbidden`: list of `{ from, to, message? }`, globs or folders on repository paths; a new
 *   import from a `from` module to a `to` module is a `forbidden` finding with `message`.
 * - `rules`: mapping of rule id to a level (`error`, `warning`, `notice`, `info`, `off`) or to
 *   `{ level, threshold }`; only `coupling-growth` takes `threshold` (default 15, the fan-out a
 *   module may reach).
 * - `ignore`: list of `{ rule, from?, to?, reason }`: accepted findings. `rule` is a rule id or
 *   `*`; `from` and `to` are globs on repository paths; `reason` is required.
 * - `_extends`: read by Probot to merge the organisation's config before archdrift sees it.
 */
export const configKeys = [
  "languages",
  "roots",
  "exclude",
  "default_excludes",
  "domains",
  "layers",
  "forbidden",
  "rules",
  "ignore",
  "_extends",
] as const;

export const levels = ["error", "warning", "notice", "info", "off"] as const;
export const languageNames = ["python", "typescript", "javascript"] as const;

const repoPath = (what: string) =>
  z
    .string({ error: `must be ${what}` })
    .refine((text) => text.trim() !== "", { error: "must not be empty" })
    .refine((text) => normalizeRepoPath(text) !== undefined, {
      error: "must be relative to the repository root (no leading / and no .. above it)",
    })
    .superRefine((text, context) => {
      const problem = globProblem(text);
      if (problem !== undefined) context.addIssue({ code: "custom", message: problem });
    });

const pathOrPaths = (what: string) =>
  z.union([repoPath(what), z.array(repoPath(what)).min(1, { error: "must not be empty" })], {
    error: `must be ${what} or a list of them`,
  });

const layerName = z.string({ error: "must be a layer name" }).regex(/^[^\s/\\.*?[\]{}()!,]+$/, {
  error: "must be a folder or module name such as services (no dots, slashes or globs)",
});

const layerEntry = z.union(
  [layerName, z.array(layerName).min(1, { error: "must not be an empty list" })],
  { error: "must be a layer name or a list of names" },
);

const level = z.enum(levels, { error: `must be one of ${levels.join(", ")}` });

const threshold = z
  .number({ error: "must be a number" })
  .int({ error: "must be a whole number" })
  .positive({ error: "must be above 0" });

const ruleSetting = z.union([level, z.strictObject({ level: level.optional() })], {
  error: `must be a level (${levels.join(", ")}) or { level }`,
});

const thresholdRuleSetting = z.union(
  [level, z.strictObject({ level: level.optional(), threshold: threshold.optional() })],
  { error: `must be a level (${levels.join(", ")}) or { level, threshold }` },
);

const rulesShape = {
  "new-cycle": ruleSetting.optional(),
  "grown-cycle": ruleSetting.optional(),
  "package-cycle": ruleSetting.optional(),
  "domain-cycle": ruleSetting.optional(),
  "layer-violation": ruleSetting.optional(),
  "boundary-violation": ruleSetting.optional(),
  "new-domain-coupling": ruleSetting.optional(),
  forbidden: ruleSetting.optional(),
  "coupling-growth": thresholdRuleSetting.optional(),
} satisfies Record<RuleId, z.ZodType>;

const domain = z.union(
  [
    pathOrPaths("a folder, file or glob"),
    z.strictObject({
      path: pathOrPaths("a folder, file or glob"),
      interface: pathOrPaths("a file, folder or glob").optional(),
    }),
  ],
  { error: "must be { path, interface } or a path" },
);

const forbiddenRule = z.strictObject(
  {
    from: repoPath("a glob or folder"),
    to: repoPath("a glob or folder"),
    message: z.string({ error: "must be text" }).optional(),
  },
  { error: "must be { from, to, message }" },
);

const ignoreEntry = z.strictObject(
  {
    rule: z.enum([...ruleIds, "*"], { error: "must be a rule id or *" }),
    from: repoPath("a glob or folder").optional(),
    to: repoPath("a glob or folder").optional(),
    reason: z
      .string({ error: "must be text" })
      .refine((text) => text.trim() !== "", { error: "must say why the finding is accepted" }),
  },
  { error: "must be { rule, from, to, reason }" },
);

const list = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item, { error: `must be a list of ${what}` });

export const policySchema = z.strictObject(
  {
    languages: list(
      z.enum(languageNames, { error: `must be one of ${languageNames.join(", ")}` }),
      "languages, such as [python, typescript]",
    ).optional(),
    roots: list(repoPath("a folder"), "folders, such as [src]").optional(),
    exclude: list(repoPath("a glob"), "globs").optional(),
    default_excludes: z.boolean({ error: "must be true or false" }).optional(),
    domains: z
      .record(z.string(), domain, { error: "must be a mapping of domain names to { path }" })
      .optional(),
    layers: list(layerEntry, "layer names, highest first").superRefine(noRepeatedLayer).optional(),
    forbidden: list(forbiddenRule, "{ from, to } rules").optional(),
    rules: z
      .strictObject(rulesShape, { error: "must be a mapping of rule ids to levels" })
      .optional(),
    ignore: list(ignoreEntry, "{ rule, reason } entries").optional(),
    _extends: z.unknown().optional(),
  },
  { error: "must be a mapping of keys" },
);

export type PolicyInput = z.output<typeof policySchema>;

/** A name in two layers makes every import between them both allowed and forbidden. */
function noRepeatedLayer(layers: readonly (string | readonly string[])[], ctx: z.RefinementCtx) {
  const seen = new Map<string, number>();
  layers.forEach((entry, index) => {
    const names = typeof entry === "string" ? [entry] : entry;
    names.forEach((name, inner) => {
      const first = seen.get(name);
      if (first === undefined) {
        seen.set(name, index);
        return;
      }
      ctx.addIssue({
        code: "custom",
        path: typeof entry === "string" ? [index] : [index, inner],
        message: `repeats layer ${name}, already listed in layers[${first}]`,
      });
    });
  });
}

/** The keys allowed at a path of the config, for "did you mean" on an unknown key. */
export function knownKeysAt(path: readonly PropertyKey[]): readonly string[] {
  const top = path[0];
  if (path.length === 0) return configKeys;
  if (path.length === 1 && top === "rules") return ruleIds;
  if (path.length !== 2) return [];
  if (top === "domains") return ["path", "interface"];
  if (top === "forbidden") return ["from", "to", "message"];
  if (top === "ignore") return ["rule", "from", "to", "reason"];
  if (top === "rules") return path[1] === "coupling-growth" ? ["level", "threshold"] : ["level"];
  return [];
}
