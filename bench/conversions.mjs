// Conversions benchmark (issue 11, item 2): "while an import runs, /healthz and the
// collaboration socket keep answering within 50 ms". One Tandem, one ordinary account; GET
// /healthz every 10 ms and an edit every 20 ms between two collaboration sockets, measured
// (a) with the server idle — the peer, the same server with nothing to convert — and (b)
// while that account sends hostile imports back to back (a DOCX whose document.xml unpacks
// to 60 MB, and 2 MB of "a\n\n" Markdown); prints both, their ratio, and whether p95 during
// the imports is within 50 ms. Also the time of an ordinary 1,000-paragraph Markdown import.
//
//   npm run bench -- conversions                  SQLite (the default install)
//   npm run bench -- conversions --postgres       PostgreSQL + Redis
//   npm run bench -- conversions --bounds-lifted  block and character bounds lifted: the
//                                                 Markdown reaches the parser, and only the
//                                                 worker's heap and time limits stop it
//   options: --phase-ms N (default 12000; e.g. 60000 for a longer run)  --imports N (default 5)
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { aParagraphs, docxBomb, ordinaryMarkdown } from "./conversions/files.mjs";
import { LIFTED_BOUNDS, startTandem } from "./conversions/server.mjs";
import { rssMb } from "./docs/servers.mjs";

const TARGET_P95_MS = 50;
const HEALTH_EVERY_MS = 10;
const EDIT_EVERY_MS = 20;

export async function run(args) {
  const options = parseArgs(args);
  const started = performance.now();
  const files = {
    docx: docxBomb(60),
    markdown: aParagraphs(),
    ordinary: ordinaryMarkdown(),
  };
  const tandem = await startTandem({
    postgres: options.postgres,
    env: options.boundsLifted ? LIFTED_BOUNDS : {},
  });
  console.log(
    `Conversions benchmark — Node ${process.version}, Tandem on ${tandem.backendLabel}` +
      `${options.boundsLifted ? ", block and character bounds lifted" : ""}; ${options.phaseMs} ms per phase, ` +
      `/healthz every ${HEALTH_EVERY_MS} ms and an edit every ${EDIT_EVERY_MS} ms (open loop)\n` +
      `files: DOCX ${kb(files.docx.length)} unpacking to 60 MB (made in ${(performance.now() - started).toFixed(0)} ms), ` +
      `Markdown ${kb(files.markdown.length)} of "a\\n\\n", ordinary Markdown ${kb(files.ordinary.length)} (1,000 paragraphs)\n`,
  );
  const probes = await startProbes(tandem);
  try {
    // Unmeasured: the server's and the probes' first seconds (JIT, pools) stay out of (a).
    await probes.measure(Math.min(3000, options.phaseMs / 4));
    const idle = await phase(tandem, probes, options);
    await ordinaryImports(tandem, files.ordinary, options.imports);
    const hostile = await phase(tandem, probes, options, () => hostileLoop(tandem, files));
    report(idle, hostile);
  } finally {
    probes.close();
    await tandem.stop();
  }
}

/** One measuring window of the probes, with `load` running meanwhile when given. */
async function phase(tandem, probes, options, load) {
  let peakRss = rssMb(tandem.pid);
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, rssMb(tandem.pid));
  }, 250);
  const running = load?.();
  const result = await probes.measure(options.phaseMs);
  running?.stop();
  const imports = await running?.done;
  clearInterval(sampler);
  return { ...result, peakRss, imports };
}

/** The hostile files, one after the other (one at a time per account: a second is a 429). */
function hostileLoop(tandem, files) {
  let stopped = false;
  const done = (async () => {
    const imports = { docx: [], markdown: [] };
    const started = performance.now();
    let busy = 0;
    while (!stopped) {
      for (const format of ["docx", "markdown"]) {
        if (stopped) break;
        const answer = await tandem.importFile(format, files[format]).catch((error) => ({
          status: "no answer",
          message: error.cause?.code ?? error.message,
          ms: 0,
        }));
        imports[format].push(answer);
        busy += answer.ms;
        // The server is gone (or refusing connections): the probes will say so.
        if (answer.status === "no answer") stopped = true;
      }
    }
    return { ...imports, busyShare: busy / (performance.now() - started) };
  })();
  return {
    stop: () => {
      stopped = true;
    },
    done,
  };
}

async function ordinaryImports(tandem, markdown, runs) {
  const times = [];
  for (let i = 0; i <= runs; i++) {
    const answer = await tandem.importFile("markdown", markdown);
    if (answer.status !== 201) {
      throw new Error(`ordinary import: ${answer.status} ${answer.message ?? ""}`);
    }
    times.push(answer.ms);
  }
  const [first, ...rest] = times;
  const sorted = rest.sort((a, b) => a - b);
  console.log(
    `ordinary import, 1,000 Markdown paragraphs → 201: first ${ms(first)} (starts the conversion worker)` +
      (sorted.length
        ? `, then median ${ms(sorted[Math.floor(sorted.length / 2)])} (min ${ms(sorted[0])}, max ${ms(sorted.at(-1))}, ${sorted.length} more)`
        : "") +
      "\n",
  );
}

