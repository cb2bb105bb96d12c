/** What a fetch may hand to git, each value checked so that none can act as an option or a path. */
export interface FetchInput {
  /** The mirror's folder name: `owner+name`, lower case, from [a-z0-9._-] only. */
  readonly folder: string;
  readonly remoteUrl: URL;
  /** Absent for a merge group: both commits are then fetched by SHA. */
  readonly pullNumber?: number;
  readonly baseSha: string;
  readonly headSha: string;
}

export interface RawFetchInput {
  readonly repoFullName: string;
  readonly cloneUrl: string;
  readonly pullNumber?: number | undefined;
  readonly baseSha: string;
  readonly headSha: string;
  readonly allowFileProtocol?: boolean | undefined;
}

export function validateFetchInput(raw: RawFetchInput): FetchInput {
  if (
    raw.pullNumber !== undefined &&
    (!Number.isSafeInteger(raw.pullNumber) || raw.pullNumber < 1)
  ) {
    throw new InvalidFetchInputError(`pull request number ${String(raw.pullNumber)} is not valid`);
  }
  return {
    folder: mirrorFolderName(raw.repoFullName),
    remoteUrl: remoteUrl(raw.cloneUrl, raw.allowFileProtocol === true),
    ...(raw.pullNumber === undefined ? {} : { pullNumber: raw.pullNumber }),
    baseSha: commitSha(raw.baseSha, "base"),
    headSha: commitSha(raw.headSha, "head"),
  };
}

const namePart = /^[A-Za-z0-9._-]+$/;

/**
 * Refuses rather than rewrites odd names: replacing characters could send two repositories to one
 * mirror. Lower case because GitHub names are case-insensitive and one repository needs one mirror.
 */
export function mirrorFolderName(repoFullName: string): string {
  const parts = repoFullName.split("/");
  const valid =
    parts.length === 2 && parts.every((part) => namePart.test(part) && !/^\.+$/.test(part));
  if (!valid)
    throw new InvalidFetchInputError(
      `repository name ${JSON.stringify(repoFullName)} is not owner/name`,
    );
  return parts.join("+").toLowerCase();
}

function remoteUrl(cloneUrl: string, allowFile: boolean): URL {
  let url: URL;
  try {
    url = new URL(cloneUrl);
  } catch {
    throw new InvalidFetchInputError("the clone URL does not parse");
  }
  const protocols = allowFile ? ["https:", "http:", "file:"] : ["https:", "http:"];
  if (!protocols.includes(url.protocol)) {
    throw new InvalidFetchInputError(`the clone URL's protocol ${url.protocol} is not allowed`);
  }
  // Never echo the URL itself here: credentials in it are exactly what must not reach a log.
  if (url.username !== "" || url.password !== "") {
    throw new InvalidFetchInputError(
      "the clone URL carries credentials; pass the token separately",
    );
  }
  if (url.search !== "" || url.hash !== "") {
    throw new InvalidFetchInputError("the clone URL has a query or fragment");
  }
  return url;
}

function commitSha(sha: string, role: string): string {
  if (!/^(?:[0-9a-fA-F]{40}|[0-9a-fA-F]{64})$/.test(sha)) {
    throw new InvalidFetchInputError(
      `the ${role} SHA ${JSON.stringify(sha.slice(0, 80))} is not a full commit id`,
    );
  }
  return sha.toLowerCase();
}

export class InvalidFetchInputError extends Error {
  constructor(reason: string) {
    super(`Refusing to fetch: ${reason}.`);
    this.name = "InvalidFetchInputError";
  }
}
