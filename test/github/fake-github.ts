import { posix } from "node:path";
import { safeGit } from "../../src/workspace/safe-git.js";
import type {
  GitHubApiMock,
  HttpMethod,
  MockHandler,
  MockReply,
  MockRequest,
} from "../support/github/github-api-mock.js";

export interface CheckRunRecord {
  id: number;
  head_sha: string;
  external_id?: string;
  name: string;
  statuses: string[];
  status: string;
  conclusion?: string;
  output?: { title: string; summary: string; annotations?: unknown[] };
  annotations: { path: string; start_line: number; annotation_level: string; message: string }[];
}

export interface ReviewCommentRecord {
  id: number;
  path: string;
  line: number;
  body: string;
  commit_id: string;
  user: { login: string; type: string };
}

export interface PullRecord {
  number: number;
  state: "open" | "closed";
  headSha: string;
  baseSha: string;
  /** Files whose patch GitHub leaves out (too large): comments must not target them. */
  withoutPatch?: string[];
  /** Closed by someone while its review runs: open on the first read, closed after. */
  closesDuringReview?: boolean;
}

/** What the next `remaining` requests matching `method` and `path` get instead of an answer. */
interface Fault {
  readonly method: string;
  readonly path: RegExp;
  readonly reply: () => MockReply | Promise<MockReply>;
  remaining: number;
}

/** The first fault with tries left that matches the request, with one try used up. */
function takeFault(faults: Fault[], request: MockRequest): Fault | undefined {
  const fault = faults.find(
    (candidate) =>
      candidate.remaining > 0 &&
      candidate.method === request.method &&
      candidate.path.test(request.path),
  );
  if (fault) fault.remaining -= 1;
  return fault;
}

/**
 * GitHub's side of a review, kept in memory behind the OpenAPI-validating mock: check runs, pull
 * requests with real patches from the test's git repository, review comments and config files.
 */
export class FakeGitHub {
  readonly checkRuns: CheckRunRecord[] = [];
  readonly comments: ReviewCommentRecord[] = [];
  readonly reviews: { id: number; commit_id: string; body: string; comments: number }[] = [];
  readonly pulls = new Map<number, PullRecord>();
  /** `owner/repo` of the organisation defaults repository to its files. */
  readonly orgFiles = new Map<string, string>();
  private nextId = 1000;
  private readonly faults: Fault[] = [];
  private readonly hangs = new Set<() => void>();
  private readonly lostAnswers: Fault[] = [];

  constructor(
    private readonly api: GitHubApiMock,
    private readonly owner: string,
    private readonly repo: string,
    private readonly workDir: string,
  ) {
    const base = `/repos/${owner}/${repo}`;
    const on = (method: HttpMethod, path: string | RegExp, handler: MockHandler) =>
      api.on(
        method,
        path,
        async (request) =>
          this.faultFor(request) ?? this.loseAnswer(request, await handler(request)),
      );
    on("POST", `${base}/check-runs`, (request) => this.createCheckRun(request));
    on("PATCH", `${base}/check-runs/{check_run_id}`, (request) => this.updateCheckRun(request));
    on("GET", `${base}/commits/{ref}/check-runs`, (request) => this.listCheckRuns(request));
    on("GET", `${base}/pulls/{pull_number}`, (request) => this.getPull(request));
    on("GET", `${base}/pulls`, () => this.listPulls());
    on("GET", `${base}/pulls/{pull_number}/files`, (request) => this.listFiles(request));
    on("GET", `${base}/pulls/{pull_number}/comments`, () => ({
      status: 200,
      body: this.comments,
    }));
    on("POST", `${base}/pulls/{pull_number}/reviews`, (request) => this.createReview(request));
    on("PATCH", `${base}/pulls/comments/{comment_id}`, (request) => this.updateComment(request));
    on("GET", /^\/repos\/[^/]+\/[^/]+\/contents\/.+/, (request) => this.getContents(request));
  }

