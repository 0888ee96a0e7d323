// Identity benchmark: grants per second at Tandem's OpenID provider, side by side with a bare
// oidc-provider on its in-memory adapter (the ceiling of our stack), each in its own process,
// driven the same way from this one.
//
//   npm run bench -- identity              Tandem on SQLite + in-process pub/sub (the default install)
//   npm run bench -- identity --postgres   Tandem on PostgreSQL + Redis (TANDEM_TEST_DATABASE_URL and
//                                          TANDEM_TEST_REDIS_URL, default 127.0.0.1); a fresh database,
//                                          dropped at the end
//   options: --duration S (measured seconds per server and grant, default 5), --warmup S (default 3:
//            Tandem, with more code to optimise, takes longer than the bare provider to settle),
//            --concurrency N (requests in flight, default 16), --rounds N (default 2),
//            --sessions N (refresh chains / browser sessions per request in flight, default 16),
//            --grants cc,refresh,code (default all), --no-password (skip the verification rate),
//            --http-peer (a third server: the bare provider behind Tandem's HTTP layer, Fastify
//            and the hand-over of /oidc/*, to tell that layer's cost from the storage's),
//            --trace-sql (count Tandem's SQL statements per grant; slows Tandem a little),
//            --cpu-prof DIR (V8 CPU profiles of both servers to DIR, summarised by layer),
//            --node-option OPT (repeatable: passed to both servers' node, e.g. --perf-basic-prof)
//
// Measured, for each server:
//   client credentials  POST /oidc/token grant_type=client_credentials, client_secret_basic
//   refresh             POST /oidc/token grant_type=refresh_token; each chain uses the token it got
//                       last (rotation); chains minted beforehand by code flows with offline_access
//                       and prompt=consent, each in a browser session (so on a grant) of its own
//   code flow           GET /oidc/auth (PKCE S256, state, nonce) in a browser session already signed
//                       in → 303 to the redirect URI with a code → POST /oidc/token with the verifier
// Each request in flight takes its chains or sessions in turn (--sessions of them), as many users
// would: oidc-provider's in-memory adapter rewrites a grant's index of tokens on every save, so
// a handful of grants collecting thousands of tokens would slow the peer down as the run goes on.
// Password hashing is outside those rates: it is reported on its own, as sign-ins per second at
// Tandem and as the time of one AccountService.checkPassword (scrypt N=2^17, r=8, p=1).
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os, { tmpdir } from "node:os";
import { join, resolve as resolvePath } from "node:path";
import { fileURLToPath } from "node:url";
import {
  authorizationRequest,
  Browser,
  clientAuth,
  exchangeCode,
  OFFLINE,
  REDIRECT_URI,
  Target,
  tokenRequest,
} from "./identity/client.mjs";
import { layersPerOperation, mergeLayers, profileOf } from "./identity/profile.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const cliPath = join(root, "packages/server/dist/cli.js");
const bareScript = fileURLToPath(new URL("./identity/bareProvider.mjs", import.meta.url));
const sqlTraceScript = fileURLToPath(new URL("./identity/sqlTrace.mjs", import.meta.url));

const TARGET_RATIO = 0.7;
const SIGN_IN_CONCURRENCY = 4;
const CHECKS_IN_PROCESS = 6;

