import { readlinkSync } from "node:fs";
import { getPriority, setPriority } from "node:os";

/** How much lower than the server's own threads a conversion runs (nice, 0–19). */
export const CONVERSION_NICE = 10;

/**
 * Lowers the calling thread's CPU priority, so that when cores are scarce the main thread
 * (HTTP, the collaboration sockets) wins them from a conversion. On Linux each thread has its
 * own nice value, addressed by its thread id; what it forks (LibreOffice) inherits it.
 * Elsewhere there is no per-thread value to set, and the conversion keeps the process's.
 * Returns the thread id whose priority it set, if any.
 */
export function lowerThisThreadsPriority(nice = CONVERSION_NICE): number | undefined {
  let threadId: number;
  try {
    // "<pid>/task/<tid>"
    threadId = Number(readlinkSync("/proc/thread-self").split("/").at(-1));
  } catch {
    return undefined;
  }
  if (!Number.isInteger(threadId)) return undefined;
  // Only ever lower: raising a priority back (a server started under `nice`) needs privileges.
  if (getPriority(threadId) < nice) setPriority(threadId, nice);
  return threadId;
}
