import type { Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createArchdriftMetrics } from "../../src/metrics/archdrift-metrics.js";
import { serveMetrics } from "../../src/metrics/serve-metrics.js";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))),
  );
});

async function metricsUrl(token?: string): Promise<string> {
  const metrics = createArchdriftMetrics();
  metrics.reviews.inc({ outcome: "success" });
  const served = await serveMetrics(metrics.registry, 0, "127.0.0.1", token);
  servers.push(served.server);
  return `http://127.0.0.1:${served.port}/metrics`;
}

describe("/metrics", () => {
  it("answers anyone when no token is set", async () => {
    const response = await fetch(await metricsUrl());
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('archdrift_reviews_total{outcome="success"} 1');
  });

  it("answers only the bearer of the token when one is set", async () => {
    const url = await metricsUrl("s3cret-metrics-token");
    const asked = async (authorization?: string) => {
      const response = await fetch(url, authorization ? { headers: { authorization } } : {});
      return { status: response.status, text: await response.text() };
    };
    for (const header of [
      undefined,
      "Bearer wrong",
      "Bearer s3cret",
      "Basic s3cret-metrics-token",
    ]) {
      const refused = await asked(header);
      expect(refused.status, String(header)).toBe(401);
      expect(refused.text).not.toContain("archdrift_");
    }
    const allowed = await asked("Bearer s3cret-metrics-token");
    expect(allowed.status).toBe(200);
    expect(allowed.text).toContain("archdrift_reviews_total");
  });

  it("leaves other paths alone", async () => {
    const url = await metricsUrl("token");
    expect((await fetch(url.replace("/metrics", "/other"))).status).toBe(404);
  });
});
