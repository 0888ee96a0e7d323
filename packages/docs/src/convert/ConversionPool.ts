import { Worker } from "node:worker_threads";
import { ConversionBusy, ConversionsFull } from "./conversionErrors.js";
import type { ConversionJob, JobAnswer, JobFailure } from "./conversionWorker.js";

export interface PoolLimits {
  /** Conversions at once on this instance (one worker thread each). */
  workers: number;
  /** Conversions that may wait for a worker; past them, 503. */
  queue: number;
  /** Heap of one worker (V8's old generation), in MB. */
  memoryMb: number;
  /** How long one conversion may take, in milliseconds, before it is stopped. */
  timeoutMs: number;
}

/** Why a job ended without an answer from the worker. */
export class WorkerStopped extends Error {
  readonly reason: "memory" | "time" | "crash";
  constructor(reason: "memory" | "time" | "crash") {
    super(`conversion worker stopped: ${reason}`);
    this.reason = reason;
  }
}

/** The worker's answer: the file could not be converted, and why. */
export class ConversionFailed extends Error {
  readonly failure: JobFailure;
  constructor(failure: JobFailure, message: string) {
    super(message);
    this.failure = failure;
  }
}

// A worker kept warm this long after its last job (BlockNote takes a second to load).
const IDLE_MS = 30_000;
const BUSY_RETRY_SECONDS = 5;
const FULL_RETRY_SECONDS = 10;

/**
 * Conversions run in worker threads, never on the event loop that answers requests and
 * collaboration sockets: each worker has a capped heap and each job a time limit (the worker
 * is terminated past it). Few at once per instance, a short queue, one per requester.
 */
export class ConversionPool {
  readonly #limits: PoolLimits;
  readonly #idle: Worker[] = [];
  readonly #waiting: Array<() => void> = [];
  readonly #holders = new Set<string>();
  #running = 0;

  constructor(limits: PoolLimits) {
    this.#limits = limits;
  }

  /**
   * Runs `work` holding one of the instance's conversion slots, for `who` (a user, or a
   * visitor's address): a second conversion of theirs meanwhile is a 429, and one past the
   * queue a 503, both with Retry-After.
   */
  async withSlot<T>(who: string, work: () => Promise<T>): Promise<T> {
    if (this.#holders.has(who)) throw new ConversionBusy(BUSY_RETRY_SECONDS);
    const free = this.#running < this.#limits.workers;
    if (!free && this.#waiting.length >= this.#limits.queue) {
      throw new ConversionsFull(FULL_RETRY_SECONDS);
    }
    this.#holders.add(who);
    try {
      if (free) this.#running++;
      // A finished job hands its slot straight to the next in line: #running stays.
      else await new Promise<void>((resolve) => this.#waiting.push(resolve));
      try {
        return await work();
      } finally {
        const next = this.#waiting.shift();
        if (next) next();
        else this.#running--;
      }
    } finally {
      this.#holders.delete(who);
    }
  }

  /** One job in a worker thread; call it inside withSlot. */
  async run(job: ConversionJob): Promise<JobAnswer & { ok: true }> {
    const worker = this.#idle.pop() ?? this.#spawn();
    clearTimeout(idleTimers.get(worker));
    const answer = await new Promise<JobAnswer>((resolve, reject) => {
      const stop = (error: WorkerStopped) => {
        cleanup();
        void worker.terminate();
        reject(error);
      };
      const timer = setTimeout(() => stop(new WorkerStopped("time")), this.#limits.timeoutMs);
      const onMessage = (message: JobAnswer) => {
        cleanup();
        resolve(message);
      };
      const onError = (error: Error & { code?: string }) =>
        stop(new WorkerStopped(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? "memory" : "crash"));
      const onExit = () => stop(new WorkerStopped("crash"));
      const cleanup = () => {
        clearTimeout(timer);
        worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      };
      worker.on("message", onMessage).on("error", onError).on("exit", onExit);
      worker.postMessage(job);
    });
    this.#rest(worker);
    if (!answer.ok) throw new ConversionFailed(answer.failure, answer.message);
    return answer;
  }

  /** Ends the idle workers (the module's close); running jobs end with their requests. */
  async close() {
    await Promise.all(this.#idle.splice(0).map((worker) => worker.terminate()));
  }

  #rest(worker: Worker) {
    this.#idle.push(worker);
    const timer = setTimeout(() => {
      const at = this.#idle.indexOf(worker);
      if (at >= 0) this.#idle.splice(at, 1);
      void worker.terminate();
    }, IDLE_MS);
    timer.unref();
    idleTimers.set(worker, timer);
  }

  #spawn(): Worker {
    const resourceLimits = {
      maxOldGenerationSizeMb: this.#limits.memoryMb,
      maxYoungGenerationSizeMb: Math.min(64, Math.max(8, this.#limits.memoryMb / 8)),
    };
    const worker = WORKER_ENTRY.source
      ? new Worker(SOURCE_BOOTSTRAP, {
          eval: true,
          workerData: { entry: WORKER_ENTRY.url.href },
          resourceLimits,
        })
      : new Worker(WORKER_ENTRY.url, { resourceLimits });
    // An idle worker must not keep the process alive, nor stay listed once it has ended.
    worker.unref();
    const forget = () => {
      const at = this.#idle.indexOf(worker);
      if (at >= 0) this.#idle.splice(at, 1);
    };
    worker.once("exit", forget);
    // A worker can fail after its job has let go of it (its heap limit reached while it is
    // being terminated for time): unheard, that error would end the whole process.
    worker.on("error", forget);
    return worker;
  }
}

const idleTimers = new WeakMap<Worker, NodeJS.Timeout>();

/**
 * The worker's file beside this one: conversionWorker.js in the build, conversionWorker.ts
 * when the sources run (tests). Node strips the types of a .ts file itself; the bootstrap
 * only maps the sources' `./x.js` imports to the `./x.ts` files that exist.
 */
const WORKER_ENTRY = (() => {
  const source = import.meta.url.endsWith(".ts");
  return { source, url: new URL(`./conversionWorker.${source ? "ts" : "js"}`, import.meta.url) };
})();

const SOURCE_BOOTSTRAP = `
const { registerHooks } = require("node:module");
const { workerData } = require("node:worker_threads");
registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (error) {
      if (!specifier.startsWith(".") || !specifier.endsWith(".js")) throw error;
      return next(specifier.slice(0, -3) + ".ts", context);
    }
  },
});
import(workerData.entry);
`;