const GRANTS = {
  cc: {
    label: "client credentials",
    unit: "grants/s",
    /** Nothing to prepare: every request stands alone. */
    prepare: async (_server, count) => Array.from({ length: count }, () => ({})),
    async run(server) {
      const tokens = await tokenRequest(server.target, server.client, {
        grant_type: "client_credentials",
      });
      if (!tokens.access_token) throw new Error("no access token");
    },
  },
  refresh: {
    label: "refresh",
    unit: "grants/s",
    /** Refresh chains, each on a grant (and browser session) of its own. */
    perSession: true,
    prepare: (server, count) =>
      parallel(count, async () => {
        const browser = server.newBrowser();
        const request = authorizationRequest(server.client, OFFLINE);
        const callback = await browser.authorize(request.path);
        const tokens = await exchangeCode(server.target, server.client, callback, request);
        if (!tokens.refresh_token) throw new Error("offline_access gave no refresh token");
        return { refreshToken: tokens.refresh_token };
      }),
    async run(server, chain) {
      const tokens = await tokenRequest(server.target, server.client, {
        grant_type: "refresh_token",
        refresh_token: chain.refreshToken,
      });
      if (!tokens.refresh_token || tokens.refresh_token === chain.refreshToken) {
        throw new Error("the refresh token was not rotated");
      }
      chain.refreshToken = tokens.refresh_token;
    },
  },
  code: {
    label: "full code flow",
    unit: "flows/s",
    /** Signed-in browser sessions, each with its grant given already. */
    perSession: true,
    prepare: (server, count) =>
      parallel(count, async () => {
        const browser = server.newBrowser();
        const request = authorizationRequest(server.client);
        await exchangeCode(
          server.target,
          server.client,
          await browser.authorize(request.path),
          request,
        );
        return { browser };
      }),
    async run(server, { browser }) {
      const request = authorizationRequest(server.client);
      const response = await browser.send(request.path);
      const location = response.headers.location ?? "";
      if (response.status !== 303 || !location.startsWith(REDIRECT_URI)) {
        throw new Error(
          `the authorization request answered ${response.status} ${location}: ${response.text.slice(0, 200)}`,
        );
      }
      const tokens = await exchangeCode(server.target, server.client, new URL(location), request);
      if (!tokens.id_token || !tokens.access_token) throw new Error("no ID token or access token");
    },
  },
};

