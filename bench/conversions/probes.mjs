// The conversions benchmark's probe process, apart from the process that sends the imports:
// GET /healthz and one edit travelling between two collaboration sockets, each sent on a
// fixed schedule whether or not the previous one was answered (open loop), so a stalled
// server shows in every probe it holds up, not only in one. Run by bench/conversions.mjs
// through fork(); answers over IPC.
import http from "node:http";
import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { LeanEditor } from "../docs/wire.mjs";

const EDIT_CHARS = 4;
const PROBE_TIMEOUT_MS = 10_000;

let editors;
let target;

process.on("message", async (message) => {
  if (message.type === "open") {
    target = message;
    editors = await openPair(message);
    process.send({ type: "ready" });
  } else if (message.type === "measure") {
    const [health, collab] = await Promise.all([
      probeHealth(message.durationMs, message.healthEveryMs),
      probeCollab(message.durationMs, message.editEveryMs),
    ]);
    process.send({ type: "result", health, collab });
  } else if (message.type === "close") {
    for (const editor of editors ?? []) editor.close();
    process.exit(0);
  }
});

/** GET /healthz on a new connection each time, as a load balancer's check does. */
async function probeHealth(durationMs, everyMs) {
  const latencies = [];
  let failed = 0;
  const inFlight = new Set();
  const probe = () => {
    const started = performance.now();
    const done = new Promise((resolve) => {
      const request = http.get(`${target.url}/healthz`, { agent: false }, (response) => {
        response.resume();
        response.on("end", () => {
          if (response.statusCode === 200) latencies.push(performance.now() - started);
          else failed += 1;
          resolve();
        });
      });
      request.setTimeout(PROBE_TIMEOUT_MS, () => request.destroy());
      request.on("error", () => {
        failed += 1;
        resolve();
      });
    });
    inFlight.add(done);
    done.then(() => inFlight.delete(done));
  };
  await onSchedule(durationMs, everyMs, probe);
  await Promise.all(inFlight);
  return { ...summary(latencies), failed };
}

/** The writer types 4 characters each time; the time until the reader receives them. */
async function probeCollab(durationMs, everyMs) {
  const [writer, reader] = editors;
  const sentAt = [];
  const latencies = [];
  reader.onUpdate = (update) => {
    const now = performance.now();
    const { from, to } = Y.parseUpdateMeta(update);
    const end = to.get(writer.doc.clientID);
    if (end === undefined) return;
    const start = from.get(writer.doc.clientID) ?? 0;
    for (let clock = Math.ceil(start / EDIT_CHARS) * EDIT_CHARS; clock < end; clock += EDIT_CHARS) {
      const t0 = sentAt[clock / EDIT_CHARS];
      if (t0 === undefined) continue;
      latencies.push(now - t0);
      sentAt[clock / EDIT_CHARS] = undefined;
    }
  };
  let sent = 0;
  await onSchedule(durationMs, everyMs, () => {
    const { clock } = writer.type("abcd");
    sentAt[clock / EDIT_CHARS] = performance.now();
    sent += 1;
  });
  // Edits sent inside the window still count when they arrive late, up to the probe timeout.
  const deadline = performance.now() + PROBE_TIMEOUT_MS;
  while (latencies.length < sent && performance.now() < deadline) await sleep(20);
  reader.onUpdate = undefined;
  return { ...summary(latencies), failed: sent - latencies.length };
}

/** Calls `tick` every `everyMs` for `durationMs`, on a schedule that does not drift. */
async function onSchedule(durationMs, everyMs, tick) {
  const start = performance.now();
  for (let n = 0; n * everyMs < durationMs; n++) {
    const wait = start + n * everyMs - performance.now();
    if (wait > 0) await sleep(wait);
    tick();
  }
}

function openPair({ collabUrl, documentName, token }) {
  const open = () =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("editor did not sync")), 30_000);
      const editor = new LeanEditor({
        url: collabUrl,
        protocol: "hocuspocus",
        documentName,
        token,
        onChange: (update) => editor.onUpdate?.(update),
        onReady: () => {
          clearTimeout(timer);
          resolve(editor);
        },
      });
    });
  return Promise.all([open(), open()]);
}

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return {
    count: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted.at(-1),
  };
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
