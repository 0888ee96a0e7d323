// Startup benchmark: how fast `tandem serve` answers its first health check, and how much
// memory it holds once idle, next to a bare Fastify server started the same way.
//
//   npm run bench -- startup              SQLite and in-process pub/sub (the default install)
//   npm run bench -- startup --postgres   PostgreSQL + Redis (TANDEM_TEST_DATABASE_URL and
//                                         TANDEM_TEST_REDIS_URL, default 127.0.0.1)
//   options: --runs N (default 5), --idle-ms N (default 3000)
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import { postgresBackend, sqliteBackend } from "./shared/backends.mjs";
import { cliPath, freePort, spawnNode, stopChild } from "./shared/processes.mjs";

const TARGET_COLD_MS = 1500;
const TARGET_RSS_MB = 150;
const POLL_MS = 10;

// The peer: the least a Fastify 5 service does to answer /healthz, run by the same Node.
const peerScript = `
import Fastify from ${JSON.stringify(import.meta.resolve("fastify"))};
const app = Fastify();
app.get("/healthz", async () => ({ status: "ok" }));
await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
process.on("SIGTERM", () => app.close().then(() => process.exit(0)));
`;

export async function run(args) {
  const options = parseArgs(args);
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run npm run build first`);
  const backend = options.postgres ? await postgresBackend() : sqliteBackend();
  console.log(
    `Startup benchmark — Node ${process.version}, ${backend.label}, ${options.runs} runs each, ` +
      `idle RSS read ${options.idleMs} ms after start\n`,
  );
  const cold = [];
  const warm = [];
  const peer = [];
  let lastStore;
  try {
    for (let i = 0; i < options.runs; i++) {
      const store = await backend.fresh();
      cold.push(await measure(tandemCommand(store.env), options, { expectBanner: true }));
      if (lastStore) await lastStore.dispose();
      lastStore = store;
      progress("cold", i, cold);
    }
    for (let i = 0; i < options.runs; i++) {
      warm.push(await measure(tandemCommand(lastStore.env), options, { expectBanner: false }));
      progress("warm", i, warm);
    }
    for (let i = 0; i < options.runs; i++) {
      peer.push(await measure(peerCommand(), options, {}));
      progress("peer", i, peer);
    }
  } finally {
    await lastStore?.dispose();
    await backend.close();
  }
  report({ cold, warm, peer });
}

function parseArgs(args) {
  const options = { postgres: false, runs: 5, idleMs: 3000 };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--postgres") options.postgres = true;
    else if (arg === "--runs") options.runs = Number(args[++i]);
    else if (arg === "--idle-ms") options.idleMs = Number(args[++i]);
    else throw new Error(`unknown option ${arg}`);
  }
  if (!(options.runs >= 1)) throw new Error("--runs must be at least 1");
  return options;
}

function progress(kind, i, list) {
  const last = list[list.length - 1];
  process.stderr.write(
    `  ${kind} #${i + 1}: ${last.startMs.toFixed(0)} ms to /healthz, idle RSS ${last.rssMb.toFixed(1)} MB\n`,
  );
}

/** Node runs the CLI itself, with no npm or shell in between, so the pid is the server's. */
function tandemCommand(env) {
  return {
    args: [cliPath, "serve"],
    marker: cliPath,
    env: { TANDEM_HOST: "127.0.0.1", TANDEM_LOG_FORMAT: "json", ...env },
  };
}

function peerCommand() {
  return {
    args: ["--input-type=module", "-e", peerScript],
    marker: "--input-type=module",
    env: {},
  };
}

async function measure(command, options, { expectBanner }) {
  const port = await freePort();
  const started = performance.now();
  // Each cold start gets a data folder that does not exist yet, as on a first install.
  const { child, output } = spawnNode(command.args, {
    env: { PORT: String(port), ...command.env },
  });
  try {
    const startMs = await waitForHealth(port, started, child, output);
    if (expectBanner !== undefined && output().includes("Password:") !== expectBanner) {
      throw new Error(
        `expected ${expectBanner ? "a" : "no"} first-admin banner; output:\n${output()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, options.idleMs));
    const cmdline = readFileSync(`/proc/${child.pid}/cmdline`, "utf8");
    if (!cmdline.includes(command.marker)) throw new Error(`pid ${child.pid} is not the server`);
    const rssMb = readRssMb(child.pid);
    return { startMs, rssMb };
  } finally {
    await stopChild(child);
  }
}

function readRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  return kb / 1024;
}

async function waitForHealth(port, started, child, output) {
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited with ${child.exitCode ?? child.signalCode}:\n${output()}`);
    }
    if ((await healthStatus(port)) === 200) return performance.now() - started;
    if (performance.now() - started > 60_000) throw new Error(`no healthy answer:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function healthStatus(port) {
  return new Promise((resolve) => {
    const request = http.get({ host: "127.0.0.1", port, path: "/healthz", agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode));
    });
    request.setTimeout(1000, () => request.destroy());
    request.on("error", () => resolve(0));
  });
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

function report({ cold, warm, peer }) {
  const peerStart = stats(peer.map((r) => r.startMs));
  const peerRss = stats(peer.map((r) => r.rssMb));
  const row = (label, s, unit, base) =>
    `  ${label.padEnd(28)} median ${fmt(s.median, unit)}  min ${fmt(s.min, unit)}  max ${fmt(s.max, unit)}` +
    (base ? `   ×${(s.median / base).toFixed(1)} the peer` : "");
  const coldStart = stats(cold.map((r) => r.startMs));
  const warmStart = stats(warm.map((r) => r.startMs));
  const coldRss = stats(cold.map((r) => r.rssMb));
  const warmRss = stats(warm.map((r) => r.rssMb));
  console.log("\nTime from spawn to the first 200 from GET /healthz");
  console.log(row("tandem, cold (first start)", coldStart, "ms", peerStart.median));
  console.log(row("tandem, warm (restart)", warmStart, "ms", peerStart.median));
  console.log(row("peer: bare Fastify 5", peerStart, "ms"));
  console.log("\nIdle RSS of the server process (VmRSS)");
  console.log(row("tandem, after a cold start", coldRss, "MB", peerRss.median));
  console.log(row("tandem, after a warm start", warmRss, "MB", peerRss.median));
  console.log(row("peer: bare Fastify 5", peerRss, "MB"));
  console.log("\nTargets");
  const target = (label, value, limit, unit) =>
    console.log(
      `  ${value <= limit ? "PASS" : "MISS"}  ${label.padEnd(36)} ${fmt(value, unit)} (target <= ${fmt(limit, unit)})`,
    );
  target("cold start, median", coldStart.median, TARGET_COLD_MS, "ms");
  target("idle RSS after a cold start, median", coldRss.median, TARGET_RSS_MB, "MB");
  target("idle RSS after a warm start, median", warmRss.median, TARGET_RSS_MB, "MB");
}

function fmt(value, unit) {
  return unit === "ms" ? `${(value / 1000).toFixed(3)} s` : `${value.toFixed(1)} MB`;
}
