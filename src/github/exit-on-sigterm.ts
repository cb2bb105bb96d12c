import type { Logger } from "pino";

/**
 * Runs `stop` once when the platform asks the process to go (SIGTERM), then exits: 0 when it
 * finished, 1 when it threw. Exiting explicitly matters: Probot's throttling keeps a Redis
 * connection open that nothing else would close.
 */
export function exitOnSigterm(stop: () => Promise<void>, log: Logger): void {
  process.once("SIGTERM", () => {
    log.info("shutting down");
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
