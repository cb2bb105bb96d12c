/** What an unauthenticated caller may cost the webhook server before it is refused. */
export interface WebhookLimits {
  /** GitHub caps payloads at 25 MB: a larger declared or sent body is refused unread (413). */
  readonly maxBodyBytes: number;
  /** The whole body must arrive within this long from the request's start (408). */
  readonly bodyTimeoutMs: number;
  /** Headers must arrive within this long; Node closes the socket otherwise. */
  readonly headersTimeoutMs: number;
  /** Sockets open at once; further connections are refused by the kernel's backlog. */
  readonly maxConnections: number;
}

export const defaultWebhookLimits: WebhookLimits = {
  maxBodyBytes: 25 * 1024 * 1024,
  bodyTimeoutMs: 10_000,
  headersTimeoutMs: 10_000,
  maxConnections: 512,
};
