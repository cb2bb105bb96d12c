import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";

function io(env: Record<string, string>) {
  const out = { stdout: "", stderr: "" };
  return {
    out,
    io: {
      stdout: { write: (text: string) => (out.stdout += text) },
      stderr: { write: (text: string) => (out.stderr += text) },
      cwd: process.cwd(),
      env,
    },
  };
}

describe("archdrift worker", () => {
  it("needs REDIS_URL: without Redis there is no queue to take reviews from", async () => {
    const { io: cli, out } = io({});
    expect(await main(["worker"], cli)).toBe(2);
    expect(out.stderr).toContain("REDIS_URL");
  });

  it("needs the app's credentials to act for installations", async () => {
    const { io: cli, out } = io({ REDIS_URL: "redis://127.0.0.1:6379", LOG_LEVEL: "silent" });
    expect(await main(["worker"], cli)).toBe(2);
    expect(out.stderr).toContain("APP_ID");
  });

  it("refuses a mistyped setting with a plain message before taking any job", async () => {
    const settings: Record<string, [string, string]> = {
      ARCHDRIFT_GITHUB_TIMEOUT_SECONDS: [
        "soon",
        'ARCHDRIFT_GITHUB_TIMEOUT_SECONDS must be a positive number of seconds, not "soon"',
      ],
      ARCHDRIFT_MAX_FILE_BYTES: [
        "1MB",
        'ARCHDRIFT_MAX_FILE_BYTES must be a positive whole number, not "1MB"',
      ],
      ARCHDRIFT_MAX_PARSE_MS: [
        "0",
        'ARCHDRIFT_MAX_PARSE_MS must be a positive whole number, not "0"',
      ],
      ARCHDRIFT_CONCURRENCY: ["-1", 'ARCHDRIFT_CONCURRENCY must be a whole number, not "-1"'],
    };
    for (const [name, [value, message]] of Object.entries(settings)) {
      const { io: cli, out } = io({ REDIS_URL: "redis://127.0.0.1:6379", [name]: value });
      expect(await main(["worker"], cli)).toBe(2);
      expect(out.stderr).toBe(`archdrift: ${message}\n`);
    }
  });

  it("is listed in the usage", async () => {
    const { io: cli, out } = io({});
    await main(["help"], cli);
    expect(out.stdout).toContain("worker [--concurrency <n>]");
  });
});
