// Timing one grant at one server: requests in flight for a warm-up, then a measured window,
// with the CPU the server (and its PostgreSQL backends), the load and the rest of the machine
// spent in it, read from /proc.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import os from "node:os";

export const SIGN_IN_CONCURRENCY = 4;
const CHECKS_IN_PROCESS = 6;

const CLOCK_TICK_MS = 1000 / clockTicks();

function clockTicks() {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
}

/** User + system CPU of a process, in ms, from /proc/<pid>/stat; 0 once it is gone. */
function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
  } catch {
    return 0;
  }
}

/**
 * Runs `grant` with one worker per state until warm-up + duration have passed; counts the
 * operations that end inside the measured window, and the CPU the server (and its database
 * backends, on PostgreSQL) spent in it.
 */
export async function measure(server, grant, states, options) {
  const latencies = [];
  // Operations that ended after the SQL counts were reset (they include the stragglers).
  let sinceReset = 0;
  let failure;
  let snapshot;
  let closing;

  // The database backends serving the server (PostgreSQL): listed at both ends of the window,
  // as the pool may open connections meanwhile; one born inside the window counts whole.
  const take = (databasePids) => ({
    at: performance.now(),
    // The monotonic clock V8's CPU profiles use, in µs.
    us: Number(process.hrtime.bigint() / 1000n),
    server: cpuMs(server.pid),
    database: new Map(databasePids.map((pid) => [pid, cpuMs(pid)])),
    load: process.cpuUsage(),
    machine: machineCpu(),
  });
  const opened = new Promise((resolve, reject) => {
    setTimeout(async () => {
      try {
        await server.sqlTrace?.();
        snapshot = take(await server.databaseProcesses());
        resolve();
      } catch (error) {
        reject(error);
      }
    }, options.warmup * 1000);
  });
  const closed = new Promise((resolve, reject) => {
    setTimeout(
      async () => {
        try {
          closing = take(await server.databaseProcesses());
          resolve();
        } catch (error) {
          reject(error);
        }
      },
      options.warmup * 1000 + options.duration * 1000,
    );
  });

  // An operation counts when it ends inside the window; its latency when it also began there.
  // Worker i takes states i, i + C, i + 2C… in turn (C workers).
  const workers = Math.min(options.concurrency, states.length);
  const worker = async (index) => {
    const mine = states.filter((_, i) => i % workers === index);
    for (let turn = 0; !failure && !closing; turn++) {
      const state = mine[turn % mine.length];
      const begun = performance.now();
      const early = snapshot === undefined;
      try {
        await grant.run(server, state);
      } catch (error) {
        failure ??= error;
        return;
      }
      if (snapshot) sinceReset += 1;
      if (snapshot && !closing) latencies.push(early ? Number.NaN : performance.now() - begun);
    }
  };
  await Promise.all([...Array.from({ length: workers }, (_, i) => worker(i)), opened, closed]);
  if (failure) {
    throw new Error(`${grant.label} at ${server.label} failed: ${failure.message}`, {
      cause: failure,
    });
  }
  const seconds = (closing.at - snapshot.at) / 1000;
  const ops = latencies.length;
  const timed = latencies.filter((ms) => !Number.isNaN(ms)).sort((x, y) => x - y);
  const load = closing.load.user + closing.load.system - snapshot.load.user - snapshot.load.system;
  const sql = server.sqlTrace ? await server.sqlTrace() : undefined;
  const machineBusy =
    (closing.machine.busy - snapshot.machine.busy) /
    (closing.machine.total - snapshot.machine.total);
  // What the rest of the machine ran meanwhile (other jobs), in cores: it skews the rates.
  let databaseCpuMs = 0;
  for (const [pid, ms] of closing.database) databaseCpuMs += ms - (snapshot.database.get(pid) ?? 0);
  const ours = closing.server - snapshot.server + databaseCpuMs + load / 1000;
  const otherCores = Math.max(
    0,
    machineBusy * os.availableParallelism() - ours / (closing.at - snapshot.at),
  );
  return {
    ops,
    seconds,
    machineBusy,
    otherCores,
    serverCpuMs: closing.server - snapshot.server,
    databaseCpuMs,
    loadCpuMs: load / 1000,
    p50: percentile(timed, 0.5),
    p99: percentile(timed, 0.99),
    sql,
    sqlOps: sinceReset,
    window: { startUs: snapshot.us, endUs: closing.us, ops },
  };
}

/** Busy and total jiffies of the whole machine, from /proc/stat. */
function machineCpu() {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0];
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.reduce((sum, v) => sum + v, 0);
  const idle = values[3] + values[4];
  return { busy: total - idle, total };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

export function progress(grant, server, round, r) {
  const db = r.databaseCpuMs ? `, database CPU ${(r.databaseCpuMs / r.ops).toFixed(2)} ms` : "";
  process.stderr.write(
    `  ${grant.label}, ${server.label}, round ${round + 1}: ${(r.ops / r.seconds).toFixed(0)} ${grant.unit}, ` +
      `server CPU ${(r.serverCpuMs / r.ops).toFixed(2)} ms each${db} (${((100 * r.serverCpuMs) / (r.seconds * 1000)).toFixed(0)}% of a core), ` +
      `load CPU ${(r.loadCpuMs / r.ops).toFixed(2)} ms each, machine ${(100 * r.machineBusy).toFixed(0)}% busy ` +
      `(others ${r.otherCores.toFixed(2)} cores), ` +
      `p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms\n`,
  );
}

/** Sign-ins per second at Tandem (scrypt included), and one AccountService check in this process. */
export async function measurePasswords(tandem, options) {
  const attempt = {
    label: "sign-in",
    async run(server) {
      const response = await server.target.send("/api/v1/session", {
        method: "POST",
        headers: { origin: server.target.url.origin, "content-type": "application/json" },
        body: JSON.stringify(server.admin),
      });
      if (response.status !== 200)
        throw new Error(`sign-in answered ${response.status}: ${response.text}`);
    },
  };
  const states = Array.from({ length: SIGN_IN_CONCURRENCY }, () => ({}));
  const signIns = await measure({ ...tandem, sqlTrace: undefined }, attempt, states, {
    ...options,
    warmup: Math.max(options.warmup, 1),
  });

  const kernel = await import("@tandem/kernel");
  const { AccountService, kernelMigrations } = await import("@tandem/accounts");
  const database = await kernel.openSqlite(":memory:");
  try {
    await kernel.migrate(database, [kernelMigrations]);
    const accounts = new AccountService(database);
    const password = `bench-${randomBytes(12).toString("base64url")}`;
    await accounts.create({ email: "bench@localhost", name: "Bench", password });
    await accounts.checkPassword("bench@localhost", password);
    const started = performance.now();
    for (let i = 0; i < CHECKS_IN_PROCESS; i++)
      await accounts.checkPassword("bench@localhost", password);
    const each = (performance.now() - started) / CHECKS_IN_PROCESS;
    return { signIns, checkMs: each };
  } finally {
    await database.close();
  }
}
