import { Writable } from "node:stream";
import {
  type Database,
  type Job,
  migrate,
  openDatabase,
  Scheduler,
  schedulerMigrations,
} from "@tandem/kernel";
import { createTestBackend, eventually, type TestBackend } from "@tandem/testkit";
import { pino } from "pino";
import { Registry } from "prom-client";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";

let backend: TestBackend;
let database: Database;
/** A second connection to the same database, as a second instance would have. */
let other: Database;
const started: Scheduler[] = [];

beforeAll(async () => {
  backend = await createTestBackend();
  const where = { databaseUrl: backend.databaseUrl, dataDir: backend.dataDir };
  database = await openDatabase(where);
  await migrate(database, [schedulerMigrations]);
  other = await openDatabase(where);
});
afterAll(async () => {
  await other?.close();
  await database?.close();
  await backend?.dispose();
});
beforeEach(() => database.db.deleteFrom("job_leases").execute());
afterEach(async () => {
  for (const scheduler of started.splice(0)) await scheduler.stop();
});

/** A logger whose JSON lines the test can read. */
function capturedLog() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { log: pino({ level: "info" }, stream), lines };
}

function scheduler(on: Database, jobs: Job[]) {
  const registry = new Registry();
  const { log, lines } = capturedLog();
  const made = new Scheduler({ database: on, log, registry });
  made.add(jobs);
  started.push(made);
  return { scheduler: made, registry, lines };
}

async function runs(registry: Registry, job: string, outcome: string): Promise<number> {
  const metric = await registry.getSingleMetric("tandem_job_runs_total")?.get();
  const value = metric?.values.find((v) => v.labels.job === job && v.labels.outcome === outcome);
  return value?.value ?? 0;
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe("Scheduler", () => {
  test("a failing job is logged with its name and counted, and runs again at its next turn", async () => {
    let attempts = 0;
    const {
      scheduler: s,
      registry,
      lines,
    } = scheduler(database, [
      {
        name: "test.failing",
        everyMs: 20,
        run: async () => {
          attempts += 1;
          throw new Error("disk on fire");
        },
      },
    ]);
    s.start();
    await eventually(() => expect(attempts).toBeGreaterThanOrEqual(2));
    const failure = lines.find((line) => line.msg === "job failed");
    expect(failure).toMatchObject({
      level: 50,
      job: "test.failing",
      err: { message: "disk on fire" },
    });
    expect(await runs(registry, "test.failing", "failure")).toBeGreaterThanOrEqual(2);
    const durations = await registry.getSingleMetric("tandem_job_duration_seconds")?.get();
    expect(durations?.values.length).toBeGreaterThan(0);
  });

  test("a run still going when the next is due skips that turn, counted", async () => {
    const gate = deferred();
    let concurrent = 0;
    let most = 0;
    const { scheduler: s, registry } = scheduler(database, [
      {
        name: "test.slow",
        everyMs: 10,
        run: async () => {
          concurrent += 1;
          most = Math.max(most, concurrent);
          await gate.promise;
          concurrent -= 1;
        },
      },
    ]);
    s.start();
    await eventually(async () =>
      expect(await runs(registry, "test.slow", "overlap")).toBeGreaterThanOrEqual(3),
    );
    gate.resolve();
    await eventually(async () =>
      expect(await runs(registry, "test.slow", "success")).toBeGreaterThanOrEqual(1),
    );
    expect(most).toBe(1);
  });

  test("stop waits for the run under way, and no turn follows it", async () => {
    const gate = deferred();
    let finished = false;
    let turns = 0;
    const { scheduler: s } = scheduler(database, [
      {
        name: "test.stopping",
        everyMs: 10,
        run: async () => {
          turns += 1;
          await gate.promise;
          finished = true;
        },
      },
    ]);
    s.start();
    await eventually(() => expect(turns).toBe(1));
    const stopping = s.stop();
    setTimeout(() => gate.resolve(), 50);
    await stopping;
    expect(finished).toBe(true);
    const after = turns;
    await new Promise((r) => setTimeout(r, 50));
    expect(turns).toBe(after);
  });

  test("a name declared twice is refused", () => {
    const job = { name: "test.twice", everyMs: 1000, run: async () => {} };
    const s = new Scheduler({ database, log: capturedLog().log, registry: new Registry() });
    expect(() => s.add([job, job])).toThrow("job test.twice is declared twice");
  });

  test("a cluster-once job runs on the instance holding its lease, which renews it; another takes over when it stops", async () => {
    const ran = { first: 0, second: 0 };
    // A long period: the turns are driven by hand, so a loaded machine cannot reorder them.
    const job = (who: keyof typeof ran): Job => ({
      name: "test.purge",
      everyMs: 60_000,
      once: "cluster",
      run: async () => {
        ran[who] += 1;
      },
    });
    const first = scheduler(database, [job("first")]);
    const second = scheduler(other, [job("second")]);
    expect(await first.scheduler.runNow("test.purge")).toBe("success");
    expect(await second.scheduler.runNow("test.purge")).toBe("elsewhere");
    expect(await first.scheduler.runNow("test.purge")).toBe("success");
    expect(await second.scheduler.runNow("test.purge")).toBe("elsewhere");
    expect(ran).toEqual({ first: 2, second: 0 });
    expect(await runs(second.registry, "test.purge", "elsewhere")).toBe(2);

    await first.scheduler.stop();
    expect(await second.scheduler.runNow("test.purge")).toBe("success");
    expect(ran).toEqual({ first: 2, second: 1 });
  });

  test("the scheduler's timers take the lease on one of two instances", async () => {
    const ran = { first: 0, second: 0 };
    const job = (who: keyof typeof ran): Job => ({
      name: "test.timed",
      everyMs: 20,
      once: "cluster",
      run: async () => {
        ran[who] += 1;
      },
    });
    const first = scheduler(database, [job("first")]);
    const second = scheduler(other, [job("second")]);
    first.scheduler.start();
    second.scheduler.start();
    await eventually(async () => {
      expect(ran.first + ran.second).toBeGreaterThanOrEqual(3);
      const elsewhere =
        (await runs(first.registry, "test.timed", "elsewhere")) +
        (await runs(second.registry, "test.timed", "elsewhere"));
      expect(elsewhere).toBeGreaterThanOrEqual(1);
    });
  });

  test("two schedulers racing for a free lease: exactly one runs the turn", async () => {
    let ran = 0;
    const job: Job = {
      name: "test.race",
      everyMs: 60_000,
      once: "cluster",
      run: async () => {
        ran += 1;
      },
    };
    const a = scheduler(database, [job]).scheduler;
    const b = scheduler(other, [job]).scheduler;
    const outcomes = await Promise.all([a.runNow("test.race"), b.runNow("test.race")]);
    expect(outcomes.sort()).toEqual(["elsewhere", "success"]);
    expect(ran).toBe(1);
  });
});
