import type { Edge, ExtractionWarning } from "../graph/graph.js";
import type { Coverage } from "./coverage.js";
import type { Finding } from "./finding.js";

export interface CommitRef {
  /** What the user or the event named (`main`, `refs/pull/7/head`); the SHA when nothing else. */
  readonly ref: string;
  readonly sha: string;
}

/** The part of the graph a PR touched: what the pictures show instead of the whole graph. */
export interface ChangedGraph {
  readonly added: readonly Edge[];
  readonly removed: readonly Edge[];
  /** Unchanged edges between modules that an added or removed edge touches. */
  readonly context: readonly Edge[];
  /** Module id to domain name, for grouping. */
  readonly domains: Readonly<Record<string, string>>;
}

/** Everything a PR does to the architecture: the input of every renderer. */
export interface DriftReport {
  /** The base as named, at the commit it names (a branch's tip, not where the head branched off). */
  readonly base: CommitRef;
  readonly head: CommitRef;
  /** The commit the head was compared with: where it branched off the base. Absent in an audit. */
  readonly mergeBase?: string;
  /** New drift, improvements and suppressed findings, most severe first. */
  readonly findings: readonly Finding[];
  /** Drift that already existed at base: listed collapsed, never fails a PR. */
  readonly existing: readonly Finding[];
  readonly warnings: readonly ExtractionWarning[];
  readonly changed: ChangedGraph;
  readonly stats: {
    readonly modules: number;
    readonly edges: number;
    readonly changedFiles: number;
    readonly durationMs: number;
  };
  /**
   * Which source files of the head were reviewed, excluded or not reviewed. Optional so that
   * hand-made reports stay valid; a review always sets it.
   */
  readonly coverage?: Coverage;
  /** True when the PR edits the config file: the base's config judged it all the same. */
  readonly configChanged: boolean;
  readonly configFile: string;
}
