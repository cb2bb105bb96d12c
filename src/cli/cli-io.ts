/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** 0: no error-level drift; 1: error-level drift; 2: usage or config error. */
export type ExitCode = 0 | 1 | 2;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