  /** The next `times` matching requests get `reply` instead of an answer: GitHub having a bad day. */
  injectFault(method: HttpMethod, path: RegExp, reply: MockReply, times = 1): void {
    this.faults.push({ method, path, reply: () => reply, remaining: times });
  }

  /**
   * The next `times` matching requests get no answer until `releaseHangs` (the harness calls it
   * when it stops): GitHub accepting a connection and then saying nothing.
   */
  injectHang(method: HttpMethod, path: RegExp, times = 1): void {
    this.faults.push({ method, path, reply: () => this.hang(), remaining: times });
  }

  private hang(): Promise<MockReply> {
    return new Promise<MockReply>((resolve) => {
      this.hangs.add(() => resolve({ status: 504, body: { message: "too late" } }));
    });
  }

  releaseHangs(): void {
    this.hangs.forEach((release) => release());
    this.hangs.clear();
  }

  get faultsLeft(): number {
    const left = [...this.faults, ...this.lostAnswers];
    return left.reduce((sum, fault) => sum + fault.remaining, 0);
  }

  private faultFor(request: MockRequest): MockReply | Promise<MockReply> | undefined {
    return takeFault(this.faults, request)?.reply();
  }

  /**
   * The next `times` matching requests are carried out, but their answer never arrives (until
   * `releaseHangs`): GitHub did the work and the connection died on the way back.
   */
  injectLostAnswer(method: HttpMethod, path: RegExp, times = 1): void {
    this.lostAnswers.push({ method, path, reply: () => this.hang(), remaining: times });
  }

  /** The handler's reply, or, for a request whose answer is to be lost, a wait until the end. */
  private loseAnswer(request: MockRequest, reply: MockReply): MockReply | Promise<MockReply> {
    return takeFault(this.lostAnswers, request)?.reply() ?? reply;
  }

  private listCheckRuns(request: MockRequest) {
    const runs = this.checkRuns.filter(
      (run) =>
        run.head_sha === request.params["ref"] &&
        (request.query["check_name"] === undefined || run.name === request.query["check_name"]),
    );
    return {
      status: 200,
      body: {
        total_count: runs.length,
        check_runs: runs.map((run) => ({
          id: run.id,
          head_sha: run.head_sha,
          name: run.name,
          status: run.status,
          external_id: run.external_id ?? null,
        })),
      },
    };
  }

  runsFor(headSha: string): CheckRunRecord[] {
    return this.checkRuns.filter((run) => run.head_sha === headSha);
  }

  private createCheckRun(request: MockRequest) {
    const body = request.body as {
      head_sha: string;
      name: string;
      status?: string;
      external_id?: string;
    };
    const run: CheckRunRecord = {
      id: this.nextId++,
      head_sha: body.head_sha,
      ...(body.external_id === undefined ? {} : { external_id: body.external_id }),
      name: body.name,
      status: body.status ?? "queued",
      statuses: [body.status ?? "queued"],
      annotations: [],
    };
    this.checkRuns.push(run);
    return {
      status: 201,
      body: { id: run.id, head_sha: run.head_sha, name: run.name, status: run.status },
    };
  }

  private updateCheckRun(request: MockRequest) {
    const run = this.checkRuns.find(
      (candidate) => candidate.id === Number(request.params["check_run_id"]),
    );
    if (!run) return { status: 404, body: { message: "Not Found" } };
    const body = request.body as Partial<CheckRunRecord> & { output?: CheckRunRecord["output"] };
    if (body.status) {
      run.status = body.status;
      run.statuses.push(body.status);
    }
    if (body.conclusion) run.conclusion = body.conclusion;
    if (body.output) {
      run.output = body.output;
      run.annotations.push(...((body.output.annotations ?? []) as CheckRunRecord["annotations"]));
    }
    return { status: 200, body: { id: run.id, status: run.status } };
  }

  private getPull(request: MockRequest) {
    const pull = this.pulls.get(Number(request.params["pull_number"]));
    if (pull?.closesDuringReview) {
      const body = this.pullBody(pull);
      pull.state = "closed";
      pull.closesDuringReview = false;
      return { status: 200, body };
    }
    return pull
      ? { status: 200, body: this.pullBody(pull) }
      : { status: 404, body: { message: "Not Found" } };
  }

