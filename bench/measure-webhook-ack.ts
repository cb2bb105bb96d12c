import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { AckLatencies, AckOptions } from "./webhook-ack-latencies.js";

const run = promisify(execFile);

/** Webhook acknowledgement latencies, measured in a child process with logging off. */
export async function measureWebhookAck(options: AckOptions): Promise<AckLatencies> {
  const child = fileURLToPath(new URL("./webhook-ack-child.js", import.meta.url));
  const args = [
    String(options.concurrency),
    String(options.rounds),
    options.installations,
    String(options.budgetMs),
  ];
  const { stdout } = await run(process.execPath, [child, ...args], {
    // Probot's and archdrift's loggers both read LOG_LEVEL; a log line per delivery would be timed too.
    env: { ...process.env, LOG_LEVEL: "fatal" },
    maxBuffer: 16 << 20,
  });
  const last = stdout.trim().split("\n").at(-1) ?? "";
  return JSON.parse(last) as AckLatencies;
}
