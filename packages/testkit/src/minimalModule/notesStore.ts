import { randomUUID } from "node:crypto";
import type { Database, ModuleMigrations } from "@tandem/kernel";
import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

interface NotesTables {
  notes_notes: { id: string; owner_id: string; text: string; created_at: number };
}

export interface Note {
  id: string;
  text: string;
  createdAt: number;
}

const notes: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was, untyped
  async up(db: Kysely<any>) {
    await db.schema
      .createTable("notes_notes")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("owner_id", "text", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("notes_notes_owner").on("notes_notes").column("owner_id").execute();
  },
  // biome-ignore lint/suspicious/noExplicitAny: as above
  async down(db: Kysely<any>) {
    await db.schema.dropTable("notes_notes").execute();
  },
};

/** The notes module's own migration history, apart from the other modules'. */
export const notesMigrations: ModuleMigrations = {
  module: "notes",
  migrations: { "0001_notes": notes },
};

/** The notes' SQL: the one place that knows the table. */
export class NotesStore {
  readonly #db: Kysely<NotesTables>;

  constructor(database: Database) {
    this.#db = database.db as Kysely<NotesTables>;
  }

  async add(ownerId: string, text: string, now = Date.now()): Promise<Note> {
    const note = { id: randomUUID(), owner_id: ownerId, text, created_at: now };
    await this.#db.insertInto("notes_notes").values(note).execute();
    return { id: note.id, text, createdAt: now };
  }

  async listOf(ownerId: string): Promise<Note[]> {
    const rows = await this.#db
      .selectFrom("notes_notes")
      .selectAll()
      .where("owner_id", "=", ownerId)
      .orderBy("created_at")
      .execute();
    return rows.map((row) => ({ id: row.id, text: row.text, createdAt: Number(row.created_at) }));
  }

  async count(): Promise<number> {
    const row = await this.#db
      .selectFrom("notes_notes")
      .select((eb) => eb.fn.countAll<string | number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Deletes the notes written before `cutoff`; how many went. */
  async purgeBefore(cutoff: number): Promise<number> {
    const result = await this.#db
      .deleteFrom("notes_notes")
      .where("created_at", "<", cutoff)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
