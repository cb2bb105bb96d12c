import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createArchdriftLogger } from "../../src/github/archdrift-logger.js";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, log: createArchdriftLogger({ LOG_LEVEL: "info" }, stream) };
}

describe("createArchdriftLogger", () => {
  it("redacts authorization headers, tokens, private keys and Octokit auth options", () => {
    const { lines, log } = capture();
    const secret = "ghs_secretInstallationToken1234567890";
    log.info(
      {
        req: { headers: { authorization: `token ${secret}` } },
        err: { request: { headers: { authorization: `bearer ${secret}` } } },
        options: { auth: { privateKey: secret }, token: secret },
        token: secret,
        privateKey: secret,
      },
      "request failed",
    );
    expect(lines.join("")).not.toContain(secret);
    expect(lines.join("")).toContain("[redacted]");
  });

  it("keeps a child logger's bindings on every line", () => {
    const { lines, log } = capture();
    log.child({ deliveryId: "d-1" }).info({ step: 1 }, "review started");
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({
      deliveryId: "d-1",
      msg: "review started",
    });
  });
});
