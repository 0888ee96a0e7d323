import { randomUUID } from "node:crypto";
import type { KernelTables } from "@tandem/accounts";
import type { Database } from "@tandem/kernel";
import { type Kysely, type SqlBool, sql } from "kysely";
import type { IdentityTables } from "../storage/tables.js";
import { type AttributeMap, linkAttribute, textAttribute, timeAttribute } from "./filterSql.js";
import type { Page, PageQuery } from "./ScimStore.js";

type Tables = IdentityTables & KernelTables;
export type GroupRow = IdentityTables["groups"];

/** A group an account belongs to, as a `groups` claim or a sharing dialog names it. */
export interface GroupMembership {
  id: string;
  displayName: string;
}

/** A member as a group shows it: the account's id and display name. */
export interface GroupMember {
  value: string;
  display: string;
}

/** What a `/Groups` filter may name, and the SQL behind each (see filterSql.ts). */
export const GROUP_FILTERS: AttributeMap = {
  id: textAttribute("g.id", { caseExact: true }),
  displayname: textAttribute("g.display_name"),
  externalid: textAttribute("g.external_id", { caseExact: true }),
  "meta.created": timeAttribute("g.created_at"),
  "meta.lastmodified": timeAttribute("g.updated_at"),
  "members.value": linkAttribute((id) =>
    id === undefined
      ? sql<SqlBool>`exists (select 1 from group_members gm where gm.group_id = g.id)`
      : sql<SqlBool>`exists (select 1 from group_members gm where gm.group_id = g.id and gm.user_id = ${id})`,
  ),
};

export const GROUP_SORTS = {
  id: sql`g.id`,
  displayname: sql`lower(g.display_name)`,
  externalid: sql`coalesce(g.external_id, '')`,
  "meta.created": sql`g.created_at`,
  "meta.lastmodified": sql`g.updated_at`,
};

// Well below SQLite's and PostgreSQL's limits on bound parameters in one statement.
const CHUNK = 500;

/**
 * Groups of accounts and their members. Other modules share with groups and the provider
 * states a `groups` claim through `groupsOf`.
 */
export class GroupStore {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  /** The groups an account is a member of, by name. */
  groupsOf(userId: string): Promise<GroupMembership[]> {
    return this.#db
      .selectFrom("group_members as gm")
      .innerJoin("groups as g", "g.id", "gm.group_id")
      .select(["g.id", "g.display_name as displayName"])
      .where("gm.user_id", "=", userId)
      .orderBy("g.display_name")
      .execute();
  }

  /** `groupsOf` for several accounts at once: a page of SCIM users shows each one's groups. */
  async groupsOfMany(userIds: string[]): Promise<Map<string, GroupMembership[]>> {
    const result = new Map<string, GroupMembership[]>(userIds.map((id) => [id, []]));
    for (const ids of chunks(userIds)) {
      const rows = await this.#db
        .selectFrom("group_members as gm")
        .innerJoin("groups as g", "g.id", "gm.group_id")
        .select(["gm.user_id", "g.id", "g.display_name as displayName"])
        .where("gm.user_id", "in", ids)
        .orderBy("g.display_name")
        .execute();
      for (const { user_id, ...group } of rows) result.get(user_id)?.push(group);
    }
    return result;
  }

  async page(query: PageQuery): Promise<Page<GroupRow>> {
    const where = query.where ?? sql<SqlBool>`1 = 1`;
    const counted = await this.#db
      .selectFrom("groups as g")
      .where(where)
      .select((eb) => eb.fn.countAll<number>().as("total"))
      .executeTakeFirstOrThrow();
    let select = this.#db.selectFrom("groups as g").where(where).selectAll("g");
    if (query.sort)
      select = select.orderBy(query.sort.column, query.sort.descending ? "desc" : "asc");
    const rows =
      query.limit === 0
        ? []
        : await select
            .orderBy("g.created_at")
            .orderBy("g.id")
            .offset(query.offset)
            .limit(query.limit)
            .execute();
    return { total: Number(counted.total), rows };
  }

  byId(id: string): Promise<GroupRow | undefined> {
    return this.#db.selectFrom("groups").selectAll().where("id", "=", id).executeTakeFirst();
  }

  async create(values: { displayName: string; externalId: string | null }): Promise<GroupRow> {
    const now = Date.now();
    const row: GroupRow = {
      id: randomUUID(),
      display_name: values.displayName,
      external_id: values.externalId,
      created_at: now,
      updated_at: now,
    };
    await this.#db.insertInto("groups").values(row).execute();
    return row;
  }

  async update(id: string, values: { displayName: string; externalId: string | null }) {
    await this.#db
      .updateTable("groups")
      .set({
        display_name: values.displayName,
        external_id: values.externalId,
        updated_at: Date.now(),
      })
      .where("id", "=", id)
      .execute();
  }

  async delete(id: string): Promise<void> {
    await this.#db.deleteFrom("group_members").where("group_id", "=", id).execute();
    await this.#db.deleteFrom("groups").where("id", "=", id).execute();
  }

  /** Each group's members, by display name; accounts hidden from SCIM are left out. */
  async membersOf(groupIds: string[]): Promise<Map<string, GroupMember[]>> {
    const result = new Map<string, GroupMember[]>(groupIds.map((id) => [id, []]));
    for (const ids of chunks(groupIds)) {
      const rows = await this.#db
        .selectFrom("group_members as gm")
        .innerJoin("users as u", "u.id", "gm.user_id")
        .leftJoin("scim_users as s", "s.user_id", "u.id")
        .select(["gm.group_id", "u.id as value", "u.name as display"])
        .where("gm.group_id", "in", ids)
        .where("s.deprovisioned_at", "is", null)
        .orderBy("u.name")
        .orderBy("u.id")
        .execute();
      for (const { group_id, ...member } of rows) result.get(group_id)?.push(member);
    }
    return result;
  }

  async addMembers(groupId: string, userIds: string[]): Promise<void> {
    for (const ids of chunks(userIds)) {
      await this.#db
        .insertInto("group_members")
        .values(ids.map((user_id) => ({ group_id: groupId, user_id })))
        .onConflict((oc) => oc.columns(["group_id", "user_id"]).doNothing())
        .execute();
    }
  }

  async removeMembers(groupId: string, userIds: string[]): Promise<void> {
    for (const ids of chunks(userIds)) {
      await this.#db
        .deleteFrom("group_members")
        .where("group_id", "=", groupId)
        .where("user_id", "in", ids)
        .execute();
    }
  }

  /** A deprovisioned account leaves every group. */
  async removeFromAll(userId: string): Promise<void> {
    await this.#db.deleteFrom("group_members").where("user_id", "=", userId).execute();
  }

  /** Which of these ids are accounts SCIM may name as members (existing, not deprovisioned). */
  async memberCandidates(userIds: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const ids of chunks(userIds)) {
      const rows = await this.#db
        .selectFrom("users as u")
        .leftJoin("scim_users as s", "s.user_id", "u.id")
        .select("u.id")
        .where("u.id", "in", ids)
        .where("s.deprovisioned_at", "is", null)
        .execute();
      for (const row of rows) found.add(row.id);
    }
    return found;
  }
}

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) result.push(items.slice(i, i + CHUNK));
  return result;
}
