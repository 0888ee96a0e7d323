// `npm run bench -- identity --cpu-prof DIR`: both servers run with `node --cpu-prof`; once they
// have exited, this reads their profiles and splits each measured window's samples by owner:
// each sample goes to the nearest frame up its stack that belongs to a layer named below
// (SQLite calls, Kysely, Tandem's code, oidc-provider, Koa, Fastify…), so time spent in Node's
// internals (crypto, streams, sockets) counts for the layer that asked for it.
//
// V8 samples wall time on the main thread: where the machine is short of CPU, a thread that
// waits to be scheduled is sampled where it stopped (often a socket write). The per-grant
// figures are therefore "main-thread time", comparable between the two servers of one run.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const LAYERS = [
  ["SQLite (node:sqlite calls)", (url) => /\/storage\/(nodeSqliteDatabase|prepared)\.js/.test(url)],
  ["pg driver", (url) => /node_modules\/(pg|pg-protocol|pg-pool|pg-types|pgpass)\//.test(url)],
  ["Kysely", (url) => url.includes("node_modules/kysely/")],
  ["Tandem identity", (url) => url.includes("/packages/identity/dist/")],
  ["Tandem kernel", (url) => url.includes("/packages/kernel/dist/")],
  ["Tandem server", (url) => url.includes("/packages/server/dist/")],
  ["jose", (url) => url.includes("node_modules/jose/")],
  ["oidc-provider", (url) => url.includes("node_modules/oidc-provider/")],
  [
    "Koa (oidc-provider's app)",
    (url) =>
      /node_modules\/(koa|@koa|koa-compose|delegates|vary|statuses|http-errors|cookies|keygrip|accepts|type-is|content-type|content-disposition|raw-body|on-finished|negotiator|mime-types|http-assert|encodeurl|escape-html|depd|destroy)\//.test(
        url,
      ),
  ],
  [
    "logging (pino)",
    (url) => /node_modules\/(pino|pino-std-serializers|sonic-boom|thread-stream)\//.test(url),
  ],
  [
    "Fastify (routing, hooks, helmet)",
    (url) =>
      /node_modules\/(fastify|@fastify|find-my-way|avvio|helmet|light-my-request|fast-json-stringify|fast-querystring|toad-cache|abstract-logging|process-warning|secure-json-parse|fast-decode-uri-component|rfdc|safe-regex2|ret|prom-client)\//.test(
        url,
      ),
  ],
  ["other packages", (url) => url.includes("node_modules/")],
  ["Node HTTP, streams, sockets", (url) => url.startsWith("node:")],
];

/** Profiles in `dir` written by the process `pid` (Node names them CPU.<date>.<time>.<pid>.…). */
export function profileOf(dir, pid) {
  const file = readdirSync(dir).find(
    // Thread 0: the main thread (Tandem's SQLite checkpoints run in a worker of their own).
    (name) => name.includes(`.${pid}.0.`) && name.endsWith(".cpuprofile"),
  );
  return file ? join(dir, file) : undefined;
}

/**
 * Main-thread milliseconds per operation by layer, for each window
 * ({ startUs, endUs, ops } on the monotonic clock the profile uses).
 */
export function layersPerOperation(path, windows) {
  const profile = JSON.parse(readFileSync(path, "utf8"));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parents.set(child, node.id);
  const owners = new Map();
  const ownerOf = (id) => {
    let owner = owners.get(id);
    if (owner) return owner;
    const { functionName, url } = nodes.get(id).callFrame;
    if (functionName === "(idle)") owner = "idle";
    else if (functionName === "(garbage collector)") owner = "garbage collection";
    else if (functionName === "(program)") owner = "V8 (program)";
    else {
      owner = LAYERS.find(([, matches]) => matches(url))?.[0];
      if (!owner || owner === "Node HTTP, streams, sockets") {
        // Internals (and natives) belong to the nearest layer above them, if any.
        const parent = parents.get(id);
        const above = parent === undefined ? undefined : ownerOf(parent);
        owner =
          above && !["idle", "root", "V8 (program)"].includes(above) ? above : (owner ?? "root");
      }
    }
    owners.set(id, owner);
    return owner;
  };

  const results = windows.map(() => new Map());
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i];
    const spent = profile.timeDeltas[i + 1] ?? 0;
    const index = windows.findIndex((w) => at >= w.startUs && at < w.endUs);
    if (index < 0) continue;
    const owner = ownerOf(profile.samples[i]);
    results[index].set(owner, (results[index].get(owner) ?? 0) + spent);
  }
  return results.map((totals, i) => {
    const perOp = new Map();
    for (const [owner, us] of totals) perOp.set(owner, us / 1000 / windows[i].ops);
    return perOp;
  });
}

/** Adds up several windows' per-operation figures, weighted by their operations. */
export function mergeLayers(list, weights) {
  const total = weights.reduce((sum, w) => sum + w, 0);
  const merged = new Map();
  list.forEach((perOp, i) => {
    for (const [owner, ms] of perOp)
      merged.set(owner, (merged.get(owner) ?? 0) + (ms * weights[i]) / total);
  });
  return merged;
}
