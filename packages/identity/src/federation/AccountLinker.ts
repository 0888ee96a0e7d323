import type { AccountService, UserRow } from "@tandem/accounts";
import { Conflict, type Database, Forbidden } from "@tandem/kernel";
import type { Kysely } from "kysely";
import { OrganisationStore } from "../organisations/OrganisationStore.js";
import { ProfileStore } from "../organisations/ProfileStore.js";
import type { IdentityTables } from "../storage/tables.js";
import type { UpstreamIdentity } from "./claimProfiles.js";
import type { Upstream } from "./UpstreamStore.js";

/**
 * Finds the account an upstream identity is, by the stable (issuer, subject) pair only,
 * and creates it just in time at its first sign-in. An existing account with the same
 * e-mail is never taken over: e-mail alone proves nothing across providers.
 */
export class AccountLinker {
  readonly #db: Kysely<IdentityTables>;
  readonly #organisations: OrganisationStore;
  readonly #profiles: ProfileStore;

  constructor(
    database: Database,
    private readonly accounts: AccountService,
  ) {
    this.#db = database.db;
    this.#organisations = new OrganisationStore(database);
    this.#profiles = new ProfileStore(database);
  }

  async accountFor(
    upstream: Upstream,
    subject: string,
    identity: UpstreamIdentity,
  ): Promise<UserRow> {
    const link = await this.#db
      .selectFrom("account_links")
      .select("user_id")
      .where("issuer", "=", upstream.issuer)
      .where("subject", "=", subject)
      .executeTakeFirst();
    if (link) {
      const user = await this.accounts.users.byId(link.user_id);
      if (!user || user.disabled_at !== null) throw new Forbidden("This account is disabled.");
      return user;
    }
    if (await this.accounts.users.byEmail(identity.email)) {
      throw new Conflict(
        `an account with e-mail ${identity.email} already exists here and is not linked to ${upstream.name}; ask an administrator`,
      );
    }
    const organisation = await this.#organisationOf(upstream, identity);
    const name = `${identity.givenName} ${identity.familyName}`.trim() || identity.email;
    const user = await this.accounts.create({ email: identity.email, name });
    await this.#profiles.set(user.id, {
      organisationId: organisation.id,
      givenName: identity.givenName,
      familyName: identity.familyName,
      homeFederation: upstream.federation,
    });
    await this.#db
      .insertInto("account_links")
      .values({ issuer: upstream.issuer, subject, user_id: user.id, created_at: Date.now() })
      .execute();
    return user;
  }

  /** The organisation the upstream names (by official identifier), made if new here. */
  async #organisationOf(upstream: Upstream, identity: UpstreamIdentity) {
    // Without an identifier, the upstream itself stands for the organisation.
    const identifier = identity.organisationIdentifier ?? `upstream:${upstream.id}`;
    const known = await this.#organisations.byIdentifier(identifier);
    if (known) return known;
    return this.#organisations.add({
      name:
        identity.organisationName ??
        (identity.organisationIdentifier ? `${upstream.name} ${identifier}` : upstream.name),
      // A SIRET is French whoever vouches for it; any other identifier belongs to the upstream's federation.
      country: upstream.profile === "proconnect" ? "FR" : upstream.federation,
      identifier,
    });
  }
}
