import type { QueuedJob } from "../jobs/review-queue.js";
import type { ReviewJob } from "./run-review-job.js";

/**
 * Creates each queued job's check run after the webhook was answered, in one lane per
 * installation. Lanes run side by side, so one installation's backlog never delays another's
 * check runs; inside a lane one creation waits for the one before, so the installation's running
 * reviews take turns with its announcements at GitHub's one write a second instead of queueing
 * behind all of them.
 */
export class CheckRunAnnouncer {
  private readonly lanes = new Map<number, QueuedJob<ReviewJob>[]>();
  private readonly working = new Map<number, Promise<void>>();
  private stopped = false;

  constructor(private readonly create: (job: QueuedJob<ReviewJob>) => Promise<void>) {}

  announce(job: QueuedJob<ReviewJob>): void {
    if (this.stopped) return;
    const installation = job.data.target.installationId;
    const lane = this.lanes.get(installation) ?? [];
    lane.push(job);
    this.lanes.set(installation, lane);
    if (!this.working.has(installation))
      this.working.set(installation, this.work(installation, lane));
  }

  /** Jobs whose check run is still to be created. */
  get pending(): number {
    let count = 0;
    for (const lane of this.lanes.values()) count += lane.length;
    return count;
  }

  /** Resolves once every announced check run was created, or failed to be. */
  async settled(): Promise<void> {
    while (this.working.size > 0) await Promise.allSettled([...this.working.values()]);
  }

  /**
   * Keeps announcing for `graceMs`, then drops what is left: every job creates its own check
   * run when it starts, so nothing is lost, and shutdown does not wait at one write a second.
   */
  async close(graceMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([this.settled(), late]);
    clearTimeout(timer);
    this.stopped = true;
    this.lanes.clear();
  }

  private async work(installation: number, lane: QueuedJob<ReviewJob>[]): Promise<void> {
    try {
      for (let job = lane.shift(); job && !this.stopped; job = lane.shift())
        await this.create(job).catch(() => undefined);
    } finally {
      this.working.delete(installation);
      if (this.lanes.get(installation) === lane) this.lanes.delete(installation);
    }
  }
}
