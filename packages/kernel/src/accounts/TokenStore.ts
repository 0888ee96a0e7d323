import type { Kysely } from "kysely";
import type { Database } from "../storage/Database.js";
import type { KernelTables, TokenRow, UserRow } from "./tables.js";

/** SQL for personal access tokens and browser sessions: both map a secret's digest to a user. */
export class TokenStore {
  readonly #db: Kysely<KernelTables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  async insertToken(token: TokenRow): Promise<void> {
    await this.#db.insertInto("personal_access_tokens").values(token).execute();
  }

  /** The token's owner, if the token is live at `now` and its owner is not disabled. */
  userForToken(hash: string, now: number): Promise<UserRow | undefined> {
    return this.#db
      .selectFrom("personal_access_tokens as t")
      .innerJoin("users as u", "u.id", "t.user_id")
      .selectAll("u")
      .where("t.token_hash", "=", hash)
      .where("t.revoked_at", "is", null)
      .where((eb) => eb.or([eb("t.expires_at", "is", null), eb("t.expires_at", ">", now)]))
      .where("u.disabled_at", "is", null)
      .executeTakeFirst();
  }

  async touchToken(hash: string, now: number): Promise<void> {
    await this.#db
      .updateTable("personal_access_tokens")
      .set({ last_used_at: now })
      .where("token_hash", "=", hash)
      .execute();
  }

  /** Revokes every live token of the account (disabling it must not be undone by enabling it). */
  async revokeTokensOf(userId: string, now: number): Promise<void> {
    await this.#db
      .updateTable("personal_access_tokens")
      .set({ revoked_at: now })
      .where("user_id", "=", userId)
      .where("revoked_at", "is", null)
      .execute();
  }

  async insertSession(session: KernelTables["sessions"]): Promise<void> {
    await this.#db.insertInto("sessions").values(session).execute();
  }

  userForSession(
    id: string,
    now: number,
  ): Promise<(UserRow & { session_created_at: number }) | undefined> {
    return this.#db
      .selectFrom("sessions as s")
      .innerJoin("users as u", "u.id", "s.user_id")
      .selectAll("u")
      .select("s.created_at as session_created_at")
      .where("s.id", "=", id)
      .where("s.expires_at", ">", now)
      .where("u.disabled_at", "is", null)
      .executeTakeFirst();
  }

  async deleteSession(id: string): Promise<void> {
    await this.#db.deleteFrom("sessions").where("id", "=", id).execute();
  }

  /** Disabling an account ends its sessions at once rather than at their expiry. */
  async deleteSessionsOf(userId: string): Promise<void> {
    await this.#db.deleteFrom("sessions").where("user_id", "=", userId).execute();
  }

  async deleteExpiredSessions(now: number): Promise<void> {
    await this.#db.deleteFrom("sessions").where("expires_at", "<=", now).execute();
  }
}
