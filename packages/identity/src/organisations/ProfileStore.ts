import { type Database, InvalidRequest, type KernelTables } from "@tandem/kernel";
import type { Kysely } from "kysely";
import { GroupStore } from "../scim/GroupStore.js";
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

  async claimsOf(userId: string): Promise<IdentityClaims | undefined> {
    const row = await this.#db
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
      ])
      .where("u.id", "=", userId)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      email: row.email,
      name: row.name,
      given_name: row.given_name,
      family_name: row.family_name,
      organisation: row.organisation,
      org_id: row.identifier ?? row.organisation_id,
      home_federation: row.home_federation,
      groups: (await new GroupStore(this.#database).groupsOf(userId)).map((g) => g.displayName),
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
