import { randomUUID } from "node:crypto";
import type { Database } from "@tandem/kernel";
import { type Kysely, sql } from "kysely";
import * as Y from "yjs";
import type { DocsTables } from "./tables.js";

export interface StoredState {
  snapshot: { state: Uint8Array; version: number } | undefined;
  updates: Array<{ id: string; data: Uint8Array }>;
}

/**
 * A document's content as the database holds it: a snapshot plus the updates appended
 * since. Yjs updates commute, so the log needs no order — only to know which updates a
 * snapshot already holds, which compaction settles by deleting exactly those.
 */
export class UpdateLog {
  readonly #db: Kysely<DocsTables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  async append(documentId: string, data: Uint8Array): Promise<void> {
    await this.#db
      .insertInto("docs_updates")
      .values({ id: randomUUID(), document_id: documentId, data, created_at: Date.now() })
      .execute();
  }

  /**
   * One statement, so one consistent view: read as two queries, a compaction committing in
   * between would show neither its snapshot nor the updates it folded in — an empty document.
   */
  async load(documentId: string): Promise<StoredState> {
    const rows = await this.#db
      .selectFrom("docs_snapshots")
      .select([sql<string | null>`null`.as("id"), "state as data", "version"])
      .where("document_id", "=", documentId)
      .unionAll(
        this.#db
          .selectFrom("docs_updates")
          .select(["id", "data", sql<number>`0`.as("version")])
          .where("document_id", "=", documentId),
      )
      .execute();
    let snapshot: StoredState["snapshot"];
    const updates: StoredState["updates"] = [];
    for (const row of rows) {
      if (row.id === null) snapshot = { state: row.data, version: Number(row.version) };
      else updates.push({ id: row.id, data: row.data });
    }
    return { snapshot, updates };
  }

  /** The whole content as one Yjs update (for exports, versions, search). */
  async stateOf(documentId: string): Promise<Uint8Array> {
    const { snapshot, updates } = await this.load(documentId);
    return Y.mergeUpdates([
      ...(snapshot ? [snapshot.state] : []),
      ...updates.map((update) => update.data),
    ]);
  }

  async countUpdates(documentId: string): Promise<number> {
    const row = await this.#db
      .selectFrom("docs_updates")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("document_id", "=", documentId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Folds the logged updates into the snapshot. Safe beside writers and other instances:
   * only the updates read here are deleted, and a snapshot changed meanwhile (another
   * compaction) makes this one give up. Returns whether it compacted.
   */
  async compact(documentId: string): Promise<boolean> {
    const { snapshot, updates } = await this.load(documentId);
    if (updates.length === 0) return false;
    const state = Y.mergeUpdates([
      ...(snapshot ? [snapshot.state] : []),
      ...updates.map((update) => update.data),
    ]);
    const now = Date.now();
    return this.#db.transaction().execute(async (trx) => {
      if (snapshot) {
        const result = await trx
          .updateTable("docs_snapshots")
          .set({ state, version: snapshot.version + 1, updated_at: now })
          .where("document_id", "=", documentId)
          .where("version", "=", snapshot.version)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) return false;
      } else {
        const result = await trx
          .insertInto("docs_snapshots")
          .values({ document_id: documentId, state, version: 1, updated_at: now })
          .onConflict((oc) => oc.column("document_id").doNothing())
          .executeTakeFirst();
        if (Number(result.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
      }
      const ids = updates.map((update) => update.id);
      for (let i = 0; i < ids.length; i += 500) {
        await trx
          .deleteFrom("docs_updates")
          .where("id", "in", ids.slice(i, i + 500))
          .execute();
      }
      return true;
    });
  }

  async deleteAll(documentId: string): Promise<void> {
    await this.#db.deleteFrom("docs_updates").where("document_id", "=", documentId).execute();
    await this.#db.deleteFrom("docs_snapshots").where("document_id", "=", documentId).execute();
  }
}
