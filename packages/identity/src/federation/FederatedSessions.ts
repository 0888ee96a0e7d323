import type { Database } from "@tandem/kernel";
import type { Kysely } from "kysely";
import type { IdentityTables } from "../storage/tables.js";
import type { Broker } from "./Broker.js";
import type { UpstreamStore } from "./UpstreamStore.js";

/**
 * Tandem sessions opened through an upstream provider, with the ID token it sent:
 * signing out of Tandem then signs the browser out at the upstream too (RP-initiated
 * logout with `id_token_hint`), after Tandem's own apps were told (back-channel).
 */
export class FederatedSessions {
  readonly #db: Kysely<IdentityTables>;

  constructor(
    database: Database,
    private readonly upstreams: UpstreamStore,
    private readonly broker: Broker,
  ) {
    this.#db = database.db;
  }

  async remember(
    sessionId: string,
    upstreamId: string,
    signIn: { idToken: string; acr?: string; amr?: string[] },
  ): Promise<void> {
    await this.#db
      .insertInto("federated_sessions")
      .values({
        session_id: sessionId,
        upstream_id: upstreamId,
        id_token: signIn.idToken,
        acr: signIn.acr ?? null,
        amr: JSON.stringify(signIn.amr ?? []),
        created_at: Date.now(),
      })
      .execute();
  }

  /** How the session's user signed in upstream, if they did. */
  async assuranceOf(sessionId: string): Promise<{ acr?: string; amr: string[] } | undefined> {
    const row = await this.#db
      .selectFrom("federated_sessions")
      .select(["acr", "amr"])
      .where("session_id", "=", sessionId)
      .executeTakeFirst();
    return row ? { acr: row.acr ?? undefined, amr: JSON.parse(row.amr) as string[] } : undefined;
  }

  /** Forgets the session; returns the upstream sign-out URL the browser must visit, if any. */
  async end(sessionId: string, returnTo: string): Promise<string | undefined> {
    const row = await this.#db
      .selectFrom("federated_sessions")
      .selectAll()
      .where("session_id", "=", sessionId)
      .executeTakeFirst();
    if (!row) return undefined;
    await this.#db.deleteFrom("federated_sessions").where("session_id", "=", sessionId).execute();
    const upstream = await this.upstreams.byId(row.upstream_id);
    if (!row.id_token) return undefined;
    return (await this.broker.endSessionUrl(upstream, row.id_token, returnTo))?.href;
  }

  /** Rows whose Tandem session has ended on its own (expired) serve no purpose after a day. */
  async purge(olderThanMs: number): Promise<void> {
    await this.#db
      .deleteFrom("federated_sessions")
      .where("created_at", "<", Date.now() - olderThanMs)
      .execute();
  }
}
