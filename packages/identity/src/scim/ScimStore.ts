import type { KernelTables } from "@tandem/accounts";
import type { Database } from "@tandem/kernel";
import { type Kysely, type RawBuilder, type SqlBool, sql } from "kysely";
import type { IdentityTables } from "../storage/tables.js";
import {
  type AttributeMap,
  booleanAttribute,
  constantAttribute,
  linkAttribute,
  textAttribute,
  timeAttribute,
} from "./filterSql.js";
import { ENTERPRISE_USER_SCHEMA } from "./urns.js";

type Tables = IdentityTables & KernelTables;

/** An account as SCIM shows it: the kernel's row, its profile, organisation and SCIM record. */
export interface ScimUserRow {
  id: string;
  email: string;
  name: string;
  created_at: number;
  disabled_at: number | null;
  external_id: string | null;
  updated_at: number | null;
  given_name: string | null;
  family_name: string | null;
  home_federation: string | null;
  organisation_id: string | null;
  organisation_identifier: string | null;
  organisation_name: string | null;
}

export interface Page<Row> {
  total: number;
  rows: Row[];
}

export interface PageQuery {
  where?: RawBuilder<SqlBool>;
  /** A column from the attribute's sort map; ties are broken by id. */
  sort?: { column: RawBuilder<unknown>; descending: boolean };
  offset: number;
  limit: number;
}

const enterprise = ENTERPRISE_USER_SCHEMA.toLowerCase();

/** What a `/Users` filter may name, and the SQL behind each (see filterSql.ts). */
export const USER_FILTERS: AttributeMap = {
  id: textAttribute("u.id", { caseExact: true }),
  username: textAttribute("u.email", { lowercased: true }),
  "emails.value": textAttribute("u.email", { lowercased: true }),
  "emails.type": constantAttribute("work"),
  "emails.primary": constantAttribute(true),
  displayname: textAttribute("u.name"),
  "name.givenname": textAttribute("p.given_name"),
  "name.familyname": textAttribute("p.family_name"),
  externalid: textAttribute("s.external_id", { caseExact: true }),
  active: booleanAttribute(sql<SqlBool>`u.disabled_at is null`),
  "meta.created": timeAttribute("u.created_at"),
  "meta.lastmodified": timeAttribute(sql`coalesce(s.updated_at, u.created_at)`),
  "groups.value": linkAttribute((id) =>
    id === undefined
      ? sql<SqlBool>`exists (select 1 from group_members gm where gm.user_id = u.id)`
      : sql<SqlBool>`exists (select 1 from group_members gm where gm.user_id = u.id and gm.group_id = ${id})`,
  ),
  [`${enterprise}:organization`]: textAttribute("o.identifier"),
};

/** What `sortBy` may name on `/Users`: text sorts ignore case, as the filters do. */
export const USER_SORTS: Record<string, RawBuilder<unknown>> = {
  id: sql`u.id`,
  username: sql`u.email`,
  "emails.value": sql`u.email`,
  displayname: sql`lower(u.name)`,
  "name.givenname": sql`lower(coalesce(p.given_name, ''))`,
  "name.familyname": sql`lower(coalesce(p.family_name, ''))`,
  externalid: sql`coalesce(s.external_id, '')`,
  active: sql`coalesce(u.disabled_at, 0)`,
  "meta.created": sql`u.created_at`,
  "meta.lastmodified": sql`coalesce(s.updated_at, u.created_at)`,
};

/**
 * SQL for SCIM's view of accounts. Writes to the kernel's tables that the kernel has no
 * call for yet (e-mail and display name changes, re-enabling, revoking tokens) live here.
 */
export class ScimStore {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  #joined() {
    return this.#db
      .selectFrom("users as u")
      .leftJoin("scim_users as s", "s.user_id", "u.id")
      .leftJoin("account_profiles as p", "p.user_id", "u.id")
      .leftJoin("organisations as o", "o.id", "p.organisation_id");
  }

  /** Accounts SCIM may see: every account except deprovisioned ones. */
  #visible() {
    return this.#joined().where("s.deprovisioned_at", "is", null);
  }

  #columns = [
    "u.id",
    "u.email",
    "u.name",
    "u.created_at",
    "u.disabled_at",
    "s.external_id",
    "s.updated_at",
    "p.given_name",
    "p.family_name",
    "p.home_federation",
    "o.id as organisation_id",
    "o.identifier as organisation_identifier",
    "o.name as organisation_name",
  ] as const;

  async page(query: PageQuery): Promise<Page<ScimUserRow>> {
    const where = query.where ?? sql<SqlBool>`1 = 1`;
    const counted = await this.#visible()
      .where(where)
      .select((eb) => eb.fn.countAll<number>().as("total"))
      .executeTakeFirstOrThrow();
    let select = this.#visible().where(where).select(this.#columns);
    if (query.sort)
      select = select.orderBy(query.sort.column, query.sort.descending ? "desc" : "asc");
    const rows =
      query.limit === 0
        ? []
        : await select
            .orderBy("u.created_at")
            .orderBy("u.id")
            .offset(query.offset)
            .limit(query.limit)
            .execute();
    return { total: Number(counted.total), rows };
  }

  /** A visible account; a deprovisioned one too when asked, to provision it again. */
  byId(id: string, options: { deprovisioned?: boolean } = {}): Promise<ScimUserRow | undefined> {
    const query = options.deprovisioned ? this.#joined() : this.#visible();
    return query.where("u.id", "=", id).select(this.#columns).executeTakeFirst();
  }

  /** The account with this e-mail, deprovisioned or not: a deprovisioned one may be provisioned again. */
  async accountByEmail(email: string): Promise<{ id: string; deprovisioned: boolean } | undefined> {
    const row = await this.#db
      .selectFrom("users as u")
      .leftJoin("scim_users as s", "s.user_id", "u.id")
      .select(["u.id", "s.deprovisioned_at"])
      .where("u.email", "=", email)
      .executeTakeFirst();
    return row && { id: row.id, deprovisioned: row.deprovisioned_at !== null };
  }

  /** Creates or replaces the account's SCIM record. */
  async record(
    userId: string,
    values: { externalId: string | null; deprovisionedAt: number | null },
  ): Promise<void> {
    const row = {
      external_id: values.externalId,
      deprovisioned_at: values.deprovisionedAt,
      updated_at: Date.now(),
    };
    await this.#db
      .insertInto("scim_users")
      .values({ user_id: userId, ...row })
      .onConflict((oc) => oc.column("user_id").doUpdateSet(row))
      .execute();
  }

  async updateAccount(userId: string, values: { email: string; name: string }): Promise<void> {
    await this.#db.updateTable("users").set(values).where("id", "=", userId).execute();
  }

  async enable(userId: string): Promise<void> {
    await this.#db
      .updateTable("users")
      .set({ disabled_at: null })
      .where("id", "=", userId)
      .execute();
  }

  /**
   * Revokes the account's personal access tokens issued up to `issuedUpTo`. The kernel
   * refuses a disabled account's tokens without revoking them; revoking them keeps them
   * dead once the account is enabled again.
   */
  async revokeTokens(userId: string, issuedUpTo: number): Promise<void> {
    await this.#db
      .updateTable("personal_access_tokens")
      .set({ revoked_at: Date.now() })
      .where("user_id", "=", userId)
      .where("revoked_at", "is", null)
      .where("created_at", "<=", issuedUpTo)
      .execute();
  }
}
