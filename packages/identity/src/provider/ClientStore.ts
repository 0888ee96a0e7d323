import { randomBytes } from "node:crypto";
import { type Database, InvalidRequest, NotFound } from "@tandem/kernel";
import type { Kysely } from "kysely";
import type { IdentityTables } from "../storage/tables.js";
import { forgetClients } from "./clientCache.js";
import { revokeClient } from "./revokeClient.js";

export interface NewClient {
  name: string;
  redirectUris: string[];
  /** A public client (a browser or mobile app) has no secret and must use PKCE. */
  public?: boolean;
  postLogoutRedirectUris?: string[];
  backchannelLogoutUri?: string;
  /** A third-party client (not run by this deployment) asks its users for consent. */
  thirdParty?: boolean;
}

export interface ClientSummary {
  clientId: string;
  name: string;
  firstParty: boolean;
  public: boolean;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  backchannelLogoutUri: string | null;
  createdAt: number;
}

export interface RegisteredClient {
  client_id: string;
  client_secret?: string;
  client_name: string;
  redirect_uris: string[];
}

/** OAuth clients (relying parties) of Tandem's provider. */
export class ClientStore {
  readonly #db: Kysely<IdentityTables>;
  readonly #database: Database;

  constructor(database: Database) {
    this.#db = database.db;
    this.#database = database;
  }

  /** Registers a client; its secret (for a confidential client) is returned to be shown once. */
  async add(input: NewClient): Promise<RegisteredClient> {
    const name = input.name.trim();
    if (!name) throw new InvalidRequest("a client needs a name");
    if (input.redirectUris.length === 0)
      throw new InvalidRequest("a client needs at least one redirect URI");
    for (const uri of input.redirectUris) assertRedirectUri(uri, "redirect URI");
    for (const uri of input.postLogoutRedirectUris ?? [])
      assertRedirectUri(uri, "post-logout redirect URI");
    if (input.backchannelLogoutUri)
      assertRedirectUri(input.backchannelLogoutUri, "back-channel logout URI");

    const clientId = `tdm_${randomBytes(12).toString("hex")}`;
    const secret = input.public ? undefined : randomBytes(32).toString("base64url");
    const metadata = {
      client_id: clientId,
      ...(secret ? { client_secret: secret } : {}),
      client_name: name,
      redirect_uris: input.redirectUris,
      post_logout_redirect_uris: input.postLogoutRedirectUris ?? [],
      response_types: ["code"],
      grant_types: input.public
        ? ["authorization_code", "refresh_token"]
        : ["authorization_code", "refresh_token", "client_credentials"],
      token_endpoint_auth_method: input.public ? "none" : "client_secret_basic",
      ...(input.backchannelLogoutUri
        ? {
            backchannel_logout_uri: input.backchannelLogoutUri,
            backchannel_logout_session_required: true,
          }
        : {}),
    };
    await this.#db
      .insertInto("oidc_clients")
      .values({
        client_id: clientId,
        name,
        metadata: JSON.stringify(metadata),
        first_party: input.thirdParty ? 0 : 1,
        created_at: Date.now(),
      })
      .execute();
    return {
      client_id: clientId,
      ...(secret ? { client_secret: secret } : {}),
      client_name: name,
      redirect_uris: input.redirectUris,
    };
  }

  async list(): Promise<ClientSummary[]> {
    const rows = await this.#db
      .selectFrom("oidc_clients")
      .selectAll()
      .orderBy("created_at")
      .execute();
    return rows.map((r) => {
      const metadata = JSON.parse(r.metadata) as Record<string, unknown>;
      const uris = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
      return {
        clientId: r.client_id,
        name: r.name,
        firstParty: r.first_party === 1,
        public: metadata.token_endpoint_auth_method === "none",
        redirectUris: uris(metadata.redirect_uris),
        postLogoutRedirectUris: uris(metadata.post_logout_redirect_uris),
        backchannelLogoutUri:
          typeof metadata.backchannel_logout_uri === "string"
            ? metadata.backchannel_logout_uri
            : null,
        createdAt: r.created_at,
      };
    });
  }

  /**
   * Unregisters a client and ends what it was issued (grants, codes, tokens), so its
   * users' access stops at once and its secret no longer authenticates.
   */
  async remove(clientId: string): Promise<void> {
    const deleted = await this.#db
      .deleteFrom("oidc_clients")
      .where("client_id", "=", clientId)
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) throw new NotFound(`no client ${clientId}`);
    // The provider caches clients briefly (KyselyAdapter): this one must stop working now.
    forgetClients();
    await revokeClient(this.#database, clientId);
  }

  async isFirstParty(clientId: string): Promise<boolean> {
    const row = await this.#db
      .selectFrom("oidc_clients")
      .select("first_party")
      .where("client_id", "=", clientId)
      .executeTakeFirst();
    return row?.first_party === 1;
  }
}

/** Absolute, no fragment; plain http only on loopback (a developer's machine). */
function assertRedirectUri(uri: string, what: string): void {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new InvalidRequest(`${what} "${uri}" is not an absolute URL`);
  }
  if (url.hash) throw new InvalidRequest(`${what} "${uri}" must not contain a fragment`);
  const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    throw new InvalidRequest(`${what} "${uri}" must use https (http only on localhost)`);
  }
}
