import { describe, expect, it } from "vitest";
import { sampleBase, samplePullRequest } from "../../src/demo/sample-shop.js";
import { useAppHarness } from "./app-harness.js";

const harness = useAppHarness();

async function reviewPullRequest(number: number, deliveryId: string) {
  const baseSha = await harness.commit(sampleBase, "base");
  const headSha = await harness.commit(samplePullRequest, "change");
  await harness.publish({ "refs/heads/main": baseSha, [`refs/pull/${number}/head`]: headSha });
  await harness.pullRequestEvent("opened", { number, baseSha, headSha }, deliveryId);
  await harness.settled();
  return headSha;
}

/** The value of one sample in Prometheus text, e.g. `archdrift_reviews_total{outcome="failure"}`. */
function sample(text: string, name: string): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

describe("/metrics", () => {
  it("answers Prometheus text with reviews, durations, queue, cache and API error metrics", async () => {
    await reviewPullRequest(7, "delivery-metrics");
    const { status, type, text } = await harness.metrics();
    expect(status).toBe(200);
    expect(type).toContain("text/plain");
    expect(sample(text, 'archdrift_reviews_total{outcome="failure"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, "archdrift_review_duration_seconds_count")).toBeGreaterThanOrEqual(1);
    expect(sample(text, "archdrift_queue_wait_seconds_count")).toBeGreaterThanOrEqual(1);
    expect(sample(text, "archdrift_queue_depth")).toBe(0);
    for (const name of [
      "archdrift_graph_cache_hits_total",
      "archdrift_graph_cache_misses_total",
      "archdrift_github_api_errors_total",
    ])
      expect(text).toContain(`# TYPE ${name} counter`);
    expect(text).not.toMatch(/^nodejs_|^process_/m);
  });

  it("counts a GitHub API error that outlived the retries, by status and route", async () => {
    harness.github.injectFault("POST", /\/pulls\/\d+\/reviews$/, {
      status: 422,
      body: { message: "Unprocessable Entity" },
    });
    const headSha = await reviewPullRequest(8, "delivery-api-error");
    expect(harness.github.runsFor(headSha)[0]?.conclusion).toBe("failure");
    const { text } = await harness.metrics();
    const route = "/repos/{owner}/{repo}/pulls/{pull_number}/reviews";
    expect(
      sample(text, `archdrift_github_api_errors_total{status="422",route="${route}"}`),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'archdrift_reviews_total{outcome="failed"}')).toBeGreaterThanOrEqual(1);
  });
});

describe("logs", () => {
  it("put the delivery id on every line of a job and never a token", async () => {
    await reviewPullRequest(9, "delivery-logs");
    const jobLines = harness.logLines.filter((line) =>
      ["review started", "review completed"].includes(String(line["msg"])),
    );
    expect(jobLines.map((line) => line["msg"])).toEqual(["review started", "review completed"]);
    expect(jobLines.every((line) => line["deliveryId"] === "delivery-logs")).toBe(true);
    expect(JSON.stringify(harness.logLines)).not.toContain(harness.token);
  });
});

describe("/metrics with ARCHDRIFT_METRICS_TOKEN", () => {
  const guarded = useAppHarness({ metricsToken: "metrics-token-for-prometheus" });

  it("is served on its own port to the bearer of the token only, never on the webhook's", async () => {
    const webhookPort = await guarded.metrics("Bearer metrics-token-for-prometheus", "webhook");
    expect(webhookPort.status).toBe(404);
    expect(webhookPort.text).not.toContain("archdrift_");
    const refused = await guarded.metrics();
    expect(refused.status).toBe(401);
    expect(refused.text).not.toContain("archdrift_");
    const allowed = await guarded.metrics("Bearer metrics-token-for-prometheus");
    expect(allowed.status).toBe(200);
    expect(allowed.text).toContain("archdrift_queue_depth");
  });
});
