import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";
import { parse } from "yaml";
import { sampleBase } from "../../src/demo/sample-shop.js";
import { safeGit } from "../../src/workspace/safe-git.js";
import { commitFiles } from "../../src/workspace/scratch-repo.js";
import {
  createServedRepo,
  pushRefs,
  startGitHttpServer,
  type GitHttpServer,
  type ServedRepo,
} from "../support/git-http-server.js";
import { mockGitHubApi, type GitHubApiMock } from "../support/github/github-api-mock.js";
import { serveGitHubApi, type GitHubApiServer } from "../support/github/github-api-server.js";
import {
  pullRequestPayload,
  repositoryPayload,
  type PayloadRepository,
} from "../support/github/payloads.js";
import { examplePayload } from "../support/github/webhooks.js";
import { FakeGitHub } from "../github/fake-github.js";
import { parseOutputs, parseWorkflowCommands, type WorkflowCommand } from "./runner-files.js";

export const owner = "acme";
export const repo = "shop";
export const token = "ghs_archdrift_action_test_token_0123456789";
const repoRoot = new URL("../../", import.meta.url).pathname;
const user = ["-c", "user.name=archdrift", "-c", "user.email=archdrift@example.invalid"];

interface ActionManifest {
  readonly inputs: Record<string, { readonly default?: string }>;
  readonly runs: { readonly using: string; readonly main: string };
}

export interface ActionRun {
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
  readonly commands: readonly WorkflowCommand[];
}

export interface Checkout {
  /** actions/checkout's default is 1; 0 fetches everything. */
  readonly depth: 1 | 0;
  /** What actions/checkout's `persist-credentials` leaves in the clone's config. */
  readonly persistedToken?: string;
}

/**
 * The runner's side of a workflow step, for real: a repository served over git's smart HTTP (it
 * wants the token), a workspace cloned from it as actions/checkout clones, an event file, the
 * runner's environment variables, and GitHub's REST API on a socket, every request checked
 * against GitHub's OpenAPI description. The Action runs as the runner runs it: `node` on the
 * file action.yml names, with INPUT_* variables from action.yml's defaults.
 */
export class ActionHarness {
  private constructor(
    readonly api: GitHubApiMock,
    readonly github: FakeGitHub,
    readonly git: GitHttpServer,
    readonly served: ServedRepo,
    private readonly apiServer: GitHubApiServer,
    private readonly root: string,
  ) {}

  static async start(): Promise<ActionHarness> {
    const root = await mkdtemp(join(tmpdir(), "archdrift-action-"));
    const served = await createServedRepo(join(root, "server"), `${owner}/${repo}`);
    const git = await startGitHttpServer({ root: join(root, "server"), token });
    const api = mockGitHubApi();
    const github = new FakeGitHub(api, owner, repo, served.workDir);
    const apiServer = await serveGitHubApi(api);
    return new ActionHarness(api, github, git, served, apiServer, root);
  }

  async stop(): Promise<void> {
    this.github.releaseHangs();
    await this.apiServer.close();
    await this.git.close();
    this.api.restore();
    await rm(this.root, { recursive: true, force: true });
  }

  get cloneUrl(): string {
    return `${this.git.url}${this.served.urlPath}`;
  }

  /** A commit on top of `parent` (or of whatever the work copy holds), published nowhere yet. */
  async commit(files: Record<string, string | null>, parent?: string): Promise<string> {
    if (parent) await safeGit(this.served.workDir).raw(["checkout", "--quiet", "--detach", parent]);
    return commitFiles(this.served.workDir, files, "change");
  }

  /** `count` commits on top of `parent` that change nothing: history to walk through. */
  async emptyCommits(parent: string, count: number): Promise<string> {
    const git = safeGit(this.served.workDir);
    let sha = parent;
    for (let index = 0; index < count; index++)
      sha = (await git.raw([...user, "commit-tree", `${sha}^{tree}`, "-p", sha, "-m", `${index}`])).trim();
    return sha;
  }

  /** GitHub's test merge of a pull request: what actions/checkout checks out for `pull_request`. */
  async mergeCommit(baseSha: string, headSha: string): Promise<string> {
    const git = safeGit(this.served.workDir);
    await git.raw(["checkout", "--quiet", "--detach", baseSha]);
    await git.raw([...user, "merge", "--quiet", "--no-ff", "--no-edit", headSha]);
    return (await git.revparse(["HEAD"])).trim();
  }

  async publish(refs: Record<string, string>): Promise<void> {
    await pushRefs(this.served, refs);
  }

  /** Pull request `number` as GitHub holds it: base on main, head and test merge under refs/pull. */
  async openPull(number: number, baseSha: string, headSha: string): Promise<string> {
    const merge = await this.mergeCommit(baseSha, headSha);
    await this.publish({
      "refs/heads/main": baseSha,
      [`refs/pull/${number}/head`]: headSha,
      [`refs/pull/${number}/merge`]: merge,
    });
    this.github.pulls.set(number, { number, state: "open", baseSha, headSha });
    return merge;
  }

