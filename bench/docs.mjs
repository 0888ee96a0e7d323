// Docs benchmark: N editors typing into one document, each 4 characters every 400 ms;
// p50/p95 latency from an edit to its arrival at every other editor, on Tandem (every
// update persisted before it is relayed) and on the reference y-websocket server (memory
// only), run side by side; then memory for 1,000 open documents and the time to open a
// document whose Yjs state is 1 MB.
//
//   npm run bench -- docs                 SQLite (the default install)
//   npm run bench -- docs --postgres      PostgreSQL + Redis
//   options: --sizes 50,100,200,400  --measure-ms 8000  --warmup-ms 2000  --skip-load
import { fork } from "node:child_process";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { rssMb, startPeer, startTandem } from "./docs/servers.mjs";
import { LeanEditor } from "./docs/wire.mjs";

const CEILING_P95_MS = 250;
const TARGET_P95_AT_100_MS = 50;
const TARGET_RATIO = 1.5;
const TARGET_MEMORY_MB = 150;
const TARGET_OPEN_MS = 100;

export async function run(args) {
  const options = parseArgs(args);
  const tandem = await startTandem({ postgres: options.postgres });
  const peer = await startPeer();
  console.log(
    `Docs benchmark — Node ${process.version}, Tandem on ${options.postgres ? "PostgreSQL + Redis" : "SQLite"}, ` +
      `peer @y/websocket-server; ${options.measureMs} ms measured per run after ${options.warmupMs} ms\n`,
  );
  try {
    // Memory first, while the servers are fresh: after the load phase their heaps have grown,
    // and "above idle" would measure nothing.
    await memoryPhase(tandem, peer);
    await openPhase(tandem, peer);
    if (!options.skipLoad) await loadPhase(options, tandem, peer);
  } finally {
    await tandem.stop();
    await peer.stop();
  }
}

async function loadPhase(options, tandem, peer) {
  console.log(
    "editors | Tandem p50 / p95 ms | y-websocket p50 / p95 ms | p95 ratio | delivered T / y | client CPU T / y",
  );
  const ceilings = { Tandem: undefined, "y-websocket": undefined };
  const failed = { Tandem: false, "y-websocket": false };
  for (const editors of options.sizes) {
    const results = {};
    for (const server of [tandem, peer]) {
      results[server.name] = failed[server.name] ? undefined : await load(server, editors, options);
      const p95 = results[server.name]?.p95;
      if (p95 !== undefined && !(p95 <= CEILING_P95_MS)) failed[server.name] = true;
      else if (p95 !== undefined) ceilings[server.name] = editors;
    }
    const t = results.Tandem;
    const y = results["y-websocket"];
    console.log(
      [
        String(editors).padStart(7),
        t ? `${fmt(t.p50)} / ${fmt(t.p95)}`.padStart(19) : "(past ceiling)".padStart(19),
        y ? `${fmt(y.p50)} / ${fmt(y.p95)}`.padStart(24) : "(past ceiling)".padStart(24),
        t && y ? `x${(t.p95 / y.p95).toFixed(2)}`.padStart(9) : "".padStart(9),
        `${pct(t?.delivered)} / ${pct(y?.delivered)}`.padStart(16),
        `${pct(t?.clientCpu)} / ${pct(y?.clientCpu)}`,
      ].join(" | "),
    );
    if (editors === 100 && t) {
      console.log(
        `        target at 100 editors: Tandem p95 <= ${TARGET_P95_AT_100_MS} ms — ${t.p95 <= TARGET_P95_AT_100_MS ? "met" : "MISSED"}`,
      );
    }
    if (t && y) {
      const ratio = t.p95 / y.p95;
      if (ratio > TARGET_RATIO)
        console.log(`        p95 ratio above x${TARGET_RATIO}: MISSED at ${editors}`);
    }
  }
  const top = options.sizes.at(-1);
  const show = (name) =>
    failed[name]
      ? `${ceilings[name] ?? `< ${options.sizes[0]}`} editors`
      : `>= ${top} editors (not reached)`;
  console.log(
    `\nceiling (largest N with p95 <= ${CEILING_P95_MS} ms): Tandem ${show("Tandem")}, y-websocket ${show("y-websocket")}` +
      " — client CPU is % of one core; the editors share the 2 cores with the server\n",
  );
}

