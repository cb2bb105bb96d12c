import { resolve } from "node:path";
import type { ChangedGraph, DriftReport } from "../drift/drift-report.js";
import { existingDrift } from "../drift/existing-drift.js";
import { edgesMissingFrom, viewOf } from "../drift/graph-view.js";
import { pairKey } from "../graph/pair-key.js";
import type { Graph } from "../graph/graph.js";
import type { Classifier } from "../drift/classifier.js";
import { changedPaths } from "../workspace/changed-paths.js";
import { forkPoint as forkPointOf } from "../workspace/fork-point.js";
import { resolveCommit } from "../workspace/resolve-commit.js";
import { emptySnapshot, openSnapshot } from "../workspace/snapshot.js";
import type { WorkspaceLimits } from "../workspace/workspace-limits.js";
import { classifierFor } from "./classifier-for.js";
import type { GraphCache } from "./graph-cache.js";
import { loadPolicy, type ConfigSource } from "./load-policy.js";
import { reviewCoverage } from "./review-coverage.js";
import { driftAfterRenames, renamedBases } from "./renamed-base.js";
import { reviewGraphs } from "./review-graphs.js";
import { skippedFileWarnings } from "./skipped-files.js";

export interface ReviewRequest {
  readonly repoDir: string;
  /** A ref or SHA; `undefined` judges the head as if every import were new (`archdrift audit`). */
  readonly base: string | undefined;
  readonly head: string;
  /** A config given on the command line instead of the one on the base commit. */
  readonly config?: ConfigSource;
  /** The config's path in the base commit, instead of `.github/archdrift.yml`. */
  readonly configPath?: string | undefined;
  readonly now?: () => number;
  /** Base graphs and Python scans from earlier reviews; without one, nothing outlives the review. */
  readonly cache?: GraphCache | undefined;
  /** Names the repository in cache keys (`owner/name`); default: the absolute `repoDir`. */
  readonly repoId?: string | undefined;
  /** How much of a commit to read; past them the review stops with `LimitExceededError`. */
  readonly limits?: WorkspaceLimits | undefined;
  /** Past this, one Python file's parse stops the review with `ParseTimeoutError`. */
  readonly maxParseMs?: number | undefined;
  /** Stops the review between files: its time limit, a newer push, a shutdown. */
  readonly signal?: AbortSignal | undefined;
}

/** The use case: what the change from base to head does to the architecture. */
export async function reviewChanges(request: ReviewRequest): Promise<DriftReport> {
  const now = request.now ?? Date.now;
  const started = now();
  const headSha = await resolveCommit(request.repoDir, request.head);
  const baseCommit =
    request.base === undefined
      ? undefined
      : { ref: request.base, sha: await resolveCommit(request.repoDir, request.base) };
  // Never another commit in its place: that would judge the wrong change and could pass in silence.
  const forkPoint =
    baseCommit &&
    (await forkPointOf(request.repoDir, baseCommit, { ref: request.head, sha: headSha }));
  const head = await openSnapshot(request.repoDir, headSha, request.limits);
  const base =
    forkPoint === undefined
      ? emptySnapshot
      : await openSnapshot(request.repoDir, forkPoint, request.limits);
  const loaded = await loadPolicy(
    request.config ?? (forkPoint === undefined ? head : base),
    head,
    request.configPath,
  );
  const graphs = await reviewGraphs(base, head, loaded.policy, {
    cache: request.cache,
    repoId: request.repoId ?? resolve(request.repoDir),
    bounds: { maxParseMs: request.maxParseMs, signal: request.signal },
  });
  const classify = classifierFor(loaded.policy, [graphs.base, graphs.head], graphs.workspaces);
  const judged = { policy: loaded.policy, classify };
  const bases =
    forkPoint === undefined
      ? { byName: graphs.base, byPlace: graphs.base }
      : await renamedBases(request.repoDir, { base: forkPoint, head: headSha }, graphs, judged);
  const baseGraph = bases.byName;
  const findings = driftAfterRenames(bases, graphs.head, judged);
  return {
    base: { ref: request.base ?? "(empty)", sha: baseCommit?.sha ?? base.sha },
    head: { ref: request.head, sha: headSha },
    ...(forkPoint === undefined ? {} : { mergeBase: forkPoint }),
    findings,
    existing: existingDrift(baseGraph, loaded.policy, classify),
    warnings: [...skippedFileWarnings(head, loaded.policy), ...graphs.head.warnings],
    changed: changedGraph(baseGraph, graphs.head, classify),
    stats: {
      modules: graphs.head.modules.length,
      edges: graphs.head.edges.length,
      changedFiles:
        forkPoint === undefined
          ? head.files.length
          : (await changedPaths(request.repoDir, forkPoint, headSha)).length,
      durationMs: now() - started,
    },
    coverage: reviewCoverage(head, loaded.policy, graphs.head),
    configChanged: loaded.changedByHead,
    configFile: loaded.policy.source.file,
  };
}

/** The neighbourhood a picture of the change should show. */
function changedGraph(base: Graph, head: Graph, classify: Classifier): ChangedGraph {
  // The drift rules already indexed both graphs; their views are memoised per graph.
  const baseView = viewOf(base);
  const added = edgesMissingFrom(head, baseView);
  const removed = edgesMissingFrom(base, viewOf(head));
  const touched = new Set([...added, ...removed].flatMap((edge) => [edge.from, edge.to]));
  const context = head.edges.filter(
    (edge) =>
      baseView.pairs.has(pairKey(edge.from, edge.to)) &&
      touched.has(edge.from) &&
      touched.has(edge.to),
  );
  const modules = [...base.modules, ...head.modules].filter((module) => touched.has(module.id));
  const domains: Record<string, string> = {};
  for (const module of modules) {
    const domain = classify.domainOf(module);
    if (domain) domains[module.id] = domain;
  }
  return { added, removed, context, domains };
}