export async function run(args) {
  const options = parseArgs(args);
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run npm run build first`);
  const backend = options.postgres ? await postgresBackend() : sqliteBackend();
  const cpus = os.availableParallelism();
  console.log(
    `Identity benchmark — Node ${process.version}, Tandem on ${backend.label}, ${cpus} CPUs shared by ` +
      `both servers and the load; ${options.concurrency} requests in flight, ${options.rounds} ` +
      `round(s) of ${options.duration} s per server and grant after ${options.warmup} s of warm-up\n`,
  );
  const store = await backend.fresh();
  const servers = [];
  try {
    const tandem = await startTandem(store, options);
    servers.push(tandem);
    const bare = await startBare(tandem.clientMetadata, options, store.base);
    servers.push(bare);
    await checkEquivalence(tandem, bare);
    if (options.httpPeer) {
      servers.push(
        await startBare(tandem.clientMetadata, options, store.base, { viaTandemHttp: true }),
      );
    }

    const results = {};
    for (const key of options.grants) {
      const grant = GRANTS[key];
      results[key] = Object.fromEntries(servers.map((server) => [server.kind, []]));
      for (let round = 0; round < options.rounds; round++) {
        // Rotate who goes first, so drift (a warming JIT, a growing table) is shared.
        const order = servers.map((_, i) => servers[(i + round) % servers.length]);
        for (const server of order) {
          const states = await grant.prepare(
            server,
            options.concurrency * (grant.perSession ? options.sessions : 1),
          );
          const result = await measure(server, grant, states, options);
          results[key][server.kind].push(result);
          progress(grant, server, round, result);
        }
      }
    }
    const verification = options.password ? await measurePasswords(tandem, options) : undefined;
    // The profiles are written as the servers exit.
    for (const server of servers) await server.stop();
    const profiles = options.cpuProf ? readProfiles(results, servers, options.cpuProf) : undefined;
    report(results, verification, profiles);
  } finally {
    for (const server of servers) await server.stop();
    await store.dispose();
    await backend.close();
  }
}

function parseArgs(args) {
  const options = {
    postgres: false,
    duration: 5,
    warmup: 3,
    concurrency: 16,
    sessions: 16,
    rounds: 2,
    grants: Object.keys(GRANTS),
    password: true,
    httpPeer: false,
    traceSql: false,
    cpuProf: undefined,
    nodeOptions: [],
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--postgres") options.postgres = true;
    else if (arg === "--duration") options.duration = Number(args[++i]);
    else if (arg === "--warmup") options.warmup = Number(args[++i]);
    else if (arg === "--concurrency") options.concurrency = Number(args[++i]);
    else if (arg === "--sessions") options.sessions = Number(args[++i]);
    else if (arg === "--rounds") options.rounds = Number(args[++i]);
    else if (arg === "--grants") options.grants = String(args[++i]).split(",");
    else if (arg === "--no-password") options.password = false;
    else if (arg === "--http-peer") options.httpPeer = true;
    else if (arg === "--trace-sql") options.traceSql = true;
    else if (arg === "--cpu-prof") options.cpuProf = resolvePath(args[++i]);
    else if (arg === "--node-option") options.nodeOptions.push(args[++i]);
    else throw new Error(`unknown option ${arg}`);
  }
  if (!(options.duration > 0)) throw new Error("--duration must be positive");
  if (!(options.warmup >= 0)) throw new Error("--warmup must be zero or more");
  if (!(options.concurrency >= 1)) throw new Error("--concurrency must be at least 1");
  if (!(options.sessions >= 1)) throw new Error("--sessions must be at least 1");
  if (!(options.rounds >= 1)) throw new Error("--rounds must be at least 1");
  for (const key of options.grants) {
    if (!GRANTS[key])
      throw new Error(`unknown grant ${key}; known: ${Object.keys(GRANTS).join(",")}`);
  }
  if (options.cpuProf) mkdirSync(options.cpuProf, { recursive: true });
  else delete options.cpuProf;
  return options;
}

// ---------------------------------------------------------------------------------------------
// Storage for Tandem, as in bench/startup.mjs.

function sqliteBackend() {
  return {
    label: "SQLite + in-process pub/sub",
    fresh: async () => {
      const base = await mkdtemp(join(tmpdir(), "tandem-bench-"));
      return {
        env: { TANDEM_DATA_DIR: join(base, "data") },
        base,
        databaseProcesses: async () => [],
        dispose: () => rm(base, { recursive: true, force: true }),
      };
    },
    close: async () => {},
  };
}

async function postgresBackend() {
  const { default: pg } = await import("pg");
  const adminUrl =
    process.env.TANDEM_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const redisUrl = process.env.TANDEM_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  return {
    label: "PostgreSQL + Redis",
    fresh: async () => {
      const suffix = randomBytes(6).toString("hex");
      const database = `tandem_bench_${suffix}`;
      await admin.query(`CREATE DATABASE "${database}"`);
      const url = new URL(adminUrl);
      url.pathname = `/${database}`;
      const base = await mkdtemp(join(tmpdir(), "tandem-bench-"));
      return {
        env: {
          TANDEM_DATA_DIR: join(base, "data"),
          TANDEM_DATABASE_URL: url.toString(),
          TANDEM_REDIS_URL: redisUrl,
          TANDEM_REDIS_PREFIX: `tandem-bench-${suffix}:`,
        },
        base,
        /** The PostgreSQL backends serving Tandem: their CPU is part of each grant's cost. */
        databaseProcesses: async () => {
          const { rows } = await admin.query(
            "select pid from pg_stat_activity where datname = $1",
            [database],
          );
          return rows.map((row) => row.pid);
        },
        dispose: async () => {
          await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
          await rm(base, { recursive: true, force: true });
        },
      };
    },
    close: () => admin.end(),
  };
}

// ---------------------------------------------------------------------------------------------
// The two servers.

/** `tandem serve` run by Node itself (no npm or shell in between), so its pid is the server's. */
async function startTandem(store, options) {
  const env = {
    PATH: process.env.PATH ?? "",
    TANDEM_HOST: "127.0.0.1",
    TANDEM_LOG_FORMAT: "json",
    PORT: "0",
    ...store.env,
  };
  const nodeArgs = [...options.nodeOptions];
  let traceFile;
  if (options.traceSql) {
    traceFile = join(store.base, "sql-trace.json");
    nodeArgs.push("--import", sqlTraceScript);
    env.BENCH_SQL_TRACE_FILE = traceFile;
  }
  if (options.cpuProf) nodeArgs.push("--cpu-prof", `--cpu-prof-dir=${options.cpuProf}`);
  // In the temporary folder, so whatever a profiling option writes to the working
  // directory (V8 logs) stays out of the repository.
  const child = spawn(process.execPath, [...nodeArgs, cliPath, "serve"], {
    env,
    cwd: store.base,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = collect(child);
  const match = await waitFor(
    child,
    output,
    /Tandem is running at (\S+) \(listening on \S+\)/,
    "tandem serve",
  );
  const url = match[1];
  const email = /^ {2}E-mail: +(\S+)$/m.exec(output())?.[1];
  const password = /^ {2}Password: +(\S+)$/m.exec(output())?.[1];
  if (!email || !password) throw new Error(`no first-admin banner:\n${output()}`);

  const added = await runCli(
    ["client", "add", "--name", "bench", "--redirect-uri", REDIRECT_URI],
    env,
    store.base,
  );
  const registered = JSON.parse(added);
  const target = new Target("tandem", url, { sockets: options.concurrency * 2 });
  const client = clientAuth(registered.client_id, registered.client_secret);

  // Signed in once: each new browser session below carries this Tandem session only, so the
  // provider asks for a login that Tandem's interaction step grants from it, without a password.
  const signedIn = new Browser(target);
  const response = await signedIn.send("/api/v1/session", {
    method: "POST",
    headers: { origin: target.url.origin, "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200)
    throw new Error(`sign-in failed: ${response.status} ${response.text}`);

  return {
    kind: "tandem",
    label: "tandem",
    pid: child.pid,
    target,
    client,
    admin: { email, password },
    /** The metadata ClientStore.add stores for this client, for the bare provider to load the same. */
    clientMetadata: {
      client_id: registered.client_id,
      client_secret: registered.client_secret,
      client_name: "bench",
      redirect_uris: [REDIRECT_URI],
      post_logout_redirect_uris: [],
      response_types: ["code"],
      grant_types: ["authorization_code", "refresh_token", "client_credentials"],
      token_endpoint_auth_method: "client_secret_basic",
    },
    newBrowser: () => signedIn.cloneWith(["tandem_session"]),
    databaseProcesses: store.databaseProcesses,
    sqlTrace: traceFile ? () => readSqlTrace(child, traceFile) : undefined,
    output,
    stop: () => stop(child, target),
  };
}

async function startBare(clientMetadata, options, cwd, { viaTandemHttp = false } = {}) {
  const nodeArgs = [...options.nodeOptions];
  if (options.cpuProf) nodeArgs.push("--cpu-prof", `--cpu-prof-dir=${options.cpuProf}`);
  const child = spawn(process.execPath, [...nodeArgs, bareScript], {
    env: {
      PATH: process.env.PATH ?? "",
      BENCH_CLIENT: JSON.stringify(clientMetadata),
      ...(viaTandemHttp ? { BENCH_HTTP: "tandem" } : {}),
    },
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = collect(child);
  const match = await waitFor(child, output, /listening on (\d+)/, "the bare oidc-provider");
  const target = new Target("bare", `http://127.0.0.1:${match[1]}`, { sockets: 64 });
  return {
    kind: viaTandemHttp ? "http" : "bare",
    label: viaTandemHttp ? "bare behind Tandem's HTTP layer" : "bare oidc-provider",
    pid: child.pid,
    target,
    client: clientAuth(clientMetadata.client_id, clientMetadata.client_secret),
    newBrowser: () => new Browser(target),
    databaseProcesses: async () => [],
    output,
    stop: () => stop(child, target),
  };
}