  /** What actions/checkout leaves in GITHUB_WORKSPACE: a clone of one commit, or of everything. */
  async checkout(sha: string, options: Checkout = { depth: 1 }): Promise<string> {
    const workspace = await mkdtemp(join(this.root, "workspace-"));
    const git = safeGit(workspace);
    await git.raw(["init", "--quiet"]);
    await git.raw(["remote", "add", "origin", this.cloneUrl]);
    const headerKey = `http.${this.git.url}/.extraheader`;
    await git.raw(["config", headerKey, `AUTHORIZATION: basic ${basic(token)}`]);
    const depth = options.depth === 1 ? ["--depth=1"] : [];
    const heads = options.depth === 1 ? [] : ["+refs/heads/*:refs/remotes/origin/*"];
    await git.raw(["fetch", "--quiet", "--no-tags", ...depth, "origin", ...heads, `+${sha}:refs/remotes/checkout`]);
    await git.raw(["checkout", "--quiet", "--detach", "refs/remotes/checkout"]);
    if (options.persistedToken !== undefined)
      await git.raw(["config", headerKey, `AUTHORIZATION: basic ${basic(options.persistedToken)}`]);
    return workspace;
  }

  /** A `pull_request` payload from @octokit/webhooks-examples, pointed at this repository. */
  pullRequestPayload(number: number, baseSha: string, headSha: string, fork = false) {
    return { ...pullRequestPayload(this.where(), { number, baseSha, headSha, fork }), action: "opened" };
  }

  /** An example payload of `event` with `fields` set, pointed at this repository. */
  eventPayload(
    event: string,
    action: string | undefined,
    fields: Record<string, unknown>,
  ): Record<string, unknown> {
    return { ...examplePayload(event, action), ...fields, repository: repositoryPayload(this.where()) };
  }

  /**
   * Pull request `number` changing `changes` on top of `base`, checked out as actions/checkout
   * does by default (its test merge, depth 1), with the event's payload.
   */
  async pullRequest(
    number: number,
    changes: Record<string, string | null>,
    options: { base?: Record<string, string>; fork?: boolean } = {},
  ) {
    const baseSha = await this.commit(options.base ?? sampleBase);
    const headSha = await this.commit(changes, baseSha);
    const merge = await this.openPull(number, baseSha, headSha);
    const workspace = await this.checkout(merge);
    const payload = this.pullRequestPayload(number, baseSha, headSha, options.fork);
    return { baseSha, headSha, workspace, payload };
  }

  private where(): PayloadRepository {
    return { owner, repo, cloneUrl: this.cloneUrl };
  }

  /** One step of a job: `node <runs.main>` in the workspace, with the runner's environment. */
  async run(
    event: string,
    payload: unknown,
    workspace: string,
    inputs: Record<string, string> = {},
  ): Promise<ActionRun> {
    const manifest = await actionManifest();
    const files = await mkdtemp(join(this.root, "runner-"));
    const paths = {
      event: join(files, "event.json"),
      summary: join(files, "step_summary.md"),
      output: join(files, "output.txt"),
      temp: join(files, "temp"),
    };
    await mkdir(paths.temp);
    await writeFile(paths.event, JSON.stringify(payload));
    await Promise.all([writeFile(paths.summary, ""), writeFile(paths.output, "")]);
    const env: NodeJS.ProcessEnv = {
      PATH: process.env["PATH"],
      HOME: files,
      CI: "true",
      GITHUB_ACTIONS: "true",
      GITHUB_WORKSPACE: workspace,
      GITHUB_EVENT_NAME: event,
      GITHUB_EVENT_PATH: paths.event,
      GITHUB_STEP_SUMMARY: paths.summary,
      GITHUB_OUTPUT: paths.output,
      GITHUB_API_URL: this.apiServer.url,
      GITHUB_SERVER_URL: this.git.url,
      GITHUB_REPOSITORY: `${owner}/${repo}`,
      GITHUB_TOKEN: token,
      RUNNER_TEMP: paths.temp,
      ...inputVariables(manifest, inputs),
    };
    const { exitCode, stdout, stderr } = await runNode(join(repoRoot, manifest.runs.main), workspace, env);
    return {
      exitCode,
      stdout,
      stderr,
      outputs: parseOutputs(await readFile(paths.output, "utf8")),
      summary: await readFile(paths.summary, "utf8"),
      commands: parseWorkflowCommands(stdout),
    };
  }
}

function basic(secret: string): string {
  return Buffer.from(`x-access-token:${secret}`).toString("base64");
}

export async function actionManifest(): Promise<ActionManifest> {
  return parse(await readFile(join(repoRoot, "action.yml"), "utf8")) as ActionManifest;
}

/** As the runner sets them: INPUT_<NAME> upper-cased, each input's default unless the step sets it. */
function inputVariables(manifest: ActionManifest, given: Record<string, string>) {
  const variables: Record<string, string> = {};
  for (const [name, input] of Object.entries(manifest.inputs)) {
    const value = given[name] ?? (input.default ?? "").replace("${{ github.token }}", token);
    variables[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] = value;
  }
  return variables;
}

function runNode(
  main: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ exitCode: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [main], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (exitCode) =>
      resolve({
        exitCode,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
      }),
    );
  });
}

/** A fresh harness for each test; any request off GitHub's API description fails the test. */
export function useActionHarness(): ActionHarness {
  let current: ActionHarness | undefined;
  beforeEach(async () => {
    current = await ActionHarness.start();
  });
  afterEach(async () => {
    await current?.stop();
    current?.api.assertNoViolations();
    current?.api.assertAllHandled();
  });
  return new Proxy({} as ActionHarness, {
    get: (_target, property) => {
      if (!current) throw new Error("the harness runs inside a test only");
      const value: unknown = Reflect.get(current, property);
      return typeof value === "function" ? value.bind(current) : value;
    },
  });
}