  private listPulls() {
    const open = [...this.pulls.values()].filter((pull) => pull.state === "open");
    return { status: 200, body: open.map((pull) => this.pullBody(pull)) };
  }

  private pullBody(pull: PullRecord) {
    return {
      number: pull.number,
      state: pull.state,
      head: { sha: pull.headSha, ref: `feature-${pull.number}` },
      base: { sha: pull.baseSha, ref: "main" },
    };
  }

  private async listFiles(request: MockRequest) {
    const pull = this.pulls.get(Number(request.params["pull_number"]));
    if (!pull) return { status: 404, body: { message: "Not Found" } };
    const git = safeGit(this.workDir);
    const names = (await git.raw(["diff", "--name-only", pull.baseSha, pull.headSha]))
      .split("\n")
      .filter(Boolean);
    const files = [];
    for (const filename of names) {
      const diff = await git.raw([
        "diff",
        "--unified=3",
        pull.baseSha,
        pull.headSha,
        "--",
        filename,
      ]);
      const patch = diff.slice(diff.indexOf("@@"));
      files.push({
        filename,
        status: "modified",
        ...(pull.withoutPatch?.includes(filename) ? {} : { patch }),
      });
    }
    return { status: 200, body: files };
  }

  private createReview(request: MockRequest) {
    const body = request.body as {
      commit_id: string;
      body: string;
      comments: { path: string; line: number; body: string }[];
    };
    const id = this.nextId++;
    this.reviews.push({
      id,
      commit_id: body.commit_id,
      body: body.body,
      comments: body.comments.length,
    });
    for (const comment of body.comments) {
      this.comments.push({
        ...comment,
        id: this.nextId++,
        commit_id: body.commit_id,
        user: { login: "archdrift[bot]", type: "Bot" },
      });
    }
    return { status: 200, body: { id, state: "COMMENTED" } };
  }

  private updateComment(request: MockRequest) {
    const comment = this.comments.find(
      (candidate) => candidate.id === Number(request.params["comment_id"]),
    );
    if (!comment) return { status: 404, body: { message: "Not Found" } };
    comment.body = (request.body as { body: string }).body;
    return { status: 200, body: comment };
  }

  /**
   * Raw file contents at a ref, as Probot's config loader asks for them. As on GitHub, a folder, a
   * submodule or a symlink that leads out of the repository answers with JSON describing it.
   */
  private async getContents(request: MockRequest) {
    const [, , owner, repo, , ...rest] = request.path.split("/");
    const path = decodeURIComponent(rest.join("/"));
    const text =
      owner === this.owner && repo === this.repo
        ? await this.repoContents(request.query["ref"] ?? "HEAD", path)
        : this.orgFiles.get(`${owner}/${repo}:${path}`);
    if (text === undefined) return { status: 404, body: { message: "Not Found" } };
    if (typeof text !== "string")
      return {
        status: 200,
        body: text,
        headers: { "content-type": "application/json; charset=utf-8" },
      };
    return { status: 200, body: text, headers: { "content-type": "text/plain; charset=utf-8" } };
  }

  private async repoContents(ref: string, path: string): Promise<string | object | undefined> {
    const git = safeGit(this.workDir);
    const entry = (await git.raw(["ls-tree", ref, "--", path])).trim();
    const [mode, type] = entry.split(/\s+/);
    if (!entry) return undefined;
    if (type === "tree") return [];
    if (type === "commit") return { type: "submodule", path };
    const text = await git.raw(["show", `${ref}:${path}`]);
    if (mode !== "120000") return text;
    const target = posix.normalize(posix.join(posix.dirname(path), text));
    const followed = target.startsWith("../") ? undefined : await this.repoContents(ref, target);
    return typeof followed === "string" ? followed : { type: "symlink", target: text, path };
  }
}
