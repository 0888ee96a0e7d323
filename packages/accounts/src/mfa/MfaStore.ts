import { randomUUID } from "node:crypto";
import type { Database } from "@tandem/kernel";
import type { Kysely } from "kysely";
import type { ChallengePurpose, MfaTables, SecondFactorMethod, TotpRow } from "./tables.js";

/** SQL for second factors; no rules here, see MfaService. */
export class MfaStore {
  readonly #db: Kysely<MfaTables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  totpOf(userId: string): Promise<TotpRow | undefined> {
    return this.#db
      .selectFrom("mfa_totp")
      .selectAll()
      .where("user_id", "=", userId)
      .executeTakeFirst();
  }

  /** Replaces the account's secret with a new, unconfirmed one. */
  async putPendingTotp(userId: string, secret: string, now: number): Promise<void> {
    await this.#db.deleteFrom("mfa_totp").where("user_id", "=", userId).execute();
    await this.#db
      .insertInto("mfa_totp")
      .values({
        user_id: userId,
        secret,
        created_at: now,
        confirmed_at: null,
        last_used_step: null,
      })
      .execute();
  }

  async confirmTotp(userId: string, now: number): Promise<void> {
    await this.#db
      .updateTable("mfa_totp")
      .set({ confirmed_at: now })
      .where("user_id", "=", userId)
      .execute();
  }

  /**
   * Records that `step`'s code was used, only if no code of this step or a later one was: one
   * statement, so two requests racing with the same code cannot both succeed.
   */
  async useStep(userId: string, step: number): Promise<boolean> {
    const result = await this.#db
      .updateTable("mfa_totp")
      .set({ last_used_step: step })
      .where("user_id", "=", userId)
      .where((eb) => eb.or([eb("last_used_step", "is", null), eb("last_used_step", "<", step)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async deleteFactors(userId: string): Promise<void> {
    await this.#db.deleteFrom("mfa_recovery_codes").where("user_id", "=", userId).execute();
    await this.#db.deleteFrom("mfa_totp").where("user_id", "=", userId).execute();
  }

  /** Every factor and pending step of the account: an administrator's reset. */
  async deleteEverything(userId: string): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await trx.deleteFrom("mfa_recovery_codes").where("user_id", "=", userId).execute();
      await trx.deleteFrom("mfa_totp").where("user_id", "=", userId).execute();
      await trx.deleteFrom("mfa_passkeys").where("user_id", "=", userId).execute();
      await trx.deleteFrom("mfa_challenges").where("user_id", "=", userId).execute();
      await trx.deleteFrom("mfa_webauthn_challenges").where("user_id", "=", userId).execute();
    });
  }

  async replaceRecoveryCodes(userId: string, hashes: string[], now: number): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await trx.deleteFrom("mfa_recovery_codes").where("user_id", "=", userId).execute();
      await trx
        .insertInto("mfa_recovery_codes")
        .values(
          hashes.map((code_hash) => ({
            id: randomUUID(),
            user_id: userId,
            code_hash,
            created_at: now,
            used_at: null,
          })),
        )
        .execute();
    });
  }

  /** Marks an unused code used; false when there is none (wrong, or used already). */
  async useRecoveryCode(userId: string, hash: string, now: number): Promise<boolean> {
    const result = await this.#db
      .updateTable("mfa_recovery_codes")
      .set({ used_at: now })
      .where("user_id", "=", userId)
      .where("code_hash", "=", hash)
      .where("used_at", "is", null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async recoveryCodesLeft(userId: string): Promise<number> {
    const row = await this.#db
      .selectFrom("mfa_recovery_codes")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where("user_id", "=", userId)
      .where("used_at", "is", null)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async insertChallenge(
    id: string,
    userId: string,
    expiresAt: number,
    purpose: ChallengePurpose,
  ): Promise<void> {
    await this.#db
      .insertInto("mfa_challenges")
      .values({ id, user_id: userId, expires_at: expiresAt, purpose })
      .execute();
  }

  /** The user a live challenge for this purpose stands for, without using it up. */
  async challengeUser(
    id: string,
    now: number,
    purpose: ChallengePurpose,
  ): Promise<string | undefined> {
    const row = await this.#db
      .selectFrom("mfa_challenges")
      .select("user_id")
      .where("id", "=", id)
      .where("expires_at", ">", now)
      .where("purpose", "=", purpose)
      .executeTakeFirst();
    return row?.user_id;
  }

  /** Uses the challenge up; false when another request did first. */
  async deleteChallenge(id: string): Promise<boolean> {
    const result = await this.#db
      .deleteFrom("mfa_challenges")
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  async deleteExpiredChallenges(now: number): Promise<void> {
    await this.#db.deleteFrom("mfa_challenges").where("expires_at", "<=", now).execute();
  }

  async recordSession(
    sessionId: string,
    userId: string,
    method: SecondFactorMethod,
    now: number,
  ): Promise<void> {
    await this.#db
      .insertInto("mfa_sessions")
      .values({ session_id: sessionId, user_id: userId, method, created_at: now })
      .execute();
  }

  async sessionMethod(sessionId: string): Promise<SecondFactorMethod | undefined> {
    const row = await this.#db
      .selectFrom("mfa_sessions")
      .select("method")
      .where("session_id", "=", sessionId)
      .executeTakeFirst();
    return row?.method;
  }
}
