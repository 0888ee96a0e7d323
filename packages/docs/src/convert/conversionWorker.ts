import { parentPort } from "node:worker_threads";
import type { ConversionBounds } from "./bounds.js";
import { type ExportFormat, exportFile, type ImportFormat, importFile } from "./conversions.js";
import { lowerThisThreadsPriority } from "./lowerPriority.js";
import { TooComplexFile, TooLargeFile, UnreadableFile } from "./UnreadableFile.js";

/**
 * The conversion worker's entry: one job at a time from ConversionPool, answered with the
 * result's bytes or with what went wrong, as plain data.
 */

export type ConversionJob =
  | { kind: "import"; format: ImportFormat; bytes: Uint8Array; bounds: ConversionBounds }
  | { kind: "export"; format: ExportFormat; state: Uint8Array; title: string };

export type JobFailure = "too-large" | "too-complex" | "unreadable" | "failed";

export type JobAnswer =
  | { ok: true; body: Uint8Array | string; title?: string }
  | { ok: false; failure: JobFailure; message: string };

async function run(job: ConversionJob): Promise<JobAnswer> {
  if (job.kind === "import") {
    const { update, title } = await importFile(job.format, job.bytes, job.bounds);
    return { ok: true, body: update, title };
  }
  return { ok: true, body: await exportFile(job.state, job.title, job.format) };
}

function failureOf(error: unknown): JobAnswer {
  if (error instanceof TooLargeFile)
    return { ok: false, failure: "too-large", message: error.message };
  if (error instanceof TooComplexFile) {
    return { ok: false, failure: "too-complex", message: error.message };
  }
  if (error instanceof UnreadableFile) {
    return { ok: false, failure: "unreadable", message: error.message };
  }
  // Recursive parsers (remark, xmldom, ProseMirror, Yjs) run out of stack on deep input.
  if (error instanceof RangeError) {
    return {
      ok: false,
      failure: "too-complex",
      message: "the file is nested too deeply to convert",
    };
  }
  return { ok: false, failure: "failed", message: String(error) };
}

// A conversion is never more urgent than the requests and edits the main thread answers.
lowerThisThreadsPriority();

parentPort?.on("message", (job: ConversionJob) => {
  void run(job)
    .catch(failureOf)
    // Copied, not transferred: a Buffer may sit in Node's shared pool, which cannot move.
    .then((answer) => parentPort?.postMessage(answer));
});
