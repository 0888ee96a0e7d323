import type { Database } from "@tandem/kernel";
import type { Kysely } from "kysely";
import type { MfaTables, PasskeyRow, WebauthnChallengeRow } from "./tables.js";

/** SQL for passkeys and their ceremonies' challenges; the rules are in PasskeyService. */
export class PasskeyStore {
  readonly #db: Kysely<MfaTables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  passkeysOf(userId: string): Promise<PasskeyRow[]> {
    return this.#db
      .selectFrom("mfa_passkeys")
      .selectAll()
      .where("user_id", "=", userId)
      .orderBy("created_at")
      .execute();
  }

  async hasPasskeys(userId: string): Promise<boolean> {
    const row = await this.#db
      .selectFrom("mfa_passkeys")
      .select("id")
      .where("user_id", "=", userId)
      .executeTakeFirst();
    return row !== undefined;
  }

  byId(id: string): Promise<PasskeyRow | undefined> {
    return this.#db.selectFrom("mfa_passkeys").selectAll().where("id", "=", id).executeTakeFirst();
  }

  async insert(row: PasskeyRow): Promise<void> {
    await this.#db.insertInto("mfa_passkeys").values(row).execute();
  }

  async rename(userId: string, id: string, name: string): Promise<boolean> {
    const result = await this.#db
      .updateTable("mfa_passkeys")
      .set({ name })
      .where("user_id", "=", userId)
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async delete(userId: string, id: string): Promise<boolean> {
    const result = await this.#db
      .deleteFrom("mfa_passkeys")
      .where("user_id", "=", userId)
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  /**
   * Records a use, only if the counter is still the one the check saw: of two requests racing
   * with the same signature, one wins.
   */
  async recordUse(id: string, seen: number, counter: number, now: number): Promise<boolean> {
    const result = await this.#db
      .updateTable("mfa_passkeys")
      .set({ counter, last_used_at: now })
      .where("id", "=", id)
      .where("counter", "=", seen)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async insertChallenge(row: WebauthnChallengeRow): Promise<void> {
    await this.#db
      .deleteFrom("mfa_webauthn_challenges")
      .where("expires_at", "<=", Date.now())
      .execute();
    await this.#db.insertInto("mfa_webauthn_challenges").values(row).execute();
  }

  /** Uses the challenge up and returns it, if it was live; a second use finds nothing. */
  async takeChallenge(id: string, now: number): Promise<WebauthnChallengeRow | undefined> {
    const row = await this.#db
      .selectFrom("mfa_webauthn_challenges")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) return undefined;
    const result = await this.#db
      .deleteFrom("mfa_webauthn_challenges")
      .where("id", "=", id)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1 || row.expires_at <= now) return undefined;
    return row;
  }
}
