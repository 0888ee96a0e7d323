import type { Database } from "@tandem/kernel";
import type { Kysely } from "kysely";
import type { IdentityTables } from "../storage/tables.js";
import { type ConsentScope, knownScopes } from "./scopes.js";

/** A grant as the account's app list needs it: whose, which scopes, since when. */
export interface StoredGrant {
  id: string;
  clientId: string;
  scopes: ConsentScope[];
  /** Milliseconds since the epoch. */
  grantedAt: number;
}

/** A third-party app the account let in, its grants merged. */
export interface ConsentedApp {
  clientId: string;
  name: string;
  redirectUris: string[];
  scopes: ConsentScope[];
  grantedAt: number;
}

interface GrantPayload {
  clientId?: string;
  iat?: number;
  openid?: { scope?: string };
}

/**
 * The grants oidc-provider keeps in `oidc_payloads` (written by KyselyAdapter), read by
 * account: a consent outlives the browser session it was given in, and the user can see
 * and revoke it. Grants have no client column, so the account's rows are read and filtered
 * here; an account holds a few grants, never thousands.
 */
export class GrantStore {
  readonly #db: Kysely<IdentityTables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  /** The account's live grants, newest first; only those for `clientId` when given. */
  async grantsOf(accountId: string, clientId?: string): Promise<StoredGrant[]> {
    const rows = await this.#db
      .selectFrom("oidc_payloads")
      .select(["id", "payload", "expires_at"])
      .where("model", "=", "Grant")
      .where("account_id", "=", accountId)
      .execute();
    const now = Date.now();
    const grants: StoredGrant[] = [];
    for (const row of rows) {
      if (row.expires_at !== null && row.expires_at <= now) continue;
      const payload = JSON.parse(row.payload) as GrantPayload;
      if (!payload.clientId || (clientId && payload.clientId !== clientId)) continue;
      grants.push({
        id: row.id,
        clientId: payload.clientId,
        scopes: knownScopes(payload.openid?.scope),
        grantedAt: (payload.iat ?? 0) * 1000,
      });
    }
    return grants.sort((a, b) => b.grantedAt - a.grantedAt);
  }

  /** The grant a new authorization of this client by this account starts from. */
  async rememberedGrant(accountId: string, clientId: string): Promise<string | undefined> {
    return (await this.grantsOf(accountId, clientId))[0]?.id;
  }

  /** Third-party clients the account has consented to; first-party grants are automatic. */
  async consentedApps(accountId: string): Promise<ConsentedApp[]> {
    const grants = await this.grantsOf(accountId);
    if (grants.length === 0) return [];
    const clients = await this.#db
      .selectFrom("oidc_clients")
      .select(["client_id", "name", "metadata"])
      .where("client_id", "in", [...new Set(grants.map((g) => g.clientId))])
      .where("first_party", "=", 0)
      .orderBy("name")
      .execute();
    return clients.map((client) => {
      const own = grants.filter((g) => g.clientId === client.client_id);
      const metadata = JSON.parse(client.metadata) as { redirect_uris?: unknown };
      return {
        clientId: client.client_id,
        name: client.name,
        redirectUris: Array.isArray(metadata.redirect_uris)
          ? metadata.redirect_uris.map(String)
          : [],
        scopes: knownScopes(own.flatMap((g) => g.scopes)),
        grantedAt: Math.min(...own.map((g) => g.grantedAt)),
      };
    });
  }

  /**
   * Revokes the account's grants to a client and everything issued under them (codes,
   * access and refresh tokens); returns how many grants there were.
   */
  async revoke(accountId: string, clientId: string): Promise<number> {
    const ids = (await this.grantsOf(accountId, clientId)).map((g) => g.id);
    if (ids.length === 0) return 0;
    await this.#db.transaction().execute(async (trx) => {
      await trx.deleteFrom("oidc_payloads").where("grant_id", "in", ids).execute();
      await trx
        .deleteFrom("oidc_payloads")
        .where("model", "=", "Grant")
        .where("id", "in", ids)
        .execute();
    });
    return ids.length;
  }
}
