import { spawn } from "node:child_process";
import { safeGitEnv } from "./safe-git.js";
import { scrubSecrets } from "./scrub-secrets.js";

export interface RunGitOptions {
  /** More `-c` settings, passed through the environment so they never show in a process list. */
  readonly extraConfig?: Readonly<Record<string, string>>;
  /** Environment variables that override the safe defaults (GIT_ALLOW_PROTOCOL, for one). */
  readonly env?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal | undefined;
  /** Texts blanked out of any error, such as a token git might echo back. */
  readonly secrets?: readonly string[];
}

/**
 * Runs one git command and returns its standard output. Spawned directly rather than through
 * simple-git so an abort can kill git's whole process group: a fetch runs `git-remote-https` and
 * `index-pack` as children, which killing `git` alone would leave running.
 */
export async function runGit(
  cwd: string,
  args: readonly string[],
  options: RunGitOptions = {},
): Promise<string> {
  options.signal?.throwIfAborted();
  const child = spawn("git", args, {
    cwd,
    env: { ...safeGitEnv(options.extraConfig), ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
  const stopOnAbort = () => killGroup(child.pid);
  options.signal?.addEventListener("abort", stopOnAbort, { once: true });
  try {
    const exitCode = await new Promise<number>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
    });
    options.signal?.throwIfAborted();
    if (exitCode !== 0) {
      const message = scrubSecrets(Buffer.concat(stderr).toString("utf8"), options.secrets ?? []);
      throw new GitCommandError(args[0] ?? "", exitCode, message.trim());
    }
    return Buffer.concat(stdout).toString("utf8");
  } finally {
    options.signal?.removeEventListener("abort", stopOnAbort);
  }
}

/** SIGTERM first: git removes its lock files and temporary packs on it. SIGKILL if it lingers. */
function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  kill("SIGTERM");
  setTimeout(() => kill("SIGKILL"), 5_000).unref();
}

export class GitCommandError extends Error {
  constructor(
    readonly command: string,
    readonly exitCode: number,
    readonly stderr: string,
  ) {
    super(`git ${command} failed (exit ${exitCode}): ${stderr || "no message"}`);
    this.name = "GitCommandError";
  }
}
