import { getPriority } from "node:os";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { CONVERSION_NICE } from "./lowerPriority.js";

// A worker that lowers its own priority, says its thread id, and stays until told to go.
const LOWERING_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
import(workerData.module).then((m) => {
  parentPort.postMessage(m.lowerThisThreadsPriority() ?? null);
  parentPort.once("message", () => process.exit(0));
});
`;

describe.runIf(process.platform === "linux")("a conversion thread's priority", () => {
  it("is lowered for that thread alone, not for the process that answers requests", async () => {
    const before = getPriority(process.pid);
    const worker = new Worker(LOWERING_WORKER, {
      eval: true,
      workerData: { module: new URL("./lowerPriority.ts", import.meta.url).href },
    });
    try {
      const threadId = await new Promise<number>((resolve, reject) => {
        worker.once("message", resolve);
        worker.once("error", reject);
      });
      expect(threadId).toBeGreaterThan(0);
      expect(threadId).not.toBe(process.pid);
      expect(getPriority(threadId)).toBe(Math.max(before, CONVERSION_NICE));
      expect(getPriority(process.pid)).toBe(before);
    } finally {
      worker.postMessage("done");
      await new Promise((resolve) => worker.once("exit", resolve));
    }
  });
});