function report(idle, hostile) {
  for (const format of ["docx", "markdown"]) {
    const answers = hostile.imports[format];
    const statuses = {};
    for (const answer of answers) statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
    const times = answers.map((answer) => answer.ms).sort((a, b) => a - b);
    const label = format === "docx" ? "DOCX unpacking to 60 MB" : "2 MB Markdown";
    if (answers.length === 0) {
      console.log(`during (b): ${label} not reached (the file before it ran past the phase)`);
      continue;
    }
    console.log(
      `during (b): ${answers.length} × ${label}, answered ${Object.entries(statuses)
        .map(([status, count]) => `${status} ×${count}`)
        .join(", ")}` +
        (times.length ? `, median ${ms(times[Math.floor(times.length / 2)])}` : "") +
        (answers[0]?.message ? ` — "${answers[0].message}"` : ""),
    );
  }
  console.log(
    `an import in flight ${(hostile.imports.busyShare * 100).toFixed(0)}% of phase (b); ` +
      `server peak RSS ${idle.peakRss.toFixed(0)} MB idle, ${hostile.peakRss.toFixed(0)} MB during imports\n`,
  );
  console.log(
    "probe                  | (a) idle p50 / p95 / p99 / max ms  | (b) imports p50 / p95 / p99 / max ms | p95 (b)/(a) | lost a / b",
  );
  const verdicts = [];
  for (const [key, label] of [
    ["health", "GET /healthz"],
    ["collab", "edit, socket to socket"],
  ]) {
    const a = idle[key];
    const b = hostile[key];
    console.log(
      [
        label.padEnd(22),
        `${row(a)} (${a.count})`.padEnd(35),
        `${row(b)} (${b.count})`.padEnd(37),
        (a.p95 && b.p95 ? `×${(b.p95 / a.p95).toFixed(2)}` : "—").padStart(11),
        `${a.failed} / ${b.failed}`,
      ].join(" | "),
    );
    const met = b.failed === 0 && b.p95 <= TARGET_P95_MS;
    verdicts.push(`${label}: p95 ${fmt(b.p95)} ms ${met ? "met" : "MISSED"}`);
  }
  console.log(`\ntarget, p95 during imports <= ${TARGET_P95_MS} ms — ${verdicts.join("; ")}`);
}

function startProbes(tandem) {
  const child = fork(fileURLToPath(new URL("./conversions/probes.mjs", import.meta.url)));
  const next = (type) =>
    new Promise((resolve, reject) => {
      const onExit = (code) => reject(new Error(`probes exited with ${code}`));
      child.once("exit", onExit);
      const onMessage = (message) => {
        if (message.type !== type) return;
        child.off("message", onMessage);
        child.off("exit", onExit);
        resolve(message);
      };
      child.on("message", onMessage);
    });
  return tandem.newDocument().then(async (documentName) => {
    const ready = next("ready");
    child.send({
      type: "open",
      url: tandem.url,
      collabUrl: tandem.collabUrl,
      documentName,
      token: tandem.token,
    });
    await ready;
    // The probes' first connections and the document's first load stay out of phase (a).
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return {
      measure: (durationMs) => {
        const result = next("result");
        child.send({
          type: "measure",
          durationMs,
          healthEveryMs: HEALTH_EVERY_MS,
          editEveryMs: EDIT_EVERY_MS,
        });
        return result;
      },
      close: () => child.connected && child.send({ type: "close" }),
    };
  });
}

const fmt = (value) => (Number.isFinite(value) ? value.toFixed(1) : "—");
const row = (s) => `${fmt(s.p50)} / ${fmt(s.p95)} / ${fmt(s.p99)} / ${fmt(s.max)}`;
const ms = (value) => `${value.toFixed(0)} ms`;
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;

function parseArgs(args) {
  const options = { postgres: false, boundsLifted: false, phaseMs: 12_000, imports: 5 };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--postgres") options.postgres = true;
    else if (arg === "--bounds-lifted") options.boundsLifted = true;
    else if (arg === "--phase-ms") options.phaseMs = Number(args[++i]);
    else if (arg === "--imports") options.imports = Number(args[++i]);
    else throw new Error(`unknown option ${arg}`);
  }
  if (!(options.phaseMs >= 1000)) throw new Error("--phase-ms must be at least 1000");
  if (!(options.imports >= 0)) throw new Error("--imports must be 0 or more");
  return options;
}
