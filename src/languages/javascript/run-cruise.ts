import { cruise, type ICruiseResult, type IDependency } from "dependency-cruiser";
import type { ExtractionWarning } from "../../graph/graph.js";
import { cruiseOptions } from "./cruise-options.js";
import { writeFlatTsConfig, type FlatTsConfig } from "./flat-ts-config.js";
import type { TsPathsConfig } from "./ts-paths-config.js";

export interface CruiseInput {
  readonly dir: string;
  readonly files: readonly string[];
  /** Regular expressions (dependency-cruiser's dialect) for paths to leave out. */
  readonly excludePatterns: readonly string[];
  readonly tsConfig?: TsPathsConfig;
}

export interface CruiseOutput {
  /** dependency-cruiser's dependencies of each cruised file, by repo path. */
  readonly dependencies: ReadonlyMap<string, readonly IDependency[]>;
  readonly warnings: readonly ExtractionWarning[];
}

/** At most this many files are dropped and retried before giving up on dependency-cruiser. */
const maxRetries = 20;

/**
 * Runs dependency-cruiser and never throws. On a failure it gives up one thing at a time and runs
 * again: the file it names, else the exclude patterns, else the tsconfig. If it still fails, the caller resolves imports on its own (relative, `paths`,
 * workspaces), with a warning saying so.
 */
export async function runCruise(input: CruiseInput): Promise<CruiseOutput> {
  const warnings: ExtractionWarning[] = [];
  let attempt: Attempt = { ...input, tsConfig: input.tsConfig };
  for (let retry = 0; retry <= maxRetries && attempt.files.length > 0; retry++) {
    try {
      return { dependencies: await cruiseOnce(attempt), warnings };
    } catch (error) {
      const message = (error as Error).message;
      const next = degrade(attempt, message, warnings);
      if (!next) {
        // No file is to blame: the warning is about the whole run.
        warnings.push({
          file: "",
          line: 1,
          message: `dependency-cruiser failed (${summary(message)}); imports resolved without it`,
        });
        break;
      }
      attempt = next;
    }
  }
  return { dependencies: new Map(), warnings };
}

interface Attempt {
  readonly dir: string;
  readonly files: readonly string[];
  readonly excludePatterns: readonly string[];
  readonly tsConfig: TsPathsConfig | undefined;
}

function degrade(
  attempt: Attempt,
  error: string,
  warnings: ExtractionWarning[],
): Attempt | undefined {
  const culprit = failingFile(error, attempt.files);
  const message = summary(error);
  if (culprit !== undefined) {
    warnings.push({
      file: culprit,
      line: 1,
      message: `imports found without dependency-cruiser: ${message}`,
    });
    return { ...attempt, files: attempt.files.filter((file) => file !== culprit) };
  }
  // Silently: our own filter applies the excludes to every source and target anyway.
  if (attempt.excludePatterns.length > 0) return { ...attempt, excludePatterns: [] };
  if (attempt.tsConfig !== undefined) {
    const ignored = `tsconfig not given to dependency-cruiser, paths resolved by archdrift: ${message}`;
    warnings.push({ file: attempt.tsConfig.file, line: 1, message: ignored });
    return { ...attempt, tsConfig: undefined };
  }
  return undefined;
}

async function cruiseOnce(input: Attempt): Promise<Map<string, readonly IDependency[]>> {
  const flat = input.tsConfig ? await writeFlatTsConfig(input.dir, input.tsConfig) : undefined;
  try {
    const options = cruiseOptions(input.dir, input.excludePatterns, flat?.fileName);
    const result = await cruise([...input.files], options, {}, transpileOptions(flat));
    return dependenciesBySource(result.output as ICruiseResult, new Set(input.files));
  } finally {
    await flat?.remove();
  }
}

function transpileOptions(flat: FlatTsConfig | undefined) {
  return flat ? { tsConfig: flat.parsed } : {};
}

function dependenciesBySource(
  result: ICruiseResult,
  files: ReadonlySet<string>,
): Map<string, readonly IDependency[]> {
  const bySource = new Map<string, readonly IDependency[]>();
  for (const module of result.modules) {
    if (files.has(module.source)) bySource.set(module.source, module.dependencies);
  }
  return bySource;
}

/** dependency-cruiser names the file it choked on: "... in <file>". */
function failingFile(message: string, files: readonly string[]): string | undefined {
  const named = /\.\.\. in (.+)$/m.exec(message)?.[1]?.trim();
  return named !== undefined && files.includes(named) ? named : undefined;
}

/** A multi-line error on one line, short enough for a check-run annotation. */
function summary(message: string): string {
  return message.replace(/\s+/g, " ").trim().slice(0, 300);
}
