import { withoutControls } from "../report/format.js";
import { UsageError, type CliIo, type ExitCode } from "./cli-io.js";
import { toolVersion } from "./tool-version.js";

export const usage = `Usage: archdrift <command> [options]

Commands:
  check --base <ref> [--head <ref>] [--repo <dir>] [--config <file>] [--cache-dir <dir>]
        [--format text|markdown|json|sarif]
      What the pull request from base to head does to the architecture.
      Exit 0: no error-level drift; 1: error-level drift; 2: could not review (usage, config,
      repository or internal error).
      --cache-dir (or ARCHDRIFT_CACHE_DIR) keeps base graphs between runs.
      Bounds: ARCHDRIFT_MAX_FILES, ARCHDRIFT_MAX_FILE_BYTES, ARCHDRIFT_MAX_TOTAL_BYTES.
  audit [--head <ref>] [--repo <dir>] [--config <file>] [--format ...]
      Judge every import at one commit as if it were new (for a first look, or self-checks).
  graph [--ref <ref>] [--repo <dir>] [--format json|mermaid|dot]
      Every module and edge at one commit, under the same bounds as check.
  demo [--format markdown|text|json|sarif]
      Review a pull request on an embedded sample Python service.
  worker [--concurrency <n>]
      Run reviews the GitHub App queued on Redis, until SIGTERM. Reads the app's environment:
      REDIS_URL, APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, GHE_HOST, ARCHDRIFT_CONCURRENCY.
`;

type Command = (args: readonly string[], io: CliIo) => Promise<ExitCode>;

/**
 * Each command's code is loaded when it runs: `--help` loads none of it, `check` no Probot or
 * Redis client, `worker` no report renderers it does not use.
 */
const commands: Record<string, () => Promise<Command>> = {
  check: async () => {
    const { checkCommand } = await import("./check-command.js");
    return (args, io) => checkCommand(args, io, false);
  },
  audit: async () => {
    const { checkCommand } = await import("./check-command.js");
    return (args, io) => checkCommand(args, io, true);
  },
  graph: async () => (await import("./graph-command.js")).graphCommand,
  demo: async () => (await import("./demo-command.js")).demoCommand,
  worker: async () => (await import("./worker-command.js")).workerCommand,
};

export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [name, ...args] = argv;
  if (name === "--version" || name === "-v") return print(io, `${toolVersion}\n`);
  if (name === undefined || name === "help" || name === "--help" || name === "-h")
    return print(io, usage);
  const load = commands[name];
  if (!load) return fail(io, `unknown command ${name}\n\n${usage}`);
  try {
    return await (
      await load()
    )(args, io);
  } catch (error) {
    return explain(io, error);
  }
}

/** The error classes are loaded only when something failed, not on every start. */
async function explain(io: CliIo, error: unknown): Promise<ExitCode> {
  const [{ ConfigProblem }, { unreviewable }, { NotARepositoryError }, { UnknownRefError }] =
    await Promise.all([
      import("../review/config-problem.js"),
      import("../review/unreviewable.js"),
      import("../workspace/check-repository.js"),
      import("../workspace/resolve-commit.js"),
    ]);
  if (error instanceof ConfigProblem) return fail(io, `config error:\n${error.message}`);
  if (
    error instanceof UsageError ||
    error instanceof UnknownRefError ||
    error instanceof NotARepositoryError
  )
    return fail(io, error.message);
  const reason = unreviewable(error);
  if (reason) return fail(io, `${reason.title}: ${reason.details}`);
  if (
    error instanceof TypeError &&
    "code" in error &&
    String(error.code).startsWith("ERR_PARSE_ARGS")
  ) {
    return fail(io, `${error.message}\n\n${usage}`);
  }
  return internalError(io, error);
}

/**
 * A bug, not the user's doing: the stack helps its report, and the exit code must not be 1, which
 * a CI job reads as "drift found".
 */
function internalError(io: CliIo, error: unknown): ExitCode {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return fail(io, `unexpected error (please report it with what follows):\n${detail}`);
}

function print(io: CliIo, text: string): ExitCode {
  io.stdout.write(text);
  return 0;
}

/** Messages quote paths, refs and file names from the repository: none may drive the terminal. */
function fail(io: CliIo, message: string): ExitCode {
  const lines = message.split("\n").map(withoutControls);
  io.stderr.write(`archdrift: ${lines.join("\n")}\n`);
  return 2;
}
