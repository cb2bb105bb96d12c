import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sampleBase, samplePullRequest } from "../../src/demo/sample-shop.js";
import { useAppHarness } from "../github/app-harness.js";
import { deliver, signedDelivery, type Delivery } from "../support/github/webhooks.js";

const harness = useAppHarness();

/**
 * The harness's webhook secret. It is private to app-harness.ts; the valid delivery signed with it
 * below proves it is still the right one, so a change there fails this test instead of hollowing it.
 */
const secret = "webhook-secret";

async function pushPullRequest(number: number) {
  const baseSha = await harness.commit(sampleBase, "base");
  const headSha = await harness.commit(samplePullRequest, "change");
  await harness.publish({ "refs/heads/main": baseSha, [`refs/pull/${number}/head`]: headSha });
  return { number, baseSha, headSha };
}

/** A `pull_request.opened` payload for the pull request, as GitHub would send it. */
function pullRequestPayload(pull: { number: number; baseSha: string; headSha: string }) {
  const example = harness.exampleWith("pull_request", "opened");
  const pullRequest = example["pull_request"] as Record<string, unknown>;
  const repository = harness.repositoryPayload();
  return harness.withInstallation({
    ...example,
    pull_request: {
      ...pullRequest,
      number: pull.number,
      head: { ...(pullRequest["head"] as object), sha: pull.headSha, repo: repository },
      base: { ...(pullRequest["base"] as object), sha: pull.baseSha, repo: repository },
    },
  });
}

function withHeaders(delivery: Delivery, headers: Record<string, string | undefined>): Delivery {
  const merged: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...delivery.headers, ...headers }))
    if (value !== undefined) merged[name] = value;
  return { body: delivery.body, headers: merged };
}

function sign(body: string, key = secret): string {
  return `sha256=${createHmac("sha256", key).update(body).digest("hex")}`;
}

/**
 * Deliveries nobody should act on. Shown to fail without the protection on a scratch copy of the
 * repository: giving the harness's Probot server the forger's secret ("not-the-secret") made the
 * "signed with another secret" delivery come back 200 with a check run, and this test went red.
 */
describe("webhook deliveries that must be refused or ignored", () => {
  it("refuses unsigned, wrongly signed and malformed deliveries, and keeps serving", async () => {
    const pull = await pushPullRequest(21);
    const valid = signedDelivery({
      event: "pull_request",
      payload: pullRequestPayload(pull),
      secret,
    });
    const tampered = JSON.stringify({ ...pullRequestPayload(pull), action: "reopened" });
    const malformed = '{"action": "opened", "pull_request": {"number": 21,';
    const refused: Record<string, Delivery> = {
      unsigned: withHeaders(valid, { "x-hub-signature-256": undefined }),
      "signed with another secret": withHeaders(valid, {
        "x-hub-signature-256": sign(valid.body, "not-the-secret"),
      }),
      "signature of another body": { ...valid, body: tampered },
      "sha1 signature only": withHeaders(valid, {
        "x-hub-signature-256": undefined,
        "x-hub-signature": `sha1=${createHmac("sha1", secret).update(valid.body).digest("hex")}`,
      }),
      "malformed signature": withHeaders(valid, { "x-hub-signature-256": "sha256=zz" }),
      "malformed JSON, correctly signed": withHeaders(
        { ...valid, body: malformed },
        { "x-hub-signature-256": sign(malformed) },
      ),
      "no event name": withHeaders(valid, { "x-github-event": undefined }),
    };
    const statuses: Record<string, number> = {};
    for (const [name, delivery] of Object.entries(refused))
      statuses[name] = (await deliver(harness.webhookUrl, delivery)).status;
    await harness.settled();

    for (const [name, status] of Object.entries(statuses))
      expect({ name, refused: status >= 400 && status < 500 }).toEqual({ name, refused: true });
    expect(harness.github.runsFor(pull.headSha)).toEqual([]);
    // Not even an installation token was asked for.
    expect(harness.api.requests).toEqual([]);

    // The server is still up and a genuine delivery still gets its check run.
    const ok = await harness.pullRequestEvent("opened", pull);
    expect(ok.status).toBe(200);
    await harness.settled();
    const runs = harness.github.runsFor(pull.headSha);
    expect(runs.map((run) => [run.status, run.conclusion])).toEqual([["completed", "failure"]]);
  });

  it("ignores correctly signed events it has no use for", async () => {
    const pull = await pushPullRequest(22);
    const payload = pullRequestPayload(pull);
    const ignored = [
      signedDelivery({ event: "made_up_event", payload, secret }),
      signedDelivery({ event: "pull_request", payload: { ...payload, action: "labeled" }, secret }),
      signedDelivery({ event: "pull_request", payload: { ...payload, action: "closed" }, secret }),
      signedDelivery({ event: "ping", payload: { zen: "Keep it logically awesome." }, secret }),
    ];
    for (const delivery of ignored) {
      const { status } = await deliver(harness.webhookUrl, delivery);
      expect(status).toBeLessThan(500);
    }
    await harness.settled();
    expect(harness.github.runsFor(pull.headSha)).toEqual([]);

    await harness.pullRequestEvent("opened", pull);
    await harness.settled();
    expect(harness.github.runsFor(pull.headSha)).toHaveLength(1);
  });
});
