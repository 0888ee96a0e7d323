import { DatabaseSync, type SQLInputValue } from "node:sqlite";
import type { SqliteDatabase, SqliteStatement } from "kysely";
import { SAFETY_NET_PAGES, startCheckpointer } from "./checkpointer.js";

const STATEMENT_CACHE_SIZE = 500;

/**
 * Adapts Node's built-in `node:sqlite` to the better-sqlite3 shape Kysely's SqliteDialect expects,
 * so the embedded database needs no native addon.
 */
export function nodeSqliteDatabase(path: string): SqliteDatabase & {
  native: DatabaseSync;
  checkpointInBackground(): void;
  closed(): Promise<void>;
} {
  const native = new DatabaseSync(path);
  // WAL lets readers proceed while a write commits; busy_timeout rides out a CLI run beside the server.
  native.exec("PRAGMA journal_mode = WAL");
  native.exec("PRAGMA synchronous = NORMAL");
  native.exec("PRAGMA foreign_keys = ON");
  native.exec("PRAGMA busy_timeout = 5000");
  // 32 MB of page cache instead of SQLite's 2 MB: the OpenID provider reads back what it wrote
  // moments ago, and a token table outgrows 2 MB within seconds of load (a third off each
  // read in the identity benchmark). Pages are only held once read, so an idle server pays none.
  native.exec("PRAGMA cache_size = -32000");
  // Preparing is a third of SQLite's work per query (measured by the identity benchmark),
  // and Tandem runs the same few statements over and over: keep them, up to a bound.
  const prepared = new Map<string, SqliteStatement>();
  const params = (values: ReadonlyArray<unknown>) => values as SQLInputValue[];
  let checkpointer: { stop(): Promise<void> } | undefined;
  let stopped: Promise<void> = Promise.resolve();
  return {
    // For prepared queries (prepared.ts), which run on the connection without Kysely.
    native,
    /** Started by the first prepared write: a server's hot path, never a one-off CLI command. */
    checkpointInBackground() {
      if (checkpointer || path === ":memory:") return;
      checkpointer = startCheckpointer(path);
      native.exec(`PRAGMA wal_autocheckpoint = ${SAFETY_NET_PAGES}`);
    },
    close: () => {
      prepared.clear();
      native.close();
      if (checkpointer) stopped = checkpointer.stop();
    },
    /** Resolves when nothing writes the database's files any more (after close). */
    closed: () => stopped,
    prepare(sql: string): SqliteStatement {
      const cached = prepared.get(sql);
      if (cached) return cached;
      const statement = native.prepare(sql);
      const wrapped: SqliteStatement = {
        reader: statement.columns().length > 0,
        all: (values) => statement.all(...params(values)),
        run: (values) => statement.run(...params(values)),
        iterate: (values) => statement.iterate(...params(values)),
      };
      if (prepared.size >= STATEMENT_CACHE_SIZE) {
        const oldest = prepared.keys().next().value;
        if (oldest !== undefined) prepared.delete(oldest);
      }
      prepared.set(sql, wrapped);
      return wrapped;
    },
  };
}
