// Identity benchmark: grants per second at Tandem's OpenID provider, side by side with a bare
// oidc-provider on its in-memory adapter (the ceiling of our stack), each in its own process,
// driven the same way from this one.
//
//   npm run bench -- identity              Tandem on SQLite + in-process pub/sub (the default install)
//   npm run bench -- identity --postgres   Tandem on PostgreSQL + Redis (TANDEM_TEST_DATABASE_URL and
//                                          TANDEM_TEST_REDIS_URL, default 127.0.0.1); a fresh database,
//                                          dropped at the end
//   options: --duration S (measured seconds per server and grant, default 5), --warmup S (default 5:
//            Tandem, with more code to optimise, takes longer than the bare provider to settle: after
//            3 s its first refresh round still ran at 0.6 of its later ones),
//            --concurrency N (requests in flight, default 16), --rounds N (default 4:
//            the bare provider's own rate moves by a fifth between rounds on a shared machine),
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
// Tokens are as Tandem issues them, on both sides (identity/equivalence.mjs checks it): opaque
// access and refresh tokens, stored by the provider (Tandem configures no resource indicators,
// so no JWT access tokens), RS256 ID tokens. At Tandem every token is committed to the database
// before the response leaves; the bare provider keeps them in memory.
// Each request in flight takes its chains or sessions in turn (--sessions of them), as many users
// would: oidc-provider's in-memory adapter rewrites a grant's index of tokens on every save, so
// a handful of grants collecting thousands of tokens would slow the peer down as the run goes on.
// Password hashing is outside those rates: it is reported on its own, as sign-ins per second at
import { existsSync, mkdirSync } from "node:fs";
import os from "node:os";
import { resolve as resolvePath } from "node:path";
import { checkEquivalence } from "./identity/equivalence.mjs";
import { GRANTS } from "./identity/grants.mjs";
import { measure, measurePasswords, progress } from "./identity/measure.mjs";
import { readProfiles, report } from "./identity/report.mjs";
import { startBare, startTandem } from "./identity/servers.mjs";
import { postgresBackend, sqliteBackend } from "./shared/backends.mjs";
import { cliPath } from "./shared/processes.mjs";

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
    warmup: 5,
    concurrency: 16,
    sessions: 16,
    rounds: 4,
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
