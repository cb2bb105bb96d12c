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

  it("is listed in the usage", async () => {
    const { io: cli, out } = io({});
    await main(["help"], cli);
    expect(out.stdout).toContain("worker [--concurrency <n>]");
  });
});
