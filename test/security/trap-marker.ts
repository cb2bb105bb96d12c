import { chmod, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * The file every trap writes to when it runs. Each trap appends its own label, so a failure names
 * the trap that went off rather than just "something ran".
 */
export interface TrapMarker {
  /** Absolute path of the marker file; it exists only once a trap has run. */
  readonly file: string;
  /** A shell command that records `label` in the marker. */
  shell(label: string): string;
  /** JavaScript that records `label` in the marker when evaluated, in CommonJS or ESM alike. */
  javascript(label: string): string;
  /** An executable shell script (a git hook) at `path` that records `label`. */
  writeScript(path: string, label: string): Promise<void>;
  /** The labels of every trap that ran, in order; empty when none did. */
  fired(): Promise<string[]>;
  /** Forgets what ran: used after a test proves a trap is armed by setting it off on purpose. */
  reset(): Promise<void>;
}

export function trapMarker(dir: string): TrapMarker {
  const file = join(dir, "TRAP-FIRED");
  const quoted = `'${file.replaceAll("'", "'\\''")}'`;
  const shell = (label: string) => `echo ${label} >> ${quoted}`;
  return {
    file,
    shell,
    javascript: (label) =>
      `process.getBuiltinModule("node:fs").appendFileSync(${JSON.stringify(file)}, ${JSON.stringify(`${label}\n`)});\n`,
    async writeScript(path, label) {
      await writeFile(path, `#!/bin/sh\n${shell(label)}\n`);
      await chmod(path, 0o755);
    },
    async fired() {
      const text = await readFile(file, "utf8").catch(() => "");
      return text.split("\n").filter((line) => line.length > 0);
    },
    reset: () => rm(file, { force: true }),
  };
}
