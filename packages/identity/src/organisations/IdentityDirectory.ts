import type {
  AccountDescription,
  AccountDirectorySource,
  AccountGroup,
  KernelTables,
} from "@tandem/accounts";
import type { Database } from "@tandem/kernel";
import type { Kysely } from "kysely";
import { GroupStore } from "../scim/GroupStore.js";
import type { IdentityTables } from "../storage/tables.js";

/** Answers the kernel's AccountDirectory from identity's organisations and SCIM groups. */
export class IdentityDirectory implements AccountDirectorySource {
  readonly #db: Kysely<IdentityTables & KernelTables>;
  readonly #groups: GroupStore;

  constructor(database: Database) {
    this.#db = database.db;
    this.#groups = new GroupStore(database);
  }

  async describe(userId: string): Promise<AccountDescription> {
    const [organisation, groups] = await Promise.all([
      this.#db
        .selectFrom("account_profiles as p")
        .innerJoin("organisations as o", "o.id", "p.organisation_id")
        .select(["o.id", "o.name", "o.country", "o.identifier"])
        .where("p.user_id", "=", userId)
        .executeTakeFirst(),
      this.#groups.groupsOf(userId),
    ]);
    return {
      organisation: organisation ?? null,
      groups: groups.map((group) => ({ id: group.id, name: group.displayName })),
    };
  }

  async group(groupId: string): Promise<AccountGroup | undefined> {
    const row = await this.#db
      .selectFrom("groups")
      .select(["id", "display_name"])
      .where("id", "=", groupId)
      .executeTakeFirst();
    return row ? { id: row.id, name: row.display_name } : undefined;
  }

  async groupIdsOf(userId: string): Promise<string[]> {
    const rows = await this.#db
      .selectFrom("group_members")
      .select("group_id")
      .where("user_id", "=", userId)
      .execute();
    return rows.map((row) => row.group_id);
  }
}
