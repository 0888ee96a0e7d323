import type { Database } from "@tandem/kernel";
import type { Kysely } from "kysely";
import type { KernelTables } from "./tables.js";

/**
 * SQL for login_known_sources: the devices and networks an account has signed in from,
 * each as a digest beside the digest of the account's e-mail (LoginThrottle).
 */
export class KnownSourceStore {
  readonly #db: Kysely<KernelTables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  /** The first of `sources` (in the order given) known for the account at `now`, or null. */
  async firstKnown(account: string, sources: string[], now: number): Promise<string | null> {
    if (sources.length === 0) return null;
    const rows = await this.#db
      .selectFrom("login_known_sources")
      .select("source")
      .where("account", "=", account)
      .where("source", "in", sources)
      .where("expires_at", ">", now)
      .execute();
    const known = new Set(rows.map((row) => row.source));
    return sources.find((source) => known.has(source)) ?? null;
  }

  /** Remembers each source until its expiry, or pushes its expiry out if already known. */
  async remember(account: string, sources: { source: string; expiresAt: number }[]) {
    if (sources.length === 0) return;
    await this.#db
      .insertInto("login_known_sources")
      .values(sources.map(({ source, expiresAt }) => ({ account, source, expires_at: expiresAt })))
      .onConflict((conflict) =>
        conflict
          .columns(["account", "source"])
          .doUpdateSet((eb) => ({ expires_at: eb.ref("excluded.expires_at") })),
      )
      .execute();
  }

  async deleteExpired(now: number): Promise<number> {
    const result = await this.#db
      .deleteFrom("login_known_sources")
      .where("expires_at", "<=", now)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
