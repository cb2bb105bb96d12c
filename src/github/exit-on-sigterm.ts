import type { Logger } from "pino";

/**
 * Runs `stop` once when the platform asks the process to go (SIGTERM), then exits: 0 when it
 * finished, 1 when it threw or overran `graceMs` by more than 4.5 s. Exiting explicitly matters: Probot's throttling keeps a Redis
 * connection open that nothing else would close.
 */
export function exitOnSigterm(stop: () => Promise<void>, log: Logger, graceMs?: number): void {
  process.once("SIGTERM", () => {
    log.info("shutting down");
    // Whatever hangs (a socket, a request to GitHub), the platform is promised grace + 5 s.
    if (graceMs !== undefined)
      setTimeout(() => {
        log.warn({ graceMs }, "shutdown overran the grace period; exiting");
        process.exit(1);
      }, graceMs + 4_500).unref();
    stop().then(
      () => {
        log.info("shut down");
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  });
}
