import { randomUUID } from "node:crypto";
import { Conflict, type Database, InvalidRequest, NotFound } from "@tandem/kernel";
import type { Kysely } from "kysely";
import { SecretStore } from "../storage/SecretStore.js";
import type { IdentityTables } from "../storage/tables.js";
import { identifierProblem } from "./identifiers.js";

export type OrganisationRow = IdentityTables["organisations"];

export interface NewOrganisation {
  name: string;
  country: string;
  identifier?: string;
  requireMfa?: boolean;
}

const DEFAULT_KEY = "default-organisation";

/** Administrations, with their country and official identifier. */
export class OrganisationStore {
  readonly #db: Kysely<IdentityTables>;
  readonly #settings: SecretStore;

  constructor(database: Database) {
    this.#db = database.db;
    this.#settings = new SecretStore(database);
  }

  async add(input: NewOrganisation): Promise<OrganisationRow> {
    const name = input.name.trim();
    const country = input.country.trim().toUpperCase();
    const identifier = input.identifier?.replace(/\s+/g, "") || null;
    if (!name || name.length > 200)
      throw new InvalidRequest("organisation name must have 1 to 200 characters");
    if (!/^[A-Z]{2}$/.test(country))
      throw new InvalidRequest(`country "${input.country}" is not a two-letter country code`);
    if (identifier) {
      const problem = identifierProblem(country, identifier);
      if (problem) throw new InvalidRequest(problem);
      if (await this.byIdentifier(identifier))
        throw new Conflict(`an organisation with identifier ${identifier} exists`);
    }
    const row: OrganisationRow = {
      id: randomUUID(),
      name,
      country,
      identifier,
      require_mfa: input.requireMfa ? 1 : 0,
      created_at: Date.now(),
    };
    await this.#db.insertInto("organisations").values(row).execute();
    return row;
  }

  /** Renames an organisation or changes whether its members must use a second factor. */
  async update(
    id: string,
    changes: { name?: string; requireMfa?: boolean },
  ): Promise<OrganisationRow> {
    const values: { name?: string; require_mfa?: number } = {};
    if (changes.name !== undefined) {
      const name = changes.name.trim();
      if (!name || name.length > 200)
        throw new InvalidRequest("organisation name must have 1 to 200 characters");
      values.name = name;
    }
    if (changes.requireMfa !== undefined) values.require_mfa = changes.requireMfa ? 1 : 0;
    if (Object.keys(values).length > 0)
      await this.#db.updateTable("organisations").set(values).where("id", "=", id).execute();
    const row = await this.#db
      .selectFrom("organisations")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) throw new NotFound(`no organisation ${id}`);
    return row;
  }

  /** The accounts that belong to the organisation. */
  async memberIds(id: string): Promise<string[]> {
    const rows = await this.#db
      .selectFrom("account_profiles")
      .select("user_id")
      .where("organisation_id", "=", id)
      .execute();
    return rows.map((row) => row.user_id);
  }

  list(): Promise<OrganisationRow[]> {
    return this.#db.selectFrom("organisations").selectAll().orderBy("created_at").execute();
  }

  byIdentifier(identifier: string): Promise<OrganisationRow | undefined> {
    return this.#db
      .selectFrom("organisations")
      .selectAll()
      .where("identifier", "=", identifier)
      .executeTakeFirst();
  }

  /** By id or by official identifier, as an operator types it. */
  async find(reference: string): Promise<OrganisationRow> {
    const row = await this.#db
      .selectFrom("organisations")
      .selectAll()
      .where((eb) =>
        eb.or([eb("id", "=", reference), eb("identifier", "=", reference.replace(/\s+/g, ""))]),
      )
      .executeTakeFirst();
    if (!row) throw new NotFound(`no organisation ${reference}`);
    return row;
  }

  /** The deployment's own organisation, which accounts belong to unless told otherwise; made once. */
  async ensureDefault(input: NewOrganisation): Promise<OrganisationRow> {
    const existing = await this.#defaultRow();
    if (existing) return existing;
    const created = await this.add(input);
    const chosen = await this.#settings.putIfAbsent(DEFAULT_KEY, created.id);
    // Another instance won the race: keep its organisation, drop ours.
    if (chosen !== created.id)
      await this.#db.deleteFrom("organisations").where("id", "=", created.id).execute();
    return (await this.#defaultRow()) ?? created;
  }

  async #defaultRow(): Promise<OrganisationRow | undefined> {
    const row = await this.#db
      .selectFrom("identity_secrets")
      .innerJoin("organisations", "organisations.id", "identity_secrets.value")
      .selectAll("organisations")
      .where("identity_secrets.name", "=", DEFAULT_KEY)
      .executeTakeFirst();
    return row;
  }
}
