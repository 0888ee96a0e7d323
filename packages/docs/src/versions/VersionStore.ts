import { randomUUID } from "node:crypto";
import type { Database } from "@tandem/kernel";
import type { Kysely } from "kysely";
import type { DocsTables } from "../storage/tables.js";

export type VersionRow = DocsTables["docs_versions"];
export type VersionInfo = Omit<VersionRow, "state">;

export class VersionStore {
  readonly #db: Kysely<DocsTables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  async add(input: {
    documentId: string;
    name: string | null;
    state: Uint8Array;
    createdBy: string | null;
  }): Promise<VersionInfo> {
    const row: VersionRow = {
      id: randomUUID(),
      document_id: input.documentId,
      name: input.name,
      state: input.state,
      created_by: input.createdBy,
      created_at: Date.now(),
    };
    await this.#db.insertInto("docs_versions").values(row).execute();
    const { state: _state, ...info } = row;
    return info;
  }

  list(documentId: string): Promise<VersionInfo[]> {
    return this.#db
      .selectFrom("docs_versions")
      .select(["id", "document_id", "name", "created_by", "created_at"])
      .where("document_id", "=", documentId)
      .orderBy("created_at", "desc")
      .execute();
  }

  latest(documentId: string): Promise<VersionRow | undefined> {
    return this.#db
      .selectFrom("docs_versions")
      .selectAll()
      .where("document_id", "=", documentId)
      .orderBy("created_at", "desc")
      .limit(1)
      .executeTakeFirst();
  }

  byId(documentId: string, id: string): Promise<VersionRow | undefined> {
    return this.#db
      .selectFrom("docs_versions")
      .selectAll()
      .where("document_id", "=", documentId)
      .where("id", "=", id)
      .executeTakeFirst();
  }
}
