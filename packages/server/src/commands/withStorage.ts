import type { AccountsModule, AuditAction } from "@tandem/accounts";
import { parseConfig } from "../config.js";
import { prepareDataDir } from "../startup/dataDir.js";
import { openStorage, type Storage } from "../storage.js";

/** What an administration command records in the audit log, success or failure. */
export interface CliAudit<T> {
  action: AuditAction;
  subject: string | ((result: T) => string);
}

/**
 * Runs an administration command against the configured, migrated database, then closes
 * it; with `audit`, the outcome goes to the security audit log (actor: the operator's CLI).
 * `modules`: the CLI's list, when it was given one (a test's build with a module of its own).
 */
export async function withStorage<T>(
  run: (storage: Storage) => Promise<T>,
  audit?: CliAudit<T>,
  modules?: AccountsModule[],
): Promise<T> {
  const config = parseConfig(process.env, modules);
  const dataDir = config.kernel.databaseUrl
    ? undefined
    : await prepareDataDir(config.kernel.dataDir);
  let storage: Storage;
  try {
    storage = await openStorage(config, { modules });
  } catch (error) {
    await dataDir?.undo();
    throw error;
  }
  try {
    const result = await run(storage);
    if (audit) {
      const subject = typeof audit.subject === "function" ? audit.subject(result) : audit.subject;
      await storage.audit.record({
        action: audit.action,
        outcome: "success",
        subject,
        details: { via: "cli" },
      });
    }
    return result;
  } catch (error) {
    if (audit) {
      const subject = typeof audit.subject === "string" ? audit.subject : null;
      const reason = error instanceof Error ? error.message : String(error);
      await storage.audit.record({
        action: audit.action,
        outcome: "failure",
        subject,
        details: { via: "cli", reason },
      });
    }
    throw error;
  } finally {
    await storage.close();
  }
}

/** Reads a secret piped on stdin (`--password-stdin`), without its final newline. */
export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write("Password (end with Ctrl-D): ");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}
