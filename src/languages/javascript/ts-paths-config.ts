/**
 * The part of a tsconfig that decides where imports go. Everything else in a tsconfig is left
 * unread on purpose: an option we do not need cannot break the review.
 */
export interface TsPathsConfig {
  /** Repo path of the tsconfig file. */
  readonly file: string;
  /** Absolute; set only when the tsconfig (or one it extends) sets it. */
  readonly baseUrl?: string;
  /** Absolute folder that relative `paths` targets start from. */
  readonly pathsBase: string;
  readonly paths: Readonly<Record<string, readonly string[]>>;
}
