// The identity benchmark's two servers, each in a process of its own: `tandem serve` on the
// chosen backend, with one client registered and an administrator signed in, and the bare
// oidc-provider (bareProvider.mjs) loaded with the same client.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cliPath, runCli, spawnNode, stopChild, waitForOutput } from "../shared/processes.mjs";
import { Browser, clientAuth, REDIRECT_URI, Target } from "./client.mjs";

const bareScript = fileURLToPath(new URL("./bareProvider.mjs", import.meta.url));
const sqlTraceScript = fileURLToPath(new URL("./sqlTrace.mjs", import.meta.url));

/** `tandem serve` run by Node itself (no npm or shell in between), so its pid is the server's. */
export async function startTandem(store, options) {
  const env = {
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
  const started = spawnNode([...nodeArgs, cliPath, "serve"], { env, cwd: store.base });
  const { child, output } = started;
  const match = await waitForOutput(
    started,
    /Tandem is running at (\S+) \(listening on \S+\)/,
    "tandem serve",
  );
  const url = match[1];
  const email = /^ {2}E-mail: +(\S+)$/m.exec(output())?.[1];
  const password = /^ {2}Password: +(\S+)$/m.exec(output())?.[1];
  if (!email || !password) throw new Error(`no first-admin banner:\n${output()}`);

  const added = await runCli(["client", "add", "--name", "bench", "--redirect-uri", REDIRECT_URI], {
    env,
    cwd: store.base,
  });
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

export async function startBare(clientMetadata, options, cwd, { viaTandemHttp = false } = {}) {
  const nodeArgs = [...options.nodeOptions];
  if (options.cpuProf) nodeArgs.push("--cpu-prof", `--cpu-prof-dir=${options.cpuProf}`);
  const started = spawnNode([...nodeArgs, bareScript], {
    env: {
      BENCH_CLIENT: JSON.stringify(clientMetadata),
      ...(viaTandemHttp ? { BENCH_HTTP: "tandem" } : {}),
    },
    cwd,
  });
  const { child, output } = started;
  const match = await waitForOutput(started, /listening on (\d+)/, "the bare oidc-provider");
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

async function stop(child, target) {
  target.close();
  await stopChild(child);
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
