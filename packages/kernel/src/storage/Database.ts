import type { Kysely } from "kysely";

/**
 * The storage contract every module codes against.
 *
 * - `db` is a Kysely instance; each module types it with its own tables
 *   (`database.db.withTables<DocsTables>()`) and writes SQL that runs on both engines:
 *   ids are text, timestamps are integer milliseconds (`bigint`), flags are nullable timestamps.
 * - `engine` is for the rare query that must differ (upserts, full-text search).
 * - `close()` waits for queries in flight, then releases the file or the pool.
 */
export interface Database {
  readonly engine: "sqlite" | "postgres";
  // biome-ignore lint/suspicious/noExplicitAny: each module narrows the table types it uses
  readonly db: Kysely<any>;
  /** Answers when the database does: used by /healthz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
