/**
 * How much of one commit archdrift agrees to read. A pull request is untrusted input: without
 * bounds, a head with millions of files or gigabytes of text would hold a worker for hours.
 */
export interface WorkspaceLimits {
  /** Regular files in the commit's tree; more throws `LimitExceededError`. */
  readonly maxFiles: number;
  /** Bytes of one file; a larger file is skipped and listed in `Snapshot.skipped`. */
  readonly maxFileBytes: number;
  /** Bytes of all the files kept after `maxFileBytes`; more throws `LimitExceededError`. */
  readonly maxTotalBytes: number;
  /** Bytes of the packs one fetch brings into a mirror; git is stopped past them. */
  readonly maxFetchBytes: number;
}

/** Generous: large real monorepos stay well inside them, hostile ones do not. */
export const defaultWorkspaceLimits: WorkspaceLimits = {
  maxFiles: 100_000,
  maxFileBytes: 1024 * 1024,
  maxTotalBytes: 500 * 1024 * 1024,
  maxFetchBytes: 2 * 1024 * 1024 * 1024,
};

/** The environment variable that raises or lowers each limit, named in every message about it. */
export const workspaceLimitVariables: Readonly<Record<keyof WorkspaceLimits, string>> = {
  maxFiles: "ARCHDRIFT_MAX_FILES",
  maxFileBytes: "ARCHDRIFT_MAX_FILE_BYTES",
  maxTotalBytes: "ARCHDRIFT_MAX_TOTAL_BYTES",
  maxFetchBytes: "ARCHDRIFT_MAX_FETCH_BYTES",
};

/**
 * The limits the environment sets, each falling back to its default. A value that is not a positive
 * integer throws: an operator's typo must not silently lift a bound.
 */
export function workspaceLimitsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): WorkspaceLimits {
  const read = (key: keyof WorkspaceLimits): number =>
    positiveWholeNumber(env, workspaceLimitVariables[key], defaultWorkspaceLimits[key]);
  return {
    maxFiles: read("maxFiles"),
    maxFileBytes: read("maxFileBytes"),
    maxTotalBytes: read("maxTotalBytes"),
    maxFetchBytes: read("maxFetchBytes"),
  };
}

/**
 * A bound read from the environment (`1_000_000` allowed), or `fallback` when unset. Anything but a
 * positive whole number throws: an operator's typo must not silently lift a bound.
 */
export function positiveWholeNumber(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  fallback: number,
): number {
  const raw = env[name]?.trim().replaceAll("_", "");
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < 1)
    throw new Error(`${name} must be a positive whole number, not ${JSON.stringify(env[name])}`);
  return value;
}
