import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// `npm start` runs the compiled server; `npm test` builds it before the tests run.
const serverMain = join(import.meta.dirname, "..", "..", "dist", "github", "server-main.js");

describe("npm start", () => {
  it("stops at once with one plain line when an ARCHDRIFT_* setting is mistyped", () => {
    expect(existsSync(serverMain), "run `npm run build` first").toBe(true);
    const started = spawnSync(process.execPath, [serverMain], {
      env: { PATH: process.env["PATH"], ARCHDRIFT_GITHUB_TIMEOUT_SECONDS: "thirty" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(started.status).toBe(2);
    expect(started.stderr).toBe(
      'archdrift: ARCHDRIFT_GITHUB_TIMEOUT_SECONDS must be a positive number of seconds, not "thirty"\n',
    );
  });
});