function collect(child) {
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr.on("data", (chunk) => {
    output += chunk;
  });
  return () => output;
}

function waitFor(child, output, pattern, what) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${what} did not start:\n${output()}`)),
      30_000,
    );
    const look = () => {
      const match = pattern.exec(output());
      if (match) {
        clearTimeout(timer);
        child.stdout.off("data", look);
        resolve(match);
      }
    };
    child.stdout.on("data", look);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}:\n${output()}`));
    });
  });
}

async function stop(child, target) {
  target.close();
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

function runCli(args, env, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      env,
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`tandem ${args.join(" ")}: ${stderr}`)),
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Both sides must issue the same kind of tokens under the same rules, or the ratio means nothing.

async function checkEquivalence(tandem, bare) {
  const problems = [];
  const discovery = async (server) =>
    JSON.parse((await server.target.send("/.well-known/openid-configuration")).text);
  const [a, b] = await Promise.all([discovery(tandem), discovery(bare)]);
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const strip = (value) =>
      typeof value === "string" ? value.replace(/^http:\/\/127\.0\.0\.1:\d+/, "") : value;
    if (key === "issuer") continue;
    if (JSON.stringify(strip(a[key])) !== JSON.stringify(strip(b[key]))) {
      problems.push(
        `discovery ${key}: tandem ${JSON.stringify(a[key])}, bare ${JSON.stringify(b[key])}`,
      );
    }
  }
  const sample = async (server) => {
    const cc = await tokenRequest(server.target, server.client, {
      grant_type: "client_credentials",
    });
    const [chain] = await GRANTS.refresh.prepare(server, 1);
    const first = chain.refreshToken;
    const refreshed = await tokenRequest(server.target, server.client, {
      grant_type: "refresh_token",
      refresh_token: first,
    });
    const [{ browser }] = await GRANTS.code.prepare(server, 1);
    const request = authorizationRequest(server.client);
    const callback = await browser.authorize(request.path);
    const code = await exchangeCode(server.target, server.client, callback, request);
    const describe = (token) => (token.includes(".") ? "JWT" : `opaque(${token.length})`);
    const idClaims = (jwt) =>
      Object.keys(JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString("utf8")))
        .sort()
        .join(",");
    return {
      "client credentials": `${describe(cc.access_token)} expires_in=${cc.expires_in} scope=${cc.scope ?? ""}`,
      refresh: `${describe(refreshed.access_token)} expires_in=${refreshed.expires_in} rotated=${refreshed.refresh_token !== first} refresh=${describe(refreshed.refresh_token)} id_token=${Boolean(refreshed.id_token)}`,
      "code flow": `${describe(code.access_token)} expires_in=${code.expires_in} refresh=${Boolean(code.refresh_token)}`,
      "ID token claims": idClaims(code.id_token),
    };
  };
  const [ta, ba] = [await sample(tandem), await sample(bare)];
  console.log("Token format check (access token, lifetime, rotation):");
  for (const key of Object.keys(ta)) {
    const same = ta[key] === ba[key];
    console.log(
      `  ${same ? "same" : "DIFF"}  ${key.padEnd(19)} ${ta[key]}${same ? "" : `  vs bare: ${ba[key]}`}`,
    );
    if (!same) problems.push(`${key} tokens differ`);
  }
  if (problems.length) {
    console.log(
      `\nWARNING: the two providers are not configured alike:\n  ${problems.join("\n  ")}`,
    );
  }
  console.log("");
}

