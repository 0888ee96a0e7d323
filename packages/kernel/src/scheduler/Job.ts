/**
 * A background job a module declares (`TandemModule.jobs`); the kernel's Scheduler runs it.
 * Its runs never overlap; a failure is logged with its name and counted, never swallowed.
 */
export interface Job {
  /** Unique across modules, `module.what` (e.g. `docs.trash-purge`): in logs and metrics. */
  name: string;
  /** Milliseconds between runs; the first run comes one period after start. */
  everyMs: number;
  /** The work; a rejection is the job's failure. */
  run(): Promise<void>;
  /**
   * "cluster": instances sharing the database take turns through a lease in it, so one of
   * them runs the job each period (purges). Without it, every instance runs it (its own caches).
   */
  once?: "cluster";
}
