import { randomBytes } from "node:crypto";
import type { Database } from "@tandem/kernel";
import { exportJWK, generateKeyPair, type JWK } from "jose";
import type { Kysely } from "kysely";
import type { IdentityTables } from "../storage/tables.js";

/** How long a retired key stays published: longer than any token signed with it lives. */
export const RETIRED_KEY_GRACE_MS = 24 * 3_600_000;

/**
 * The provider's signing keys. The newest key signs; retired keys stay in the JWKS until
 * every token they signed has expired, so relying parties can still verify them.
 */
export class KeyStore {
  readonly #db: Kysely<IdentityTables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  /** The keys to publish, the signing key first; creates the first key on the first start. */
  async signingKeys(): Promise<JWK[]> {
    let rows = await this.#live();
    if (rows.length === 0) {
      await this.#create();
      rows = await this.#live();
    }
    return rows.map((row) => JSON.parse(row.private_jwk) as JWK);
  }

  /** A fingerprint of the live key set; when it changes, running providers reload. */
  async version(): Promise<string> {
    return (await this.#live()).map((row) => row.kid).join(",");
  }

  /** Creates a new signing key and retires the current ones. Returns the new key's id. */
  async rotate(): Promise<{ kid: string; retired: string[] }> {
    const now = Date.now();
    const current = await this.#db
      .selectFrom("oidc_keys")
      .select("kid")
      .where("retired_at", "is", null)
      .execute();
    const kid = await this.#db.transaction().execute(async (trx) => {
      await trx
        .updateTable("oidc_keys")
        .set({ retired_at: now, expires_at: now + RETIRED_KEY_GRACE_MS })
        .where("retired_at", "is", null)
        .execute();
      return this.#create(trx, now + 1);
    });
    return { kid, retired: current.map((row) => row.kid) };
  }

  #live() {
    return this.#db
      .selectFrom("oidc_keys")
      .selectAll()
      .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", Date.now())]))
      .orderBy("created_at", "desc")
      .execute();
  }

  async #create(db: Kysely<IdentityTables> = this.#db, at = Date.now()): Promise<string> {
    const { privateKey } = await generateKeyPair("RS256", {
      extractable: true,
      modulusLength: 2048,
    });
    const jwk = await exportJWK(privateKey);
    const kid = `k${at.toString(36)}${randomBytes(4).toString("hex")}`;
    const stored = { ...jwk, kid, alg: "RS256", use: "sig" };
    // Two instances starting together may both try; the primary key keeps one of them.
    await db
      .insertInto("oidc_keys")
      .values({
        kid,
        private_jwk: JSON.stringify(stored),
        created_at: at,
        retired_at: null,
        expires_at: null,
      })
      .execute();
    return kid;
  }
}
