import type { Database } from "@tandem/kernel";
import type { Kysely } from "kysely";
import type { Adapter, AdapterPayload } from "oidc-provider";
import type { IdentityTables } from "./tables.js";

/**
 * oidc-provider's storage, in Tandem's database: one row per model instance, so codes,
 * tokens, grants and sessions survive restarts and are shared between instances.
 * `consume` marks instead of deleting: a replayed code or refresh token must still be
 * found to be recognised as replayed (and its grant revoked).
 */
export function kyselyAdapterFactory(database: Database): new (model: string) => Adapter {
  const db: Kysely<IdentityTables> = database.db;
  const now = () => Date.now();

  return class KyselyAdapter implements Adapter {
    readonly model: string;

    constructor(model: string) {
      this.model = model;
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      const row = {
        payload: JSON.stringify(payload),
        grant_id: payload.grantId ?? null,
        account_id: payload.accountId ?? null,
        user_code: payload.userCode ?? null,
        uid: payload.uid ?? null,
        expires_at: expiresIn ? now() + expiresIn * 1000 : null,
      };
      await db
        .insertInto("oidc_payloads")
        .values({ model: this.model, id, consumed_at: null, ...row })
        .onConflict((oc) => oc.columns(["model", "id"]).doUpdateSet(row))
        .execute();
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      // Clients live in their own table, written by ClientStore.
      if (this.model === "Client") {
        const row = await db
          .selectFrom("oidc_clients")
          .select("metadata")
          .where("client_id", "=", id)
          .executeTakeFirst();
        return row ? (JSON.parse(row.metadata) as AdapterPayload) : undefined;
      }
      return this.#findBy("id", id);
    }

    findByUid(uid: string) {
      return this.#findBy("uid", uid);
    }

    findByUserCode(userCode: string) {
      return this.#findBy("user_code", userCode);
    }

    async consume(id: string): Promise<void> {
      await db
        .updateTable("oidc_payloads")
        .set({ consumed_at: now() })
        .where("model", "=", this.model)
        .where("id", "=", id)
        .execute();
    }

    async destroy(id: string): Promise<void> {
      await db
        .deleteFrom("oidc_payloads")
        .where("model", "=", this.model)
        .where("id", "=", id)
        .execute();
    }

    /** Everything issued under a grant, whatever its model: codes, access and refresh tokens. */
    async revokeByGrantId(grantId: string): Promise<void> {
      await db.deleteFrom("oidc_payloads").where("grant_id", "=", grantId).execute();
    }

    async #findBy(
      column: "id" | "uid" | "user_code",
      value: string,
    ): Promise<AdapterPayload | undefined> {
      const row = await db
        .selectFrom("oidc_payloads")
        .select(["payload", "consumed_at", "expires_at"])
        .where("model", "=", this.model)
        .where(column, "=", value)
        .executeTakeFirst();
      if (!row || (row.expires_at !== null && row.expires_at <= now())) return undefined;
      const payload = JSON.parse(row.payload) as AdapterPayload;
      // oidc-provider expects `consumed` as a truthy timestamp in seconds.
      return row.consumed_at === null
        ? payload
        : { ...payload, consumed: Math.floor(row.consumed_at / 1000) };
    }
  };
}

/**
 * Ends everything an account holds at the provider: sessions, grants, codes, access and
 * refresh tokens. Used when an account is disabled or deprovisioned.
 */
export async function revokeAccount(database: Database, accountId: string): Promise<void> {
  const db: Kysely<IdentityTables> = database.db;
  await db.deleteFrom("oidc_payloads").where("account_id", "=", accountId).execute();
}

/** Expired rows are never returned; this removes them so the table does not grow forever. */
export async function purgeExpiredPayloads(database: Database): Promise<void> {
  const db: Kysely<IdentityTables> = database.db;
  await db.deleteFrom("oidc_payloads").where("expires_at", "<=", Date.now()).execute();
}
