// The identity benchmark's report: rates, CPU per grant and latencies side by side, the ratio to
// the bare provider against the target, and what --trace-sql and --cpu-prof found.
import { writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { GRANTS } from "./grants.mjs";
import { SIGN_IN_CONCURRENCY } from "./measure.mjs";
import { layersPerOperation, mergeLayers, profileOf } from "./profile.mjs";

const TARGET_RATIO = 0.7;

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
export function readProfiles(results, servers, dir) {
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

export function report(results, verification, profiles) {
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
    // Round i of each server ran back to back: their ratio shows how far one pair can wander.
    const pairs = tandem.map((r, i) => r.ops / r.seconds / (bare[i].ops / bare[i].seconds));
    console.log(
      `${"  ratio round by round".padEnd(34)}${pairs.map((x) => x.toFixed(2)).join("  ")}`,
    );
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
