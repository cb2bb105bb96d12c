import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { benchSourceDir } from "./bench-paths.js";

const run = promisify(execFile);

/** One whole process as the operating system counted it (see measure-process.py). */
export interface ProcessRun {
  readonly wall: number;
  readonly user: number;
  readonly sys: number;
  readonly maxRssBytes: number;
  readonly status: number;
}

export interface Command {
  readonly argv: readonly string[];
  readonly cwd?: string;
  /** Where its standard output goes (default: nowhere). */
  readonly stdout?: string;
  readonly stderr?: string;
  /** The open-file limit it runs under. */
  readonly nofile?: number;
  /** Runs before each measured run, untimed: to empty a cache folder for a cold run. */
  readonly before?: () => Promise<void>;
}

/** Medians of several runs: what the table quotes. */
export interface ProcessFigures {
  readonly wall: number;
  readonly cpu: number;
  /** The largest peak of any run. */
  readonly maxRssBytes: number;
  readonly runs: readonly ProcessRun[];
}

export async function measureOnce(command: Command): Promise<ProcessRun> {
  await command.before?.();
  const options = [
    ...(command.stdout ? ["--stdout", command.stdout] : []),
    ...(command.stderr ? ["--stderr", command.stderr] : []),
    ...(command.nofile ? ["--nofile", String(command.nofile)] : []),
  ];
  const script = join(benchSourceDir(), "measure-process.py");
  const { stdout } = await run("python3", [script, ...options, "--", ...command.argv], {
    cwd: command.cwd,
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as ProcessRun;
}

/**
 * Each command in turn, A B A B..., after one unmeasured warm-up of each (the page cache, git's
 * packs): on a shared machine whose speed drifts, pairs run close together compare fairly.
 */
export async function measureInTurn(
  commands: readonly Command[],
  runs: number,
): Promise<ProcessFigures[]> {
  const results: ProcessRun[][] = commands.map(() => []);
  for (const command of commands) await measureOnce(command);
  for (let round = 0; round < runs; round++) {
    for (const [i, command] of commands.entries()) results[i]!.push(await measureOnce(command));
  }
  return results.map(figuresOf);
}

function figuresOf(runs: readonly ProcessRun[]): ProcessFigures {
  const failed = runs.find((one) => one.status !== 0 && one.status !== 1);
  if (failed) throw new Error(`a measured command exited with status ${failed.status}`);
  return {
    wall: median(runs.map((one) => one.wall)),
    cpu: median(runs.map((one) => one.user + one.sys)),
    maxRssBytes: Math.max(...runs.map((one) => one.maxRssBytes)),
    runs,
  };
}

/** The median of the pairwise ratios a/b: steadier than a ratio of medians on a noisy machine. */
export function medianRatio(a: ProcessFigures, b: ProcessFigures): number {
  return median(a.runs.map((one, i) => one.wall / b.runs[i]!.wall));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
