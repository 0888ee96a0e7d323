import type { Database, PreparedQuery } from "@tandem/kernel";
import type { CompiledQuery, Kysely } from "kysely";
import type { Adapter, AdapterPayload } from "oidc-provider";
import { SessionSaves } from "./SessionSaves.js";
import type { IdentityTables } from "./tables.js";

type Row = Pick<IdentityTables["oidc_payloads"], "payload" | "consumed_at" | "expires_at">;

/**
 * oidc-provider's storage, in Tandem's database: one row per model instance, so codes,
 * tokens, grants and sessions survive restarts and are shared between instances.
 * `consume` marks instead of deleting: a replayed code or refresh token must still be
 * found to be recognised as replayed (and its grant revoked).
 *
 * Every grant runs several of these statements, so they are compiled once and run as prepared
 * statements (Database.prepare). No token reaches a client before it is in the database: on
 * PostgreSQL each write is committed before its promise resolves; on SQLite the provider's
 * requests run under withDeferredCommits (createProvider.ts), so a write resolves at once and
 * the answer waits for the group commit it joined.
 *
 * `onGrantRevoked` hears of every grant whose tokens oidc-provider revokes (RFC 7009 revocation
 * of an access or refresh token, a replayed code or refresh token, a sign-out): it revokes
 * access tokens under a grant on every path, so the access token model's call is the one told.
 */
export function kyselyAdapterFactory(
  database: Database,
  onGrantRevoked: (grantId: string) => Promise<void> = async () => {},
): new (
  model: string,
) => Adapter {
  const q = payloadQueries(database);
  const now = () => Date.now();
  const sessions = new SessionSaves();

  return class KyselyAdapter implements Adapter {
    readonly model: string;

    constructor(model: string) {
      this.model = model;
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      const expiresAt = expiresIn ? now() + expiresIn * 1000 : null;
      if (this.model === "Session" && sessions.unchanged(id, payload, expiresAt)) return;
      await q.upsert.run([
        this.model,
        id,
        JSON.stringify(payload),
        payload.grantId ?? null,
        payload.accountId ?? null,
        payload.userCode ?? null,
        payload.uid ?? null,
        expiresAt,
      ]);
      // Remembered once stored: a failed write must not make the next save look redundant.
      if (this.model === "Session") sessions.remember(id, payload, expiresAt);
    }

    // A NUL never is in an id (all are generated), and PostgreSQL cannot compare one: a
    // client_id, code or token with one, from a form body that RawRoutes does not read, is
    // simply not found, so oidc-provider answers its own OAuth error instead of a 500.
    async find(id: string): Promise<AdapterPayload | undefined> {
      if (id.includes("\0")) return undefined;
      // Clients live in their own table, written by ClientStore (and cached: clientCache.ts).
      if (this.model === "Client") {
        const [row] = await q.client.all([id]);
        return row ? (JSON.parse(row.metadata) as AdapterPayload) : undefined;
      }
      return this.#found(id, await q.byId.all([this.model, id]));
    }

    async findByUid(uid: string) {
      if (uid.includes("\0")) return undefined;
      return this.#found(undefined, await q.byUid.all([this.model, uid]));
    }

    async findByUserCode(userCode: string) {
      if (userCode.includes("\0")) return undefined;
      return this.#found(undefined, await q.byUserCode.all([this.model, userCode]));
    }

    async consume(id: string): Promise<void> {
      await q.consume.run([now(), this.model, id]);
    }

    async destroy(id: string): Promise<void> {
      if (this.model === "Session") sessions.forget(id);
      await q.destroy.run([this.model, id]);
    }

    /** Everything issued under a grant, whatever its model: codes, access and refresh tokens. */
    async revokeByGrantId(grantId: string): Promise<void> {
      await q.revokeGrant.run([grantId]);
      if (this.model === "AccessToken") await onGrantRevoked(grantId);
    }

    #found(id: string | undefined, [row]: Row[]): AdapterPayload | undefined {
      if (!row || (row.expires_at !== null && row.expires_at <= now())) return undefined;
      const payload = JSON.parse(row.payload) as AdapterPayload;
      const key = id ?? payload.jti;
      if (this.model === "Session" && key) sessions.remember(key, payload, row.expires_at);
      // oidc-provider expects `consumed` as a truthy timestamp in seconds.
      return row.consumed_at === null
        ? payload
        : { ...payload, consumed: Math.floor(row.consumed_at / 1000) };
    }
  };
}

/**
 * The adapter's statements, built with Kysely once. The values they are built with only give
 * each placeholder its place: `prepared` checks they come out in the order the adapter
 * passes its parameters.
 */
function payloadQueries(database: Database) {
  const db: Kysely<IdentityTables> = database.db;
  const prepared = <R>(query: { compile(): CompiledQuery<R> }, order: unknown[]) => {
    const compiled = query.compile();
    if (JSON.stringify(compiled.parameters) !== JSON.stringify(order)) {
      throw new Error(`unexpected parameter order in ${compiled.sql}`);
    }
    return database.prepare(compiled) as PreparedQuery<R>;
  };
  const selectBy = (column: "id" | "uid" | "user_code") =>
    prepared(
      db
        .selectFrom("oidc_payloads")
        .select(["payload", "consumed_at", "expires_at"])
        .where("model", "=", "$model")
        .where(column, "=", "$value"),
      ["$model", "$value"],
    );
  return {
    upsert: prepared(
      db
        .insertInto("oidc_payloads")
        .values({
          model: "$model",
          id: "$id",
          payload: "$payload",
          grant_id: "$grant",
          account_id: "$account",
          user_code: "$userCode",
          uid: "$uid",
          expires_at: -1,
        })
        // A row saved again (a session, a grant) keeps its consumed_at.
        .onConflict((oc) =>
          oc.columns(["model", "id"]).doUpdateSet((eb) => ({
            payload: eb.ref("excluded.payload"),
            grant_id: eb.ref("excluded.grant_id"),
            account_id: eb.ref("excluded.account_id"),
            user_code: eb.ref("excluded.user_code"),
            uid: eb.ref("excluded.uid"),
            expires_at: eb.ref("excluded.expires_at"),
          })),
        ),
      ["$model", "$id", "$payload", "$grant", "$account", "$userCode", "$uid", -1],
    ),
    byId: selectBy("id"),
    byUid: selectBy("uid"),
    byUserCode: selectBy("user_code"),
    client: prepared(
      db.selectFrom("oidc_clients").select("metadata").where("client_id", "=", "$id"),
      ["$id"],
    ),
    consume: prepared(
      db
        .updateTable("oidc_payloads")
        .set({ consumed_at: -1 })
        .where("model", "=", "$model")
        .where("id", "=", "$id"),
      [-1, "$model", "$id"],
    ),
    destroy: prepared(
      db.deleteFrom("oidc_payloads").where("model", "=", "$model").where("id", "=", "$id"),
      ["$model", "$id"],
    ),
    revokeGrant: prepared(db.deleteFrom("oidc_payloads").where("grant_id", "=", "$grant"), [
      "$grant",
    ]),
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
