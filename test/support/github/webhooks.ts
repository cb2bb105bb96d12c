import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export interface Delivery {
  headers: Record<string, string>;
  body: string;
}

export interface DeliveryOptions {
  event: string;
  payload: unknown;
  secret: string;
  /** X-GitHub-Delivery; a redelivery keeps the id of the first attempt. */
  id?: string;
}

interface WebhookDefinition {
  name: string;
  actions: string[];
  examples: Record<string, unknown>[];
}

let definitions: WebhookDefinition[] | undefined;

/**
 * A deep clone of an example payload. Prefers the first example carrying `installation`: every
 * delivery to a GitHub App has one, and Probot cannot authenticate without it, yet some examples
 * (the first `pull_request.opened`) come from repository webhooks and lack it.
 */
export function examplePayload(event: string, action?: string): Record<string, unknown> {
  const definition = webhookDefinitions().find((candidate) => candidate.name === event);
  if (definition === undefined)
    throw new Error(`@octokit/webhooks-examples has no event '${event}'`);
  const examples = definition.examples.filter(
    (example) => action === undefined || example["action"] === action,
  );
  const chosen = examples.find((example) => example["installation"] !== undefined) ?? examples[0];
  if (chosen === undefined) {
    const actions = [...new Set(definition.examples.map((example) => String(example["action"])))];
    throw new Error(`no example for ${event}.${action}; examples exist for: ${actions.join(", ")}`);
  }
  return structuredClone(chosen);
}

function webhookDefinitions(): WebhookDefinition[] {
  if (definitions === undefined) {
    const require = createRequire(import.meta.url);
    const file = require.resolve("@octokit/webhooks-examples/api.github.com/index.json");
    definitions = JSON.parse(readFileSync(file, "utf8")) as WebhookDefinition[];
  }
  return definitions;
}

/** Headers and body as GitHub sends them; the signature covers these exact bytes. */
export function signedDelivery(options: DeliveryOptions): Delivery {
  const body = JSON.stringify(options.payload);
  const signature = createHmac("sha256", options.secret).update(body).digest("hex");
  return {
    body,
    headers: {
      "content-type": "application/json",
      "user-agent": "GitHub-Hookshot/archdrift-test",
      "x-github-event": options.event,
      "x-github-delivery": options.id ?? randomUUID(),
      "x-hub-signature-256": `sha256=${signature}`,
    },
  };
}

/** POSTs a delivery to a running Probot server, e.g. http://127.0.0.1:3000/api/github/webhooks. */
export async function deliver(
  serverUrl: string,
  delivery: Delivery,
): Promise<{ status: number; body: string }> {
  const response = await fetch(serverUrl, {
    method: "POST",
    headers: delivery.headers,
    body: delivery.body,
  });
  return { status: response.status, body: await response.text() };
}
