import { randomUUID } from "node:crypto";
import type { KernelTables } from "@tandem/accounts";
import type { Database } from "@tandem/kernel";
import type { Kysely } from "kysely";
import type { DocsTables } from "../storage/tables.js";
import type { LinkReach, LinkRole, Role } from "../wire/enums.js";

export type DocumentRow = DocsTables["docs_documents"];
export type AccessRow = DocsTables["docs_accesses"];

/** Docs' tables and the kernel's accounts, for who still counts as an owner. */
export type Tables = DocsTables & Pick<KernelTables, "users">;

/** The ids of a document's ancestors and its own, root first, read off its path. */
export function chainOf(document: Pick<DocumentRow, "path">): string[] {
  return document.path.split("/").filter(Boolean);
}

/** Documents and who has access to them: SQL only, the rules are in the services. */
export class DocumentStore {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  async insert(input: {
    parent: DocumentRow | null;
    title: string;
    creatorId: string;
    ownerRole?: Role;
  }): Promise<DocumentRow> {
    const id = randomUUID();
    const now = Date.now();
    const row: DocumentRow = {
      id,
      parent_id: input.parent?.id ?? null,
      path: `${input.parent?.path ?? ""}${id}/`,
      title: input.title,
      icon: null,
      creator_id: input.creatorId,
      link_reach: "restricted",
      link_role: "reader",
      is_template: 0,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    };
    await this.#db.transaction().execute(async (trx) => {
      await trx.insertInto("docs_documents").values(row).execute();
      // A root document belongs to its creator; a sub-page inherits its parent's accesses.
      if (input.ownerRole) {
        await trx
          .insertInto("docs_accesses")
          .values({
            id: randomUUID(),
            document_id: id,
            user_id: input.creatorId,
            group_id: null,
            role: input.ownerRole,
            created_at: now,
          })
          .execute();
      }
    });
    return row;
  }

  byId(id: string): Promise<DocumentRow | undefined> {
    return this.#db
      .selectFrom("docs_documents")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
  }

  /** The documents of a chain (ancestors and self), for their link settings. */
  linksOf(ids: string[]): Promise<Array<Pick<DocumentRow, "id" | "link_reach" | "link_role">>> {
    return this.#db
      .selectFrom("docs_documents")
      .select(["id", "link_reach", "link_role"])
      .where("id", "in", ids)
      .execute();
  }

  /** The grants on any of these documents to this account or one of its groups. */
  grantsTo(ids: string[], userId: string, groupIds: string[]): Promise<Array<{ role: Role }>> {
    return this.#db
      .selectFrom("docs_accesses")
      .select("role")
      .where("document_id", "in", ids)
      .where((eb) =>
        groupIds.length > 0
          ? eb.or([eb("user_id", "=", userId), eb("group_id", "in", groupIds)])
          : eb("user_id", "=", userId),
      )
      .execute();
  }

  children(parentId: string): Promise<DocumentRow[]> {
    return this.#db
      .selectFrom("docs_documents")
      .selectAll()
      .where("parent_id", "=", parentId)
      .where("deleted_at", "is", null)
      .orderBy("created_at")
      .execute();
  }

  /** Documents shared with the account or its groups directly, not through an ancestor. */
  sharedWith(userId: string, groupIds: string[]): Promise<DocumentRow[]> {
    return this.#db
      .selectFrom("docs_documents as d")
      .innerJoin("docs_accesses as a", "a.document_id", "d.id")
      .selectAll("d")
      .distinct()
      .where("d.deleted_at", "is", null)
      .where((eb) =>
        groupIds.length > 0
          ? eb.or([eb("a.user_id", "=", userId), eb("a.group_id", "in", groupIds)])
          : eb("a.user_id", "=", userId),
      )
      .orderBy("d.updated_at", "desc")
      .execute();
  }

  async update(
    id: string,
    values: Partial<{
      title: string;
      icon: string | null;
      link_reach: LinkReach;
      link_role: LinkRole;
    }>,
  ): Promise<void> {
    await this.#db
      .updateTable("docs_documents")
      .set({ ...values, updated_at: Date.now() })
      .where("id", "=", id)
      .execute();
  }

  /** Removes a document that was just made, with its accesses (undoing a failed copy). */
  async remove(id: string): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await trx.deleteFrom("docs_updates").where("document_id", "=", id).execute();
      await trx.deleteFrom("docs_accesses").where("document_id", "=", id).execute();
      await trx.deleteFrom("docs_documents").where("id", "=", id).execute();
    });
  }

  accessesOf(documentId: string): Promise<AccessRow[]> {
    return this.#db
      .selectFrom("docs_accesses")
      .selectAll()
      .where("document_id", "=", documentId)
      .orderBy("created_at")
      .execute();
  }

  /**
   * Grants a role to an account on a document, replacing the role it had there; with
   * `executor`, inside the caller's transaction.
   */
  grantUser(
    documentId: string,
    userId: string,
    role: Role,
    executor: Kysely<DocsTables> = this.#db,
  ): Promise<void> {
    return this.#grant(documentId, "user_id", userId, role, executor);
  }

  /** Accounts that decide on access to a document: its or an ancestor's owners and administrators. */
  async decidersOf(chain: string[]): Promise<string[]> {
    if (chain.length === 0) return [];
    const rows = await this.#db
      .selectFrom("docs_accesses")
      .select("user_id")
      .distinct()
      .where("document_id", "in", chain)
      .where("role", "in", ["owner", "administrator"])
      .where("user_id", "is not", null)
      .execute();
    return rows.flatMap((row) => (row.user_id ? [row.user_id] : []));
  }

  /** Grants a role to a group (its members share it), replacing the group's role there. */
  grantGroup(documentId: string, groupId: string, role: Role, executor = this.#db): Promise<void> {
    return this.#grant(documentId, "group_id", groupId, role, executor);
  }

  async #grant(
    documentId: string,
    grantee: "user_id" | "group_id",
    id: string,
    role: Role,
    executor: Kysely<DocsTables> = this.#db,
  ): Promise<void> {
    await executor
      .insertInto("docs_accesses")
      .values({
        id: randomUUID(),
        document_id: documentId,
        user_id: grantee === "user_id" ? id : null,
        group_id: grantee === "group_id" ? id : null,
        role,
        created_at: Date.now(),
      })
      .onConflict((oc) => oc.columns(["document_id", grantee]).doUpdateSet({ role }))
      .execute();
  }

  /** The access an account or a group holds on the document itself, if any. */
  accessFor(
    documentId: string,
    grantee: { userId: string } | { groupId: string },
  ): Promise<AccessRow | undefined> {
    return this.#db
      .selectFrom("docs_accesses")
      .selectAll()
      .where("document_id", "=", documentId)
      .where((eb) =>
        "userId" in grantee
          ? eb("user_id", "=", grantee.userId)
          : eb("group_id", "=", grantee.groupId),
      )
      .executeTakeFirst();
  }

  /**
   * The owner accesses on a chain (a document and its ancestors) that still count: a group's,
   * or an account's that is not disabled (a disabled account can no longer act as owner).
   */
  liveOwnersOf(chain: string[], executor = this.#db): Promise<AccessRow[]> {
    if (chain.length === 0) return Promise.resolve([]);
    return executor
      .selectFrom("docs_accesses as a")
      .leftJoin("users as u", "u.id", "a.user_id")
      .selectAll("a")
      .where("a.document_id", "in", chain)
      .where("a.role", "=", "owner")
      .where((eb) =>
        eb.or([
          eb("a.group_id", "is not", null),
          eb("u.disabled_at", "is", null).and("u.id", "is not", null),
        ]),
      )
      .execute();
  }

  /**
   * Root documents, in the trash or not, with no owner that counts: their sub-pages inherit
   * from them, so these are all the documents nobody owns.
   */
  ownerless(): Promise<DocumentRow[]> {
    return this.#db
      .selectFrom("docs_documents as d")
      .selectAll("d")
      .where("d.parent_id", "is", null)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("docs_accesses as a")
              .leftJoin("users as u", "u.id", "a.user_id")
              .select("a.id")
              .whereRef("a.document_id", "=", "d.id")
              .where("a.role", "=", "owner")
              .where((inner) =>
                inner.or([
                  inner("a.group_id", "is not", null),
                  inner("u.disabled_at", "is", null).and("u.id", "is not", null),
                ]),
              ),
          ),
        ),
      )
      .orderBy("d.created_at")
      .execute();
  }

  /** The documents (ids) on which the account holds the owner role itself. */
  async ownedBy(userId: string): Promise<string[]> {
    const rows = await this.#db
      .selectFrom("docs_accesses")
      .select("document_id")
      .where("user_id", "=", userId)
      .where("role", "=", "owner")
      .execute();
    return rows.map((row) => row.document_id);
  }

  async removeAccess(documentId: string, accessId: string, executor = this.#db): Promise<boolean> {
    const result = await executor
      .deleteFrom("docs_accesses")
      .where("document_id", "=", documentId)
      .where("id", "=", accessId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
