import { Worker } from "node:worker_threads";

/**
 * Checkpoints a SQLite database's write-ahead log from a worker thread, on a connection of its
 * own, instead of at the end of whichever commit on the main connection filled the log.
 *
 * A checkpoint copies the log back into the database file and fsyncs both (with
 * synchronous=NORMAL it is the only fsync WAL mode does): done on the main thread, every
 * request in flight waited for the disk, and that was most of what a token cost on SQLite.
 * Durability is unchanged: a commit is in the log (written, not fsynced) before anyone hears
 * of it, so it survives the process crashing; a power cut can lose what the last checkpoint
 * (at most `intervalMs` ago, or SAFETY_NET_PAGES on the main connection) did not sync, as it
 * could before. A PASSIVE checkpoint waits for no reader or writer, so the main connection
 * never waits for this one.
 */
export function startCheckpointer(path: string, intervalMs = 1000): { stop(): Promise<void> } {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, intervalMs } });
  // A failed checkpoint is retried at the next tick; a worker that dies leaves the main
  // connection's own, rarer, checkpoints (SAFETY_NET_PAGES).
  worker.on("error", () => {});
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  return {
    // Resolves once the worker's last checkpoint is done and its connection closed: until
    // then it still writes the database's files, which must not be moved or deleted.
    stop: () => {
      worker.postMessage("stop");
      return exited;
    },
  };
}

/**
 * What the main connection keeps as its own checkpoint threshold (in pages of the log) once the
 * worker runs: reached only if the worker falls behind or is gone.
 */
export const SAFETY_NET_PAGES = 10_000;

const WORKER_SOURCE = `
const { DatabaseSync } = require("node:sqlite");
const { parentPort, workerData } = require("node:worker_threads");
const db = new DatabaseSync(workerData.path);
db.exec("PRAGMA busy_timeout = 1000");
db.exec("PRAGMA synchronous = NORMAL");
const checkpoint = db.prepare("PRAGMA wal_checkpoint(PASSIVE)");
const tick = () => {
  try {
    checkpoint.get();
  } catch {}
};
// A worker thread of its own (no Scheduler, no logger here): a checkpoint that fails (the
// database busy) is simply the next tick's to do.
const timer = setInterval(tick, workerData.intervalMs);
parentPort.on("message", () => {
  clearInterval(timer);
  tick();
  db.close();
  parentPort.close();
});
`;