// ---------------------------------------------------------------------------------------------
// Measuring.

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
async function measure(server, grant, states, options) {
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

/** Runs `make` `count` times, at most 16 at once; resolves with the results in order. */
async function parallel(count, make, limit = 16) {
  const results = new Array(count);
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await make(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, lane));
  return results;
}

function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function progress(grant, server, round, r) {
  const db = r.databaseCpuMs ? `, database CPU ${(r.databaseCpuMs / r.ops).toFixed(2)} ms` : "";
  process.stderr.write(
    `  ${grant.label}, ${server.label}, round ${round + 1}: ${(r.ops / r.seconds).toFixed(0)} ${grant.unit}, ` +
      `server CPU ${(r.serverCpuMs / r.ops).toFixed(2)} ms each${db} (${((100 * r.serverCpuMs) / (r.seconds * 1000)).toFixed(0)}% of a core), ` +
      `load CPU ${(r.loadCpuMs / r.ops).toFixed(2)} ms each, machine ${(100 * r.machineBusy).toFixed(0)}% busy ` +
      `(others ${r.otherCores.toFixed(2)} cores), ` +
      `p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms\n`,
  );
}

/** `--trace-sql`: the preload in the Tandem process dumps and resets its counts on SIGUSR2. */
async function readSqlTrace(child, file) {
  const before = existsSync(file) ? readFileSync(file, "utf8") : "";
  child.kill("SIGUSR2");
  for (let i = 0; i < 200; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (existsSync(file)) {
      const text = readFileSync(file, "utf8");
      if (text && text !== before) {
        const parsed = JSON.parse(text);
        if (parsed.serial !== undefined) return parsed.counts;
      }
    }
  }
  throw new Error("the SQL trace did not answer");
}

