import { randomUUID } from "node:crypto";
import { Counter, Histogram, type Registry } from "prom-client";
import type { Logger } from "../log/createLogger.js";
import { Declarations } from "../module/declarations.js";
import type { Database } from "../storage/Database.js";
import type { Job } from "./Job.js";
import { JobLeases } from "./JobLeases.js";

/**
 * What one turn of a job came to: ran (success or failure), skipped because its previous
 * run is still going, or left to the instance holding its cluster lease.
 */
export type JobOutcome = "success" | "failure" | "overlap" | "elsewhere";

/**
 * A cluster lease outlives its period by half of one, so the holder renews it at each turn
 * despite timer drift, and another instance takes over within 1.5 periods of the holder dying.
 */
const LEASE_PERIODS = 1.5;

/**
 * Runs every module's background jobs with one policy: a failure is logged with the job's
 * name and counted (`tandem_job_runs_total{job,outcome}`), never swallowed; a run still going
 * when the next is due makes that one skip (counted, `overlap`); a cluster-once job runs only
 * under its lease in the database; timers never keep a process alive; stop() waits for the
 * runs under way.
 */
export class Scheduler {
  readonly #jobs = new Map<string, Job>();
  readonly #names = new Declarations<string>({
    refuse: (_, twice) => new Error(`job ${twice.value} is declared twice`),
  });
  readonly #running = new Map<string, Promise<JobOutcome>>();
  readonly #timers: NodeJS.Timeout[] = [];
  readonly #leases: JobLeases;
  readonly #log: Logger;
  readonly #runs: Counter<"job" | "outcome">;
  readonly #duration: Histogram<"job">;
  /** This scheduler's name in the lease table: one per instance. */
  readonly #holder = randomUUID();

  constructor(deps: { database: Database; log: Logger; registry: Registry }) {
    this.#leases = new JobLeases(deps.database);
    this.#log = deps.log.child({ component: "scheduler" });
    this.#runs = new Counter({
      name: "tandem_job_runs_total",
      help: "Background job turns, by job and outcome (success, failure, overlap, elsewhere).",
      labelNames: ["job", "outcome"] as const,
      registers: [deps.registry],
    });
    this.#duration = new Histogram({
      name: "tandem_job_duration_seconds",
      help: "Time background jobs took to run, by job.",
      labelNames: ["job"] as const,
      buckets: [0.01, 0.05, 0.25, 1, 5, 30, 120, 600],
      registers: [deps.registry],
    });
  }

  /** Adds jobs before start; a name declared twice is refused, in one line. */
  add(jobs: readonly Job[]): void {
    for (const job of jobs) {
      if (!(job.everyMs > 0)) throw new Error(`job ${job.name}: everyMs must be positive`);
      this.#names.add(job.name, "scheduler");
      this.#jobs.set(job.name, job);
    }
  }

  /** The jobs' names, in the order they were added. */
  get names(): string[] {
    return [...this.#jobs.keys()];
  }

  /** Starts every job's timer; each first runs one period from now. */
  start(): void {
    for (const job of this.#jobs.values()) {
      const timer = setInterval(() => void this.runNow(job.name), job.everyMs);
      // A job's timer must not keep a finished process (a CLI command, a test) alive.
      timer.unref();
      this.#timers.push(timer);
    }
  }

  /**
   * One turn of a job now, under the same policy as its timer's (tests, an operator's
   * command); resolves with its outcome, never rejects.
   */
  runNow(name: string): Promise<JobOutcome> {
    const job = this.#jobs.get(name);
    if (!job) throw new Error(`no job ${name}`);
    if (this.#running.has(name)) {
      this.#log.warn({ job: name }, "job still running when due again: this turn skipped");
      this.#count(name, "overlap");
      return Promise.resolve("overlap");
    }
    const turn = this.#turn(job).finally(() => this.#running.delete(name));
    this.#running.set(name, turn);
    return turn;
  }

  /** Stops the timers, waits for the runs under way, then lets go of this instance's leases. */
  async stop(): Promise<void> {
    for (const timer of this.#timers.splice(0)) clearInterval(timer);
    await Promise.all(this.#running.values());
    await this.#leases.release(this.#holder).catch((error: unknown) => {
      this.#log.warn({ err: error }, "job leases not released; they expire by themselves");
    });
  }

  async #turn(job: Job): Promise<JobOutcome> {
    const ended = this.#duration.startTimer({ job: job.name });
    let outcome: JobOutcome;
    try {
      if (job.once === "cluster" && !(await this.#lease(job))) outcome = "elsewhere";
      else {
        await job.run();
        outcome = "success";
        ended();
      }
    } catch (error) {
      this.#log.error({ err: error, job: job.name }, "job failed");
      outcome = "failure";
      ended();
    }
    this.#count(job.name, outcome);
    return outcome;
  }

  #lease(job: Job): Promise<boolean> {
    const now = Date.now();
    return this.#leases.take(job.name, this.#holder, now, now + job.everyMs * LEASE_PERIODS);
  }

  #count(job: string, outcome: JobOutcome): void {
    this.#runs.inc({ job, outcome });
  }
}
