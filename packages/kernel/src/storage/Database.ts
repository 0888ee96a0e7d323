import type { CompiledQuery, Kysely } from "kysely";
import type { PreparedQuery } from "./prepared.js";

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
  /**
   * A query compiled once (`db.….compile()`), run again with new parameters without Kysely:
   * for hot paths only (see prepared.ts). Its placeholders' values are the compiled ones'.
   */
  prepare<Row>(query: CompiledQuery<Row>): PreparedQuery<Row>;
  /** Answers when the database does: used by /healthz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
