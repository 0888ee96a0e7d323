import type { Database } from "@tandem/kernel";
import type { Kysely } from "kysely";
import type { MfaTables } from "../mfa/tables.js";
import type { KernelTables, TokenRow, UserRow } from "./tables.js";

/** A live session as the account page lists it; `id` is the secret's digest, never sent out. */
export type SessionRow = KernelTables["sessions"];

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

  /** Whether the token with this id is live at `now` and its owner not disabled. */
  async tokenLive(id: string, now: number): Promise<boolean> {
    const row = await this.#db
      .selectFrom("personal_access_tokens as t")
      .innerJoin("users as u", "u.id", "t.user_id")
      .select("t.id")
      .where("t.id", "=", id)
      .where("t.revoked_at", "is", null)
      .where((eb) => eb.or([eb("t.expires_at", "is", null), eb("t.expires_at", ">", now)]))
      .where("u.disabled_at", "is", null)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Whether the account exists and is not disabled. */
  async accountEnabled(userId: string): Promise<boolean> {
    const row = await this.#db
      .selectFrom("users")
      .select("id")
      .where("id", "=", userId)
      .where("disabled_at", "is", null)
      .executeTakeFirst();
    return row !== undefined;
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
  ): Promise<
    | (UserRow & {
        session_created_at: number;
        session_last_seen_at: number;
        session_expires_at: number;
      })
    | undefined
  > {
    return this.#db
      .selectFrom("sessions as s")
      .innerJoin("users as u", "u.id", "s.user_id")
      .selectAll("u")
      .select([
        "s.created_at as session_created_at",
        "s.last_seen_at as session_last_seen_at",
        "s.expires_at as session_expires_at",
      ])
      .where("s.id", "=", id)
      .where("s.expires_at", ">", now)
      .where("u.disabled_at", "is", null)
      .executeTakeFirst();
  }

  /** Ends the session; returns its account, or undefined when there was no such session. */
  async deleteSession(id: string): Promise<string | undefined> {
    const row = await this.#db
      .deleteFrom("sessions")
      .where("id", "=", id)
      .returning("user_id")
      .executeTakeFirst();
    return row?.user_id;
  }

  /** Disabling an account ends its sessions at once rather than at their expiry. */
  async deleteSessionsOf(userId: string): Promise<void> {
    await this.#db.deleteFrom("sessions").where("user_id", "=", userId).execute();
  }

  /** Ends the sessions of these accounts that were completed without a second factor; returns them. */
  async deleteSessionsWithoutSecondFactor(
    userIds: readonly string[],
  ): Promise<{ id: string; accountId: string }[]> {
    const db = this.#db as unknown as Kysely<KernelTables & MfaTables>;
    const ended: { id: string; accountId: string }[] = [];
    // In slices: both engines bound the parameters of one statement.
    for (let i = 0; i < userIds.length; i += 500) {
      const rows = await db
        .deleteFrom("sessions")
        .where("user_id", "in", userIds.slice(i, i + 500))
        .where("id", "not in", db.selectFrom("mfa_sessions").select("session_id"))
        .returning(["id", "user_id"])
        .execute();
      for (const row of rows) ended.push({ id: row.id, accountId: row.user_id });
    }
    return ended;
  }

  async deleteExpiredSessions(now: number): Promise<void> {
    await this.#db.deleteFrom("sessions").where("expires_at", "<=", now).execute();
  }

  /** The token's owner and scopes, on the same terms as `userForToken`. */
  async tokenAccess(
    hash: string,
    now: number,
  ): Promise<{ user: UserRow; scopes: string; id: string; expiresAt: number | null } | undefined> {
    const row = await this.#db
      .selectFrom("personal_access_tokens as t")
      .innerJoin("users as u", "u.id", "t.user_id")
      .selectAll("u")
      .select(["t.scopes as token_scopes", "t.id as token_id", "t.expires_at as token_expires_at"])
      .where("t.token_hash", "=", hash)
      .where("t.revoked_at", "is", null)
      .where((eb) => eb.or([eb("t.expires_at", "is", null), eb("t.expires_at", ">", now)]))
      .where("u.disabled_at", "is", null)
      .executeTakeFirst();
    if (!row) return undefined;
    const { token_scopes: scopes, token_id: id, token_expires_at: expiresAt, ...user } = row;
    return { user, scopes, id, expiresAt };
  }

  /** The user's tokens not revoked (expired ones too, so their owner sees they ran out), newest first. */
  tokensOf(userId: string): Promise<TokenRow[]> {
    return this.#db
      .selectFrom("personal_access_tokens")
      .selectAll()
      .where("user_id", "=", userId)
      .where("revoked_at", "is", null)
      .orderBy("created_at", "desc")
      .orderBy("id")
      .execute();
  }

  /** Revokes one of the user's live tokens; false when the user has no such token. */
  async revokeToken(userId: string, id: string, now: number): Promise<boolean> {
    const result = await this.#db
      .updateTable("personal_access_tokens")
      .set({ revoked_at: now })
      .where("id", "=", id)
      .where("user_id", "=", userId)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** The user's sessions that have not expired, most recently used first. */
  sessionsOf(userId: string, now: number): Promise<SessionRow[]> {
    return this.#db
      .selectFrom("sessions")
      .selectAll()
      .where("user_id", "=", userId)
      .where("expires_at", ">", now)
      .orderBy("last_seen_at", "desc")
      .orderBy("id")
      .execute();
  }

  /**
   * Records that a session was used. The condition makes concurrent requests of one session
   * write at most once per `everyMs`.
   */
  async touchSession(id: string, now: number, everyMs: number): Promise<void> {
    await this.#db
      .updateTable("sessions")
      .set({ last_seen_at: now })
      .where("id", "=", id)
      .where("last_seen_at", "<=", now - everyMs)
      .execute();
  }

  /** Ends one of the user's sessions; false when the user has no such session. */
  async deleteSessionOf(userId: string, id: string): Promise<boolean> {
    const result = await this.#db
      .deleteFrom("sessions")
      .where("id", "=", id)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** Ends every session of the user but one (after a password change, the one that made it). */
  async deleteSessionsOfExcept(userId: string, keepId: string | undefined): Promise<void> {
    let query = this.#db.deleteFrom("sessions").where("user_id", "=", userId);
    if (keepId !== undefined) query = query.where("id", "!=", keepId);
    await query.execute();
  }
}
