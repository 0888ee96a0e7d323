import { randomUUID } from "node:crypto";
import type { Database } from "@tandem/kernel";
import type { Kysely } from "kysely";
import type { DocsTables } from "../storage/tables.js";
import type { Role } from "../wire/enums.js";

export type InvitationRow = DocsTables["docs_invitations"];
export type AccessRequestRow = DocsTables["docs_access_requests"];

/** Invitations of people without an account yet, and requests for access. */
export class SharingStore {
  readonly #db: Kysely<DocsTables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  /** Records an invitation; with `executor`, inside the caller's transaction. */
  async invite(
    documentId: string,
    email: string,
    role: Role,
    invitedBy: string,
    executor: Kysely<DocsTables> = this.#db,
  ): Promise<void> {
    await executor
      .insertInto("docs_invitations")
      .values({
        id: randomUUID(),
        document_id: documentId,
        email,
        role,
        invited_by: invitedBy,
        created_at: Date.now(),
      })
      .onConflict((oc) => oc.columns(["email", "document_id"]).doUpdateSet({ role }))
      .execute();
  }

  invitationsOf(documentId: string): Promise<InvitationRow[]> {
    return this.#db
      .selectFrom("docs_invitations")
      .selectAll()
      .where("document_id", "=", documentId)
      .orderBy("created_at")
      .execute();
  }

  invitationFor(documentId: string, email: string): Promise<InvitationRow | undefined> {
    return this.#db
      .selectFrom("docs_invitations")
      .selectAll()
      .where("document_id", "=", documentId)
      .where("email", "=", email)
      .executeTakeFirst();
  }

  async removeInvitation(documentId: string, id: string): Promise<boolean> {
    const result = await this.#db
      .deleteFrom("docs_invitations")
      .where("document_id", "=", documentId)
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /**
   * Turns the invitations sent to an e-mail into the account's accesses, once: the first
   * request of a new account claims them.
   */
  async claim(email: string, userId: string): Promise<number> {
    const pending = await this.#db
      .selectFrom("docs_invitations")
      .selectAll()
      .where("email", "=", email)
      .execute();
    if (pending.length === 0) return 0;
    await this.#db.transaction().execute(async (trx) => {
      for (const invitation of pending) {
        await trx
          .insertInto("docs_accesses")
          .values({
            id: randomUUID(),
            document_id: invitation.document_id,
            user_id: userId,
            group_id: null,
            role: invitation.role,
            created_at: Date.now(),
          })
          .onConflict((oc) => oc.columns(["document_id", "user_id"]).doNothing())
          .execute();
        await trx.deleteFrom("docs_invitations").where("id", "=", invitation.id).execute();
      }
    });
    return pending.length;
  }

  async request(
    documentId: string,
    userId: string,
    role: Role,
    executor: Kysely<DocsTables> = this.#db,
  ): Promise<AccessRequestRow> {
    const row: AccessRequestRow = {
      id: randomUUID(),
      document_id: documentId,
      user_id: userId,
      role,
      created_at: Date.now(),
    };
    await executor
      .insertInto("docs_access_requests")
      .values(row)
      .onConflict((oc) => oc.columns(["document_id", "user_id"]).doUpdateSet({ role }))
      .execute();
    return row;
  }

  requestsOf(documentId: string): Promise<AccessRequestRow[]> {
    return this.#db
      .selectFrom("docs_access_requests")
      .selectAll()
      .where("document_id", "=", documentId)
      .orderBy("created_at")
      .execute();
  }

  /** Removes a request and gives it back; with `executor`, inside the caller's transaction. */
  async takeRequest(
    documentId: string,
    id: string,
    executor: Kysely<DocsTables> = this.#db,
  ): Promise<AccessRequestRow | undefined> {
    const row = await executor
      .selectFrom("docs_access_requests")
      .selectAll()
      .where("document_id", "=", documentId)
      .where("id", "=", id)
      .executeTakeFirst();
    if (row) await executor.deleteFrom("docs_access_requests").where("id", "=", id).execute();
    return row;
  }
}
