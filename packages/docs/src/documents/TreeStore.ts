import { randomUUID } from "node:crypto";
import type { Database } from "@tandem/kernel";
import { type Kysely, sql } from "kysely";
import type { DocsTables } from "../storage/tables.js";
import type { Role } from "../wire/enums.js";
import type { DocumentRow } from "./DocumentStore.js";

/** An account or a group holding a role, as an access row names it. */
export interface Grantee {
  user_id: string | null;
  group_id: string | null;
}

/** Moving, trashing and restoring subtrees: each is one statement over a path prefix. */
export class TreeStore {
  readonly #db: Kysely<DocsTables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  /** The owner grants on these documents (a chain's owners are those of all its members). */
  ownersOn(ids: string[]): Promise<Grantee[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.#db
      .selectFrom("docs_accesses")
      .select(["user_id", "group_id"])
      .where("document_id", "in", ids)
      .where("role", "=", "owner")
      .execute();
  }

  /**
   * Re-roots a document and everything below it under a new parent (or at the top), and
   * gives `grants` on it in the same transaction, so that it is never seen moved without them.
   */
  async move(
    document: DocumentRow,
    parent: DocumentRow | null,
    grants: Array<Grantee & { role: Role }> = [],
  ): Promise<void> {
    const oldPrefix = document.path;
    const newPrefix = `${parent?.path ?? ""}${document.id}/`;
    await this.#db.transaction().execute(async (trx) => {
      for (const grant of grants) {
        await trx
          .insertInto("docs_accesses")
          .values({ id: randomUUID(), document_id: document.id, ...grant, created_at: Date.now() })
          .onConflict((oc) =>
            oc
              .columns(["document_id", grant.user_id ? "user_id" : "group_id"])
              .doUpdateSet({ role: grant.role }),
          )
          .execute();
      }
      await trx
        .updateTable("docs_documents")
        .set({ parent_id: parent?.id ?? null, updated_at: Date.now() })
        .where("id", "=", document.id)
        .execute();
      await trx
        .updateTable("docs_documents")
        .set({
          path: sql<string>`${newPrefix} || substr(path, ${oldPrefix.length + 1})`,
        })
        .where("path", "like", `${oldPrefix}%`)
        .execute();
    });
  }

  /** Puts a subtree in the trash; its members share one time, which restoring matches. */
  async trash(document: DocumentRow, at: number): Promise<void> {
    await this.#db
      .updateTable("docs_documents")
      .set({ deleted_at: at })
      .where("path", "like", `${document.path}%`)
      .where("deleted_at", "is", null)
      .execute();
  }

  async restore(document: DocumentRow): Promise<void> {
    if (document.deleted_at === null) return;
    await this.#db
      .updateTable("docs_documents")
      .set({ deleted_at: null })
      .where("path", "like", `${document.path}%`)
      .where("deleted_at", "=", document.deleted_at)
      .execute();
  }

  /** Documents put in the trash themselves (not along with an ancestor) since `since`. */
  trashedSince(since: number): Promise<DocumentRow[]> {
    return this.#db
      .selectFrom("docs_documents as d")
      .leftJoin("docs_documents as p", "p.id", "d.parent_id")
      .selectAll("d")
      .where("d.deleted_at", ">=", since)
      .where((eb) =>
        eb.or([
          eb("p.id", "is", null),
          eb("p.deleted_at", "is", null),
          eb("p.deleted_at", "!=", eb.ref("d.deleted_at")),
        ]),
      )
      .orderBy("d.deleted_at", "desc")
      .execute();
  }

  /** Deletes for good what has been in the trash since before `before`, with its content. */
  async purge(before: number): Promise<number> {
    const doomed = await this.#db
      .selectFrom("docs_documents")
      .select("id")
      .where("deleted_at", "<", before)
      .execute();
    const ids = doomed.map((row) => row.id);
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      await this.#db.transaction().execute(async (trx) => {
        await trx.deleteFrom("docs_updates").where("document_id", "in", chunk).execute();
        await trx.deleteFrom("docs_snapshots").where("document_id", "in", chunk).execute();
        await trx.deleteFrom("docs_accesses").where("document_id", "in", chunk).execute();
        await trx.deleteFrom("docs_favourites").where("document_id", "in", chunk).execute();
        await trx.deleteFrom("docs_versions").where("document_id", "in", chunk).execute();
        await trx.deleteFrom("docs_invitations").where("document_id", "in", chunk).execute();
        await trx.deleteFrom("docs_access_requests").where("document_id", "in", chunk).execute();
        await trx.deleteFrom("docs_documents").where("id", "in", chunk).execute();
      });
    }
    return ids.length;
  }

  async setFavourite(userId: string, documentId: string, favourite: boolean): Promise<void> {
    if (favourite) {
      await this.#db
        .insertInto("docs_favourites")
        .values({ user_id: userId, document_id: documentId, created_at: Date.now() })
        .onConflict((oc) => oc.columns(["user_id", "document_id"]).doNothing())
        .execute();
    } else {
      await this.#db
        .deleteFrom("docs_favourites")
        .where("user_id", "=", userId)
        .where("document_id", "=", documentId)
        .execute();
    }
  }

  favouritesOf(userId: string): Promise<DocumentRow[]> {
    return this.#db
      .selectFrom("docs_favourites as f")
      .innerJoin("docs_documents as d", "d.id", "f.document_id")
      .selectAll("d")
      .where("f.user_id", "=", userId)
      .where("d.deleted_at", "is", null)
      .orderBy("f.created_at", "desc")
      .execute();
  }

  async setTemplate(documentId: string, isTemplate: boolean): Promise<void> {
    await this.#db
      .updateTable("docs_documents")
      .set({ is_template: isTemplate ? 1 : 0 })
      .where("id", "=", documentId)
      .execute();
  }

  /** Templates anyone signed in may read through the link, or shared with these grantees. */
  templatesFor(userId: string, groupIds: string[]): Promise<DocumentRow[]> {
    return this.#db
      .selectFrom("docs_documents as d")
      .selectAll("d")
      .where("d.is_template", "=", 1)
      .where("d.deleted_at", "is", null)
      .where((eb) =>
        eb.or([
          eb("d.link_reach", "!=", "restricted"),
          eb.exists(
            eb
              .selectFrom("docs_accesses as a")
              .select("a.id")
              .whereRef("a.document_id", "=", "d.id")
              .where((inner) =>
                groupIds.length > 0
                  ? inner.or([inner("a.user_id", "=", userId), inner("a.group_id", "in", groupIds)])
                  : inner("a.user_id", "=", userId),
              ),
          ),
        ]),
      )
      .orderBy("d.title")
      .execute();
  }
}
