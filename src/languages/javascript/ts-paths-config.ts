/**
 * The part of a tsconfig that decides where imports go and which files it speaks for. Everything
 * else in a tsconfig is left unread on purpose: an option we do not need cannot break the review.
 * Folders are repo paths (`""` for the root); `undefined` means outside the checkout.
 */
export interface TsPathsConfig {
  /** Repo path of the tsconfig file. */
  readonly file: string;
  /** Set only when the tsconfig (or one it extends) sets it; `null` when it points outside. */
  readonly baseUrl?: string | null;
  /** Folder that relative `paths` targets start from; `null` when it lies outside. */
  readonly pathsBase: string | null;
  readonly paths: Readonly<Record<string, readonly string[]>>;
  readonly coverage: TsConfigCoverage;
}

/**
 * Which files the tsconfig governs, from its `files`, `include` and `exclude`, reduced to plain
 * folders so that checking a path is linear in its length: an include glob counts from the folder
 * before its first wildcard, an exclude only when it names a folder or file without wildcards.
 * This errs towards governing a file, which is what a missing `include` means anyway.
 */
export interface TsConfigCoverage {
  readonly files: readonly string[];
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}