/** Sign-ins per second at Tandem (scrypt included), and one AccountService check in this process. */
async function measurePasswords(tandem, options) {
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
  const database = await kernel.openSqlite(":memory:");
  try {
    await kernel.migrate(database, [kernel.kernelMigrations]);
    const accounts = new kernel.AccountService(database);
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

// ---------------------------------------------------------------------------------------------
// Report.

function summarise(list) {
  const ops = list.reduce((sum, r) => sum + r.ops, 0);
  const seconds = list.reduce((sum, r) => sum + r.seconds, 0);
  const sum = (key) => list.reduce((total, r) => total + r[key], 0);
  return {
    rate: ops / seconds,
    serverCpu: sum("serverCpuMs") / ops,
    databaseCpu: sum("databaseCpuMs") / ops,
    busy: sum("serverCpuMs") / (seconds * 1000),
    loadCpu: sum("loadCpuMs") / ops,
    p50: median(list.map((r) => r.p50)),
    p99: median(list.map((r) => r.p99)),
    sql: mergeSql(list),
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function mergeSql(list) {
  if (!list.every((r) => r.sql)) return undefined;
  const ops = list.reduce((sum, r) => sum + r.sqlOps, 0);
  const total = new Map();
  for (const r of list) {
    for (const [statement, seen] of Object.entries(r.sql)) {
      const sum = total.get(statement) ?? { count: 0, prepareUs: 0, runUs: 0 };
      sum.count += seen.count;
      sum.prepareUs += seen.prepareUs;
      sum.runUs += seen.runUs;
      total.set(statement, sum);
    }
  }
  return [...total.entries()]
    .map(([statement, seen]) => ({
      statement,
      perOp: seen.count / ops,
      prepareMs: seen.prepareUs / 1000 / ops,
      runMs: seen.runUs / 1000 / ops,
    }))
    .sort((a, b) => b.prepareMs + b.runMs - (a.prepareMs + a.runMs) || b.perOp - a.perOp);
}

/** `--cpu-prof`: main-thread time per operation by layer, per grant and server. */
function readProfiles(results, servers, dir) {
  const profiles = {};
  // The measured windows, for a closer look at the profiles (e.g. in Chrome DevTools).
  const windows = Object.entries(results).flatMap(([grant, byServer]) =>
    servers.flatMap((server) =>
      byServer[server.kind].map((r) => ({
        grant,
        server: server.kind,
        pid: server.pid,
        ...r.window,
      })),
    ),
  );
  writeFileSync(join(dir, "windows.json"), `${JSON.stringify(windows, null, 2)}\n`);
  for (const [key, byServer] of Object.entries(results)) {
    profiles[key] = {};
    for (const server of servers) {
      const path = profileOf(dir, server.pid);
      if (!path) throw new Error(`no CPU profile of ${server.label} (pid ${server.pid}) in ${dir}`);
      const runs = byServer[server.kind];
      const layers = layersPerOperation(
        path,
        runs.map((r) => r.window),
      );
      profiles[key][server.kind] = mergeLayers(
        layers,
        runs.map((r) => r.ops),
      );
    }
  }
  return profiles;
}

function report(results, verification, profiles) {
  const cell = (text, width) => String(text).padStart(width);
  console.log(
    `\n${"".padEnd(34)}${cell("tandem", 12)}${cell("bare oidc-provider", 22)}${cell("ratio", 9)}`,
  );
  const verdicts = [];
  for (const [key, { tandem, bare, http }] of Object.entries(results)) {
    const grant = GRANTS[key];
    const t = summarise(tandem);
    const b = summarise(bare);
    const ratio = t.rate / b.rate;
    verdicts.push({ label: grant.label, ratio, t, b });
    console.log(
      `${`${grant.label} ${grant.unit}`.padEnd(34)}${cell(t.rate.toFixed(0), 12)}${cell(b.rate.toFixed(0), 22)}${cell(ratio.toFixed(2), 9)}`,
    );
    const ms = (value) => `${value.toFixed(2)} ms`;
    console.log(
      `${"  server CPU per grant".padEnd(34)}${cell(ms(t.serverCpu), 12)}${cell(ms(b.serverCpu), 22)}${cell((b.serverCpu / t.serverCpu).toFixed(2), 9)}`,
    );
    if (t.databaseCpu > 0) {
      console.log(`${"  + PostgreSQL CPU per grant".padEnd(34)}${cell(ms(t.databaseCpu), 12)}`);
    }
    console.log(
      `${"  server busy (share of a core)".padEnd(34)}${cell(`${(100 * t.busy).toFixed(0)}%`, 12)}${cell(`${(100 * b.busy).toFixed(0)}%`, 22)}`,
    );
    console.log(
      `${"  latency p50 / p99".padEnd(34)}${cell(`${t.p50.toFixed(1)}/${t.p99.toFixed(1)}`, 12)}${cell(`${b.p50.toFixed(1)}/${b.p99.toFixed(1)} ms`, 22)}`,
    );
    if (http) {
      const h = summarise(http);
      console.log(
        `  bare behind Tandem's HTTP layer: ${h.rate.toFixed(0)} ${grant.unit}, server CPU ${ms(h.serverCpu)} ` +
          `(the layer: +${ms(h.serverCpu - b.serverCpu)} per grant; storage and the rest: ` +
          `+${ms(t.serverCpu + t.databaseCpu - h.serverCpu)})`,
      );
    }
    const layers = profiles?.[key];
    if (layers) {
      const owners = [...new Set([...layers.tandem.keys(), ...layers.bare.keys()])]
        .filter((owner) => owner !== "idle")
        .map((owner) => [owner, layers.tandem.get(owner) ?? 0, layers.bare.get(owner) ?? 0])
        .sort((x, y) => y[1] - y[2] - (x[1] - x[2]));
      console.log("  main-thread time per grant, by layer (CPU profile)");
      for (const [owner, tms, bms] of owners) {
        if (tms < 0.005 && bms < 0.005) continue;
        console.log(
          `    ${owner.padEnd(30)}${cell(ms(tms), 12)}${cell(ms(bms), 22)}${cell(`${tms - bms >= 0 ? "+" : ""}${(tms - bms).toFixed(2)}`, 9)}`,
        );
      }
    }
    if (t.sql) {
      const sum = (key) => t.sql.reduce((total, s) => total + s[key], 0);
      const timed = sum("prepareMs") + sum("runMs") > 0;
      console.log(
        `  SQL statements per grant at tandem: ${sum("perOp").toFixed(1)}` +
          (timed
            ? `, ${ms(sum("prepareMs") + sum("runMs"))} in node:sqlite (prepare ${ms(sum("prepareMs"))}, execute ${ms(sum("runMs"))})`
            : ""),
      );
      for (const { statement, perOp, prepareMs, runMs } of t.sql.filter((s) => s.perOp >= 0.05)) {
        const cost = timed ? `${(1000 * (prepareMs + runMs)).toFixed(0).padStart(4)} µs  ` : "";
        console.log(`    ${perOp.toFixed(2).padStart(5)}× ${cost}${statement.slice(0, 140)}`);
      }
    }
  }
  if (verification) {
    const { signIns, checkMs } = verification;
    console.log("\nPassword verification (scrypt N=2^17, r=8, p=1), outside the grant rates above");
    console.log(
      `  sign-ins/s at tandem, ${SIGN_IN_CONCURRENCY} in flight`.padEnd(46) +
        `${(signIns.ops / signIns.seconds).toFixed(1)} verifications/s ` +
        `(server CPU ${(signIns.serverCpuMs / signIns.ops).toFixed(0)} ms each, p50 ${signIns.p50.toFixed(0)} ms)`,
    );
    console.log(
      "  AccountService.checkPassword, one at a time".padEnd(46) +
        `${checkMs.toFixed(0)} ms each = ${(1000 / checkMs).toFixed(1)} verifications/s per core`,
    );
  }
  const runs = Object.values(results).flatMap((byServer) => Object.values(byServer).flat());
  const others = runs.reduce((sum, r) => sum + r.otherCores, 0) / runs.length;
  if (others > 0.2) {
    console.log(
      `\nNote: other processes kept ${others.toFixed(1)} of this machine's ${os.availableParallelism()} CPUs busy ` +
        "during the measurements on average: the rates are lower and noisier than on a quiet machine. " +
        "The CPU per grant (server, plus PostgreSQL's) is the steadier comparison.",
    );
  }
  console.log(`\nTargets (tandem >= ${TARGET_RATIO} × the bare oidc-provider's rate)`);
  for (const { label, ratio, t, b } of verdicts) {
    console.log(
      `  ${ratio >= TARGET_RATIO ? "PASS" : "MISS"}  ${label.padEnd(20)} ${ratio.toFixed(2)} ` +
        `(${t.rate.toFixed(0)} vs ${b.rate.toFixed(0)}/s; by CPU per grant ${(b.serverCpu / (t.serverCpu + t.databaseCpu)).toFixed(2)})`,
    );
  }
}
