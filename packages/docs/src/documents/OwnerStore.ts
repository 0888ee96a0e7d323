import type { Database } from "@tandem/kernel";
import type { Kysely, Transaction } from "kysely";
import type { AccessRow, Tables } from "./DocumentStore.js";

/** Whose access a change is about: an account's or a group's on the document, or one by id. */
export type Grantee = { userId: string } | { groupId: string } | { accessId: string };

/**
 * The transaction in which an access that may be an owner's is changed (see OwnerGuard):
 * the owners are counted and the change written in it, one change per document tree at a time.
 */
export class OwnerStore {
  readonly #db: Kysely<Tables>;
  readonly #engine: Database["engine"];

  constructor(database: Database) {
    this.#db = database.db;
    this.#engine = database.engine;
  }

  /** Runs `work` in `executor` (the caller's transaction) or in a transaction of its own. */
  async inTransaction<T>(
    work: (trx: Kysely<Tables>) => Promise<T>,
    executor?: Kysely<Tables>,
  ): Promise<T> {
    if (executor?.isTransaction) return work(executor);
    return this.#db.transaction().execute((trx: Transaction<Tables>) => work(trx));
  }

  /**
   * Holds the tree's root row until the transaction ends, so that two changes to the owners of
   * one tree (whose owners are on the root or below) run one after the other. On PostgreSQL,
   * with a row lock: under READ COMMITTED, two transactions would otherwise each count the
   * other's owner and both remove theirs. SQLite needs none: Kysely runs its transactions
   * one at a time on its single connection.
   */
  async lockTree(trx: Kysely<Tables>, rootId: string): Promise<void> {
    if (this.#engine !== "postgres") return;
    await trx
      .selectFrom("docs_documents")
      .select("id")
      .where("id", "=", rootId)
      .forUpdate()
      .execute();
  }

  /** The access a change is about, as it is now, inside the transaction. */
  accessIn(
    trx: Kysely<Tables>,
    documentId: string,
    grantee: Grantee,
  ): Promise<AccessRow | undefined> {
    return trx
      .selectFrom("docs_accesses")
      .selectAll()
      .where("document_id", "=", documentId)
      .where((eb) =>
        "userId" in grantee
          ? eb("user_id", "=", grantee.userId)
          : "groupId" in grantee
            ? eb("group_id", "=", grantee.groupId)
            : eb("id", "=", grantee.accessId),
      )
      .executeTakeFirst();
  }
}
