import { parseConfig } from "../config.js";
import { prepareDataDir } from "../startup/dataDir.js";
import { openStorage, type Storage } from "../storage.js";

/** Runs an administration command against the configured, migrated database, then closes it. */
export async function withStorage<T>(run: (storage: Storage) => Promise<T>): Promise<T> {
  const config = parseConfig(process.env);
  const dataDir = config.kernel.databaseUrl
    ? undefined
    : await prepareDataDir(config.kernel.dataDir);
  let storage: Storage;
  try {
    storage = await openStorage(config);
  } catch (error) {
    await dataDir?.undo();
    throw error;
  }
  try {
    return await run(storage);
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
