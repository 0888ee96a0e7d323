import type { KernelTables } from "@tandem/accounts";
import { type Database, InvalidRequest } from "@tandem/kernel";
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { IdentityTables } from "../storage/tables.js";
import type { OrganisationRow } from "./OrganisationStore.js";

type Tables = IdentityTables & KernelTables;

export interface ProfileInput {
  organisationId: string;
  givenName: string;
  familyName: string;
  /** Defaults to the organisation's country. */
  homeFederation?: string;
}

/** The claims Tandem's provider states about an account. */
export interface IdentityClaims {
  email: string;
  name: string;
  given_name: string;
  family_name: string;
  organisation: string;
  org_id: string;
  home_federation: string;
  /** Names of the groups the account is a member of (provisioned by SCIM). */
  groups: string[];
}

/** Accounts' names and organisations, and the claims made from them. */
export class ProfileStore {
  readonly #db: Kysely<Tables>;

  readonly #database: Database;

  #claims: ReturnType<typeof claimsQuery> | undefined;
  #enabled: ReturnType<typeof enabledQuery> | undefined;

  constructor(database: Database) {
    this.#db = database.db;
    this.#database = database;
  }

  async set(userId: string, input: ProfileInput): Promise<void> {
    const givenName = input.givenName.trim();
    const familyName = input.familyName.trim();
    if (givenName.length > 200 || familyName.length > 200)
      throw new InvalidRequest("names must have at most 200 characters");
    const organisation = await this.#db
      .selectFrom("organisations")
      .select("country")
      .where("id", "=", input.organisationId)
      .executeTakeFirst();
    if (!organisation) throw new InvalidRequest(`no organisation ${input.organisationId}`);
    const values = {
      organisation_id: input.organisationId,
      given_name: givenName,
      family_name: familyName,
      home_federation: input.homeFederation ?? organisation.country,
    };
    await this.#db
      .insertInto("account_profiles")
      .values({ user_id: userId, created_at: Date.now(), ...values })
      .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
      .execute();
  }

  /**
   * Whether the account exists, is enabled and has a profile (what claimsOf needs to answer),
   * in one lookup by key: for the authorization endpoint, which only checks that the
   * signed-in account may still sign in and issues no claims.
   */
  async isEnabled(userId: string): Promise<boolean> {
    this.#enabled ??= enabledQuery(this.#database);
    return (await this.#enabled.all([userId])).length > 0;
  }

  /**
   * The claims of an enabled account (none for a disabled one). The provider asks on every
   * grant, so the statement is prepared once.
   */
  async claimsOf(userId: string): Promise<IdentityClaims | undefined> {
    this.#claims ??= claimsQuery(this.#database);
    const [row] = await this.#claims.all([userId]);
    if (!row) return undefined;
    return {
      email: row.email,
      name: row.name,
      given_name: row.given_name,
      family_name: row.family_name,
      organisation: row.organisation,
      org_id: row.identifier ?? row.organisation_id,
      home_federation: row.home_federation,
      groups: typeof row.groups === "string" ? (JSON.parse(row.groups) as string[]) : row.groups,
    };
  }

  /**
   * Gives every account without a profile one in the default organisation, its display
   * name split into given and family name: accounts made by the kernel alone (the first
   * administrator, `user add` without an organisation) or before identity existed.
   */
  async backfill(organisation: OrganisationRow): Promise<number> {
    const missing = await this.#db
      .selectFrom("users as u")
      .leftJoin("account_profiles as p", "p.user_id", "u.id")
      .select(["u.id", "u.name"])
      .where("p.user_id", "is", null)
      .execute();
    for (const user of missing) {
      const [given = "", ...family] = user.name.trim().split(/\s+/);
      await this.set(user.id, {
        organisationId: organisation.id,
        givenName: given,
        familyName: family.join(" "),
      });
    }
    return missing.length;
  }
}

function enabledQuery(database: Database) {
  const db: Kysely<Tables> = database.db;
  return database.prepare(
    db
      .selectFrom("users as u")
      .innerJoin("account_profiles as p", "p.user_id", "u.id")
      .select("u.id")
      .where("u.id", "=", "$user")
      .where("u.disabled_at", "is", null)
      .compile(),
  );
}

/**
 * An enabled account's claims in one statement, its groups' names aggregated as a JSON array
 * (one round trip to PostgreSQL instead of two on every grant).
 */
function claimsQuery(database: Database) {
  const db: Kysely<Tables> = database.db;
  // PostgreSQL hands json back parsed; SQLite gives its text.
  const groups: RawBuilder<string[] | string> =
    database.engine === "postgres"
      ? sql`(select coalesce(json_agg(g.display_name order by g.display_name), '[]')
          from group_members gm join "groups" g on g.id = gm.group_id where gm.user_id = u.id)`
      : sql`(select json_group_array(g.display_name order by g.display_name)
          from group_members gm join "groups" g on g.id = gm.group_id where gm.user_id = u.id)`;
  const account = db
    .selectFrom("users as u")
    .innerJoin("account_profiles as p", "p.user_id", "u.id")
    .innerJoin("organisations as o", "o.id", "p.organisation_id")
    .select([
      "u.email",
      "u.name",
      "p.given_name",
      "p.family_name",
      "p.home_federation",
      "o.name as organisation",
      "o.identifier",
      "o.id as organisation_id",
      groups.as("groups"),
    ])
    .where("u.id", "=", "$user")
    .where("u.disabled_at", "is", null);
  return database.prepare(account.compile());
}
