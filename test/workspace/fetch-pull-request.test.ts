import { randomBytes } from "node:crypto";
import { access, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { CommitNotFoundError } from "../../src/workspace/commit-not-found-error.js";
import { FetchAuthError } from "../../src/workspace/fetch-auth-error.js";
import {
  fetchPullRequest,
  type FetchPullRequestOptions,
} from "../../src/workspace/fetch-pull-request.js";
import { commitFiles, checkoutBranch } from "../../src/workspace/scratch-repo.js";
import { safeGit } from "../../src/workspace/safe-git.js";
import { openSnapshot } from "../../src/workspace/snapshot.js";
import { LimitExceededError } from "../../src/workspace/limit-exceeded-error.js";
import { GitCommandError } from "../../src/workspace/run-git.js";
import { InvalidFetchInputError } from "../../src/workspace/validate-fetch-input.js";
import {
  createServedRepo,
  pruneUnreachable,
  pushRefs,
  startGitHttpServer,
  type GitHttpServer,
  type ServedRepo,
} from "../support/git-http-server.js";
import { useTempDirs } from "./temp-dir.js";

const tempDir = useTempDirs();
const token = "ghs_TestToken0123456789abcdefABCDEF";
const basicToken = Buffer.from(`x-access-token:${token}`).toString("base64");
const servers: GitHttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

interface Fixture {
  readonly server: GitHttpServer;
  readonly repo: ServedRepo;
  readonly mirrorsDir: string;
  readonly base: string;
  readonly head: string;
  readonly options: FetchPullRequestOptions;
}

/** A served repository with main at `base` and pull request #7 at `head`, on no branch at all. */
async function pullRequestFixture(serverOptions: { delayMs?: number } = {}): Promise<Fixture> {
  const root = await tempDir();
  const repo = await createServedRepo(root, "acme/shop");
  const base = await commitFiles(
    repo.workDir,
    { "shop/a.py": "import shop.b\n", "shop/b.py": "" },
    "base",
  );
  await checkoutBranch(repo.workDir, "fork-feature", true);
  const head = await commitFiles(repo.workDir, { "shop/b.py": "import shop.a\n" }, "cycle");
  // As with a fork: the head commit lives only under refs/pull/N/head on the base repository.
  await pushRefs(repo, { "refs/heads/main": base, "refs/pull/7/head": head });
  const server = await startGitHttpServer({ root, token, ...serverOptions });
  servers.push(server);
  const mirrorsDir = join(await tempDir(), "mirrors");
  const options = {
    mirrorsDir,
    repoFullName: "acme/shop",
    cloneUrl: `${server.url}${repo.urlPath}`,
    token,
    pullNumber: 7,
    baseSha: base,
    headSha: head,
  };
  return { server, repo, mirrorsDir, base, head, options };
}

const uploadPackPosts = (server: GitHttpServer) =>
  server.requests.filter(
    (request) => request.method === "POST" && request.path.endsWith("/git-upload-pack"),
  );

/** Each `git fetch` starts with one ref advertisement. */
const gitInvocations = (server: GitHttpServer) =>
  server.requests.filter((request) => request.path.endsWith("/info/refs")).length;

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe("fetchPullRequest", () => {
  it("fetches base and the fork-only head into a bare mirror that snapshots read", async () => {
    const { options, base, head, mirrorsDir, server } = await pullRequestFixture();
    const { repoDir } = await fetchPullRequest(options);
    expect(repoDir).toBe(join(mirrorsDir, "acme+shop"));
    const baseFiles = await (await openSnapshot(repoDir, base)).readText(["shop/b.py"]);
    const headFiles = await (await openSnapshot(repoDir, head)).readText(["shop/b.py"]);
    expect(baseFiles.get("shop/b.py")).toBe("");
    expect(headFiles.get("shop/b.py")).toBe("import shop.a\n");
    expect(server.requests.every((request) => request.authorized)).toBe(true);
    // Bare and never checked out: no work tree, no index.
    await expect(access(join(repoDir, "index"))).rejects.toThrow();
    await expect(access(join(repoDir, "shop"))).rejects.toThrow();
  });

  it("reuses the mirror: known commits cost no request, a new push only an incremental fetch", async () => {
    const { options, server, repo } = await pullRequestFixture();
    await fetchPullRequest(options);
    expect(gitInvocations(server)).toBe(1);
    const firstPosts = uploadPackPosts(server).length;
    expect(firstPosts).toBeGreaterThan(0);
    server.requests.length = 0;
    await fetchPullRequest({ ...options, repoFullName: "ACME/Shop" });
    expect(server.requests).toEqual([]);

    const next = await commitFiles(repo.workDir, { "shop/c.py": "" }, "more");
    await pushRefs(repo, { "refs/pull/7/head": next });
    const { repoDir } = await fetchPullRequest({ ...options, headSha: next });
    expect(uploadPackPosts(server).length).toBeGreaterThan(0);
    expect(uploadPackPosts(server).length).toBeLessThanOrEqual(firstPosts);
    const files = (await openSnapshot(repoDir, next)).files.map((entry) => entry.path);
    expect(files).toEqual(["shop/a.py", "shop/b.py", "shop/c.py"]);
  });

  it("fetches an older head by SHA when refs/pull/N/head has moved on", async () => {
    const { options, repo, head, server } = await pullRequestFixture();
    // A force-push the server has not collected yet: the old head is on no ref we ask for.
    await checkoutBranch(repo.workDir, "main", false);
    const newer = await commitFiles(repo.workDir, { "shop/c.py": "" }, "rewritten");
    await pushRefs(repo, { "refs/heads/keep": head, "refs/pull/7/head": newer });
    const { repoDir } = await fetchPullRequest(options);
    expect((await openSnapshot(repoDir, head)).sha).toBe(head);
    // One fetch for the pull ref and base, a second for the old head by SHA.
    expect(gitInvocations(server)).toBe(2);
  });

  it("says CommitNotFoundError when the head was force-pushed away", async () => {
    const { options, repo, base } = await pullRequestFixture();
    await checkoutBranch(repo.workDir, "main", false);
    const rewritten = await commitFiles(repo.workDir, { "shop/b.py": "x = 1\n" }, "rewritten");
    await pushRefs(repo, { "refs/pull/7/head": rewritten });
    await pruneUnreachable(repo);
    const failure = await fetchPullRequest(options).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CommitNotFoundError);
    expect((failure as CommitNotFoundError).message).toContain(options.headSha);
    expect((failure as CommitNotFoundError).role).toBe("head");
    // The rest of the pull request still arrived.
    const { repoDir } = await fetchPullRequest({ ...options, headSha: rewritten });
    expect((await openSnapshot(repoDir, base)).sha).toBe(base);
  });

  it("says CommitNotFoundError when the base is not on the server", async () => {
    const { options } = await pullRequestFixture();
    const failure = await fetchPullRequest({ ...options, baseSha: "1".repeat(40) }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(CommitNotFoundError);
    expect((failure as CommitNotFoundError).role).toBe("base");
  });

  it("fails on a wrong token without ever showing that token", async () => {
    const { options, server } = await pullRequestFixture();
    const wrong = "ghs_WrongToken9876543210zyxwvuZYXWVU";
    const failure = await fetchPullRequest({ ...options, token: wrong }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(FetchAuthError);
    const text = `${(failure as Error).message}\n${(failure as Error).stack ?? ""}`;
    expect(text).not.toContain(wrong);
    expect(text).not.toContain(Buffer.from(`x-access-token:${wrong}`).toString("base64"));
    expect(server.requests.some((request) => !request.authorized)).toBe(true);
  });

  it("leaves the token in no file of the mirror", async () => {
    const { options } = await pullRequestFixture();
    const { repoDir } = await fetchPullRequest(options);
    const config = await readFile(join(repoDir, "config"), "utf8");
    expect(config).not.toContain("extraheader");
    const files = await allFiles(repoDir);
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const content = await readFile(file);
      expect(content.includes(token), file).toBe(false);
      expect(content.includes(basicToken), file).toBe(false);
    }
  });

  it("refuses bad input before git runs", async () => {
    const { options, server, mirrorsDir } = await pullRequestFixture();
    const bad: Partial<FetchPullRequestOptions>[] = [
      { pullNumber: 0 },
      { pullNumber: 1.5 },
      { pullNumber: Number.NaN },
      { baseSha: "main" },
      { headSha: "--upload-pack=touch /tmp/pwned" },
      { headSha: "abc123" },
      { cloneUrl: options.cloneUrl.replace("http://", `http://x-access-token:${token}@`) },
      { cloneUrl: "ext::sh -c touch% /tmp/pwned" },
      { cloneUrl: "file:///etc" },
      { cloneUrl: "-uhttp://example.com/a.git" },
      { repoFullName: "../../etc" },
      { repoFullName: "acme/shop/extra" },
      { repoFullName: "acme/.." },
      { token: "" },
    ];
    for (const change of bad) {
      const failure = await fetchPullRequest({ ...options, ...change }).catch(
        (error: unknown) => error,
      );
      expect(failure, JSON.stringify(change)).toBeInstanceOf(InvalidFetchInputError);
      expect((failure as Error).message).not.toContain(token);
    }
    expect(server.requests).toEqual([]);
    await expect(access(mirrorsDir)).rejects.toThrow();
  });

  it("fetches from a file: URL only when a test allows it", async () => {
    const { options, repo, head } = await pullRequestFixture();
    const cloneUrl = pathToFileURL(repo.bareDir).href;
    await expect(fetchPullRequest({ ...options, cloneUrl })).rejects.toThrow(
      InvalidFetchInputError,
    );
    const { repoDir } = await fetchPullRequest({ ...options, cloneUrl, allowFileProtocol: true });
    expect((await openSnapshot(repoDir, head)).sha).toBe(head);
  });

  it("serializes two concurrent fetches of one repository, and both succeed", async () => {
    const { options, repo, base } = await pullRequestFixture();
    await checkoutBranch(repo.workDir, "main", false);
    const other = await commitFiles(repo.workDir, { "shop/d.py": "" }, "another pull request");
    await pushRefs(repo, { "refs/pull/8/head": other });
    const [first, second] = await Promise.all([
      fetchPullRequest(options),
      fetchPullRequest({ ...options, pullNumber: 8, headSha: other }),
    ]);
    expect(first.repoDir).toBe(second.repoDir);
    expect((await openSnapshot(first.repoDir, options.headSha)).files).toHaveLength(2);
    expect((await openSnapshot(second.repoDir, other)).files).toHaveLength(3);
    expect((await openSnapshot(second.repoDir, base)).files).toHaveLength(2);
  });

  it("kills git when the signal aborts", async () => {
    const { options } = await pullRequestFixture({ delayMs: 10_000 });
    const started = Date.now();
    const failure = await fetchPullRequest({ ...options, signal: AbortSignal.timeout(300) }).catch(
      (error: unknown) => error,
    );
    expect((failure as Error).name).toBe("TimeoutError");
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

/** What an interrupted fetch could leave in a mirror: half-written packs, indexes and locks. */
async function leftovers(repoDir: string): Promise<string[]> {
  return (await allFiles(repoDir)).filter((file) => /tmp_|\.lock$|\.keep$|\.pack\.temp/.test(file));
}

describe("a fetch that fails partway through the pack", () => {
  it("is tried again, and both commits arrive with nothing half-written left behind", async () => {
    const { options, server, base, head } = await pullRequestFixture();
    server.interruptPacks({ times: 1, afterBytes: 20, mode: "close" });
    const { repoDir } = await fetchPullRequest(options);
    expect(server.interruptionsLeft).toBe(0);
    expect((await openSnapshot(repoDir, head)).files).toHaveLength(2);
    expect((await openSnapshot(repoDir, base)).sha).toBe(base);
    expect(await leftovers(repoDir)).toEqual([]);
  });

  it("gives up after three tries with git's reason, and the next fetch starts clean", async () => {
    const { options, server, head } = await pullRequestFixture();
    server.interruptPacks({ times: 3, afterBytes: 20, mode: "close" });
    const failure = await fetchPullRequest(options).catch((error: unknown) => error);
    expect(server.interruptionsLeft).toBe(0);
    expect(failure).toBeInstanceOf(GitCommandError);
    expect((failure as GitCommandError).stderr).toMatch(/early EOF|hung up|RPC failed|index-pack/);
    expect((failure as Error).message).not.toContain(token);
    const repoDir = join(options.mirrorsDir, "acme+shop");
    expect(await leftovers(repoDir)).toEqual([]);
    await fetchPullRequest(options);
    expect((await openSnapshot(repoDir, head)).files).toHaveLength(2);
  });

  it("is killed when the server stalls mid-pack and the review's deadline passes, leaving no lock", async () => {
    const { options, server, head } = await pullRequestFixture();
    server.interruptPacks({ times: 1, afterBytes: 20, mode: "stall" });
    const failure = await fetchPullRequest({
      ...options,
      signal: AbortSignal.timeout(1_500),
    }).catch((error: unknown) => error);
    expect((failure as Error).name).toBe("TimeoutError");
    const repoDir = join(options.mirrorsDir, "acme+shop");
    expect(await leftovers(repoDir)).toEqual([]);
    await fetchPullRequest(options);
    expect((await openSnapshot(repoDir, head)).files).toHaveLength(2);
  });
});

describe("the fetch size bound", () => {
  it("stops the review once the incoming pack passes maxFetchBytes, leaving no partial pack", async () => {
    const { options, repo } = await pullRequestFixture();
    // 4 MB that do not compress: the pack must carry every byte of it.
    const noise = randomBytes(3 * 1024 * 1024).toString("base64");
    await checkoutBranch(repo.workDir, "fork-feature", false);
    const big = await commitFiles(repo.workDir, { "shop/blob.py": `x = "${noise}"\n` }, "big");
    await pushRefs(repo, { "refs/pull/7/head": big });
    const failure = await fetchPullRequest({
      ...options,
      headSha: big,
      maxFetchBytes: 256 * 1024,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LimitExceededError);
    expect(failure).toMatchObject({ limit: "maxFetchBytes", max: 256 * 1024 });
    expect((failure as LimitExceededError).actual).toBeGreaterThan(256 * 1024);
    expect((failure as Error).message).toMatch(
      /^fetching the pull request from http:\/\/127\.0\.0\.1:\d+\/acme\/shop\.git passed [\d,]+ bytes and was stopped; archdrift reviews at most 262,144 \(ARCHDRIFT_MAX_FETCH_BYTES\)$/,
    );
    const repoDir = join(options.mirrorsDir, "acme+shop");
    expect(await leftovers(repoDir)).toEqual([]);
    // The same fetch within the bound succeeds.
    const { repoDir: again } = await fetchPullRequest({ ...options, headSha: big });
    // Above the 1 MiB file bound: listed as skipped, which needs the commit to be there.
    expect((await openSnapshot(again, big)).skipped?.map((file) => file.path)).toEqual([
      "shop/blob.py",
    ]);
  });
});

describe("the fetch size bound and the mirror's upkeep", () => {
  it("counts what a fetch brings, not the mirror's own repacking after it", async () => {
    const { options, repo, base } = await pullRequestFixture();
    await checkoutBranch(repo.workDir, "fork-feature", false);
    const noise = randomBytes(300 * 1024).toString("base64");
    const large = await commitFiles(repo.workDir, { "shop/data.txt": noise }, "large");
    await pushRefs(repo, { "refs/heads/main": large });
    const { repoDir } = await fetchPullRequest({ ...options, baseSha: large });
    // A mirror that wants a repack after every fetch: git's gc rewrites all of its packs.
    await safeGit(repoDir).raw([
      "config",
      "--file",
      join(repoDir, "config"),
      "gc.autoPackLimit",
      "1",
    ]);
    const small = await commitFiles(repo.workDir, { "shop/c.py": "import shop.a\n" }, "small");
    await pushRefs(repo, { "refs/pull/7/head": small });
    await fetchPullRequest({
      ...options,
      baseSha: large,
      headSha: small,
      maxFetchBytes: 64 * 1024,
    });
    expect((await openSnapshot(repoDir, small)).sha).toBe(small);
    expect((await openSnapshot(repoDir, base)).sha).toBe(base);
    const packs = (await allFiles(join(repoDir, "objects", "pack"))).filter((file) =>
      file.endsWith(".pack"),
    );
    expect(packs).toHaveLength(1);
  });
});

describe("startGitHttpServer", () => {
  it("answers 401 with a Basic challenge to requests without the token", async () => {
    const { server, repo } = await pullRequestFixture();
    const path = `${server.url}${repo.urlPath}/info/refs?service=git-upload-pack`;
    const anonymous = await fetch(path);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toBe('Basic realm="git"');
    const authorized = await fetch(path, { headers: { Authorization: `Basic ${basicToken}` } });
    expect(authorized.status).toBe(200);
    expect(authorized.headers.get("content-type")).toBe(
      "application/x-git-upload-pack-advertisement",
    );
    await authorized.arrayBuffer();
  });
});
