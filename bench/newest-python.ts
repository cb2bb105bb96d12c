import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";

export interface PythonInterpreter {
  /** The interpreter itself, not a version manager's shim: a shim's start-up is not Python's. */
  readonly path: string;
  readonly version: string;
}

/**
 * The newest CPython 3 on this machine: pyenv's versions and every `python3*` on PATH. The `ast`
 * baseline is only fair on a recent one (3.12 and later parse markedly faster).
 */
export function newestPython(): PythonInterpreter {
  const candidates = [...pyenvInterpreters(), ...pathInterpreters()].flatMap((path) => {
    const version = versionOf(path);
    return version ? [{ path, version }] : [];
  });
  const newest = candidates.sort((a, b) => compareVersions(b.version, a.version))[0];
  if (!newest) throw new Error("no python3 found: the benchmark's baseline needs one");
  return newest;
}

function pyenvInterpreters(): string[] {
  const root = process.env["PYENV_ROOT"] ?? join(homedir(), ".pyenv");
  const versions = join(root, "versions");
  if (!existsSync(versions)) return [];
  return readdirSync(versions).map((version) => join(versions, version, "bin", "python3"));
}

function pathInterpreters(): string[] {
  return (process.env["PATH"] ?? "")
    .split(delimiter)
    .filter((dir) => dir && !dir.includes("shims"))
    .flatMap((dir) => {
      const names = existsSync(dir) ? readdirSync(dir) : [];
      return names.filter((name) => /^python3(\.\d+)?$/.test(name)).map((name) => join(dir, name));
    });
}

function versionOf(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const output = execFileSync(
      path,
      ["-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"],
      {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      },
    );
    return /^3\.\d+\.\d+$/.test(output.trim()) ? output.trim() : undefined;
  } catch {
    return undefined;
  }
}

function compareVersions(a: string, b: string): number {
  const [x, y] = [a, b].map((version) => version.split(".").map(Number));
  for (let i = 0; i < 3; i++) {
    const difference = (x![i] ?? 0) - (y![i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