function load(server, editors, options) {
  return server.newDocument().then(
    ({ url, documentName }) =>
      new Promise((resolve, reject) => {
        const child = fork(fileURLToPath(new URL("./docs/loadClients.mjs", import.meta.url)));
        child.once("message", resolve);
        child.once("error", reject);
        child.once(
          "exit",
          (code) => code !== 0 && reject(new Error(`clients exited with ${code}`)),
        );
        child.send({
          url,
          protocol: server.protocol,
          documentName,
          token: server.token,
          editors,
          warmupMs: options.warmupMs,
          measureMs: options.measureMs,
        });
      }),
  );
}

/** 1,000 small documents held open, each by one editor: server memory above idle. */
async function memoryPhase(tandem, peer) {
  for (const server of [tandem, peer]) {
    const targets = [];
    for (let i = 0; i < 1000; i++) targets.push(await server.newDocument());
    await settle();
    const idle = rssMb(server.pid);
    const editors = [];
    for (let i = 0; i < targets.length; i += 50) {
      editors.push(
        ...(await Promise.all(targets.slice(i, i + 50).map((t) => openEditor(server, t)))),
      );
    }
    for (const editor of editors) editor.type("Compte rendu de la réunion du lundi. ".repeat(5));
    await settle();
    const held = rssMb(server.pid);
    console.log(
      `1,000 open small documents, ${server.name}: ${(held - idle).toFixed(0)} MB above idle (${idle.toFixed(0)} → ${held.toFixed(0)} MB)` +
        (server === tandem
          ? ` — target <= ${TARGET_MEMORY_MB} MB: ${held - idle <= TARGET_MEMORY_MB ? "met" : "MISSED"}`
          : ""),
    );
    for (const editor of editors) editor.close();
    await settle();
  }
}

/** A document whose Yjs state is 1 MB, opened by a new editor (median of 5). */
async function openPhase(tandem, peer) {
  for (const server of [tandem, peer]) {
    const target = await server.newDocument();
    const writer = await openEditor(server, target);
    const chunk = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(180);
    for (let i = 0; i < 100; i++) writer.type(chunk);
    await settle(2000);
    writer.close();
    await settle(500);
    const times = [];
    let size = 0;
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const reader = await openEditor(server, target, (state) => {
        size = state.length;
      });
      times.push(performance.now() - started);
      reader.close();
      await settle(300);
    }
    times.sort((a, b) => a - b);
    console.log(
      `open a ${(size / 1e6).toFixed(2)} MB document, ${server.name}: ${times[2].toFixed(0)} ms (median of 5)` +
        (server === tandem
          ? ` — target <= ${TARGET_OPEN_MS} ms: ${times[2] <= TARGET_OPEN_MS ? "met" : "MISSED"}`
          : ""),
    );
  }
}

function openEditor(server, { url, documentName }, onState) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("editor did not sync")), 30_000);
    const editor = new LeanEditor({
      url,
      protocol: server.protocol,
      documentName,
      token: server.token,
      onChange: () => {},
      onReady: (state) => {
        clearTimeout(timer);
        onState?.(state);
        resolve(editor);
      },
    });
  });
}

const settle = (ms = 1000) => new Promise((resolve) => setTimeout(resolve, ms));
const fmt = (ms) => (Number.isFinite(ms) ? ms.toFixed(1) : "—");
const pct = (value) => (value === undefined ? "—" : `${(value * 100).toFixed(0)}%`);

function parseArgs(args) {
  const options = {
    postgres: false,
    sizes: [50, 100, 200, 400],
    measureMs: 8000,
    warmupMs: 2000,
    skipLoad: false,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--postgres") options.postgres = true;
    else if (arg === "--skip-load") options.skipLoad = true;
    else if (arg === "--sizes") options.sizes = args[++i].split(",").map(Number);
    else if (arg === "--measure-ms") options.measureMs = Number(args[++i]);
    else if (arg === "--warmup-ms") options.warmupMs = Number(args[++i]);
    else throw new Error(`unknown option ${arg}`);
  }
  return options;
}
