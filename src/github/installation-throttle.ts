import Bottleneck from "bottleneck";
import { Redis } from "ioredis";

export interface InstallationThrottleOptions {
  /** GitHub asks for about one content-creating request a second per installation. */
  readonly writeIntervalMs?: number;
  /** Every process on this Redis shares one limiter per installation (Bottleneck clustering). */
  readonly redis?: { readonly url: string; readonly prefix: string };
  readonly onError?: (error: Error) => void;
}

/** The limiters `@octokit/plugin-throttling` keys by an Octokit's throttle id. */
export interface ThrottleGroups {
  readonly global: Bottleneck.Group;
  readonly auth: Bottleneck.Group;
  readonly search: Bottleneck.Group;
  readonly write: Bottleneck.Group;
  readonly notifications: Bottleneck.Group;
}

export interface InstallationThrottle {
  /** Given to plugin-throttling; its `write` passes everything, as `writes` does the spacing. */
  readonly groups: ThrottleGroups;
  /**
   * One write at a time per installation, starts an interval apart, held for the whole request:
   * plugin-throttling's own write limiter only spaces when writes may queue for the next limiter,
   * so two could still reach GitHub together.
   */
  readonly writes: Bottleneck.Group;
  readonly writeIntervalMs: number;
  close(): Promise<void>;
}

/** A clustered limiter's Redis keys expire after this long unused. */
const idleMs = 2 * 60 * 1000;

/**
 * plugin-throttling's limits (writes one at a time, a second apart; notifying writes three
 * seconds; search two; ten requests at once), with two changes. The groups are given to every
 * Octokit, so each installation's id (see `createArchdriftOctokit`) gets limiters of its own,
 * and reads never wait behind writes. With Redis the limiters live there, so ten processes make
 * one installation's writes no faster than one process would.
 */
export function createInstallationThrottle(
  options: InstallationThrottleOptions = {},
): InstallationThrottle {
  const interval = options.writeIntervalMs ?? 1_000;
  const client = options.redis ? new Redis(options.redis.url) : undefined;
  const connection = client ? new Bottleneck.IORedisConnection({ client }) : undefined;
  if (client) client.on("error", (error: Error) => options.onError?.(error));
  connection?.on("error", (error: Error) => options.onError?.(error));
  const group = (name: string, limits: Bottleneck.ConstructorOptions) =>
    new Bottleneck.Group({
      ...limits,
      ...(connection && options.redis
        ? {
            id: `${options.redis.prefix}:${name}`,
            datastore: "ioredis",
            connection,
            timeout: idleMs,
          }
        : {}),
    });
  const groups: ThrottleGroups = {
    global: group("octokit-global", { maxConcurrent: 10 }),
    auth: group("octokit-auth", { maxConcurrent: 1 }),
    search: group("octokit-search", { maxConcurrent: 1, minTime: 2 * interval }),
    write: new Bottleneck.Group({}),
    notifications: group("octokit-notifications", { maxConcurrent: 1, minTime: 3 * interval }),
  };
  return {
    groups,
    writes: group("archdrift-write", { maxConcurrent: 1, minTime: interval }),
    writeIntervalMs: interval,
    close: async () => {
      await connection?.disconnect(true);
    },
  };
}
