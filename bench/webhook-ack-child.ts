import { webhookAckLatencies } from "./webhook-ack-latencies.js";

/**
 * One webhook measurement in a process of its own: `node webhook-ack-child.js <concurrency>
 * <rounds> <distinct|one> <budgetMs>` prints the latencies as JSON and exits, dropping the reviews still
 * queued (each waits on GitHub's one-write-a-second pacing, which says nothing about the ack).
 */
const [concurrency, rounds, installations, budgetMs] = process.argv.slice(2);
if (installations !== "distinct" && installations !== "one") {
  throw new Error("usage: webhook-ack-child <concurrency> <rounds> <distinct|one> <budgetMs>");
}
const latencies = await webhookAckLatencies({
  concurrency: Number(concurrency),
  rounds: Number(rounds),
  installations,
  budgetMs: Number(budgetMs),
});
process.stdout.write(`${JSON.stringify(latencies)}\n`);
process.exit(0);
