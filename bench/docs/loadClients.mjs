// The benchmark's client process: N lean editors on one document, each typing 4 characters
// every 400 ms; measures, for every edit, its arrival at every other editor. Run by
// bench/docs.mjs through fork(); answers over IPC.
import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { LeanEditor } from "./wire.mjs";

const EDIT_CHARS = 4;
const EVERY_MS = 400;
const BUCKET_MS = 0.1;
const BUCKETS = 100_000;

process.once("message", async (task) => {
  process.send(await runLoad(task));
  process.exit(0);
});

async function runLoad({ url, protocol, documentName, token, editors, warmupMs, measureMs }) {
  const sentAt = new Map();
  const histogram = new Uint32Array(BUCKETS + 1);
  let window = { start: Number.POSITIVE_INFINITY, end: Number.POSITIVE_INFINITY };
  let delivered = 0;
  let expected = 0;

  const receive = (self) => (update) => {
    const now = performance.now();
    const { from, to } = Y.parseUpdateMeta(update);
    for (const [client, end] of to) {
      if (client === self.doc.clientID) continue;
      const times = sentAt.get(client);
      if (!times) continue;
      const start = from.get(client) ?? 0;
      for (
        let clock = Math.ceil(start / EDIT_CHARS) * EDIT_CHARS;
        clock < end;
        clock += EDIT_CHARS
      ) {
        const t0 = times[clock / EDIT_CHARS];
        if (t0 === undefined || t0 < window.start || t0 > window.end) continue;
        delivered += 1;
        histogram[Math.min(BUCKETS, Math.floor((now - t0) / BUCKET_MS))] += 1;
      }
    }
  };

  const clients = [];
  for (let i = 0; i < editors; i += 25) {
    const batch = [];
    for (let j = i; j < Math.min(editors, i + 25); j++) {
      batch.push(
        new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`editor ${j} did not sync`)), 30_000);
          const editor = new LeanEditor({
            url,
            protocol,
            documentName,
            token,
            onChange: (update) => receive(editor)(update),
            onReady: () => {
              clearTimeout(timer);
              resolve(editor);
            },
          });
        }),
      );
    }
    clients.push(...(await Promise.all(batch)));
  }

  const timers = [];
  for (const editor of clients) {
    const times = [];
    sentAt.set(editor.doc.clientID, times);
    const tick = () => {
      const { clock } = editor.type("abcd");
      const now = performance.now();
      times[clock / EDIT_CHARS] = now;
      if (now >= window.start && now <= window.end) expected += editors - 1;
    };
    timers.push(
      setTimeout(() => {
        tick();
        timers.push(setInterval(tick, EVERY_MS));
      }, Math.random() * EVERY_MS),
    );
  }

  await sleep(warmupMs);
  const cpuBefore = process.cpuUsage();
  window = { start: performance.now(), end: performance.now() + measureMs };
  await sleep(measureMs);
  const cpu = process.cpuUsage(cpuBefore);
  for (const timer of timers) clearInterval(timer);
  // Late arrivals of edits sent inside the window still count, up to a grace period.
  await sleep(2_000);
  for (const editor of clients) editor.close();

  return {
    editors,
    p50: percentile(histogram, delivered, 0.5),
    p95: percentile(histogram, delivered, 0.95),
    p99: percentile(histogram, delivered, 0.99),
    delivered: expected ? delivered / expected : 0,
    clientCpu: (cpu.user + cpu.system) / 1000 / measureMs,
  };
}

function percentile(histogram, count, q) {
  if (count === 0) return Number.NaN;
  const rank = Math.ceil(q * count);
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    seen += histogram[i];
    if (seen >= rank) return (i + 1) * BUCKET_MS;
  }
  return Number.POSITIVE_INFINITY;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
