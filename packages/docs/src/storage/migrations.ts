import type { ModuleMigrations } from "@tandem/kernel";
import { type Kysely, PostgresAdapter, sql } from "kysely";
import type { Migration } from "kysely/migration";

const documents: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was, untyped
  async up(db: Kysely<any>) {
    await db.schema
      .createTable("docs_documents")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("parent_id", "text")
      .addColumn("path", "text", (c) => c.notNull())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("icon", "text")
      .addColumn("creator_id", "text", (c) => c.notNull())
      .addColumn("link_reach", "text", (c) => c.notNull())
      .addColumn("link_role", "text", (c) => c.notNull())
      .addColumn("is_template", "integer", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("updated_at", "bigint", (c) => c.notNull())
      .addColumn("deleted_at", "bigint")
      .execute();
    await db.schema
      .createIndex("docs_documents_path")
      .on("docs_documents")
      .column("path")
      .execute();
    await db.schema
      .createIndex("docs_documents_parent")
      .on("docs_documents")
      .column("parent_id")
      .execute();
    await db.schema
      .createTable("docs_accesses")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("document_id", "text", (c) => c.notNull())
      .addColumn("user_id", "text")
      .addColumn("group_id", "text")
      .addColumn("role", "text", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("docs_accesses_user")
      .on("docs_accesses")
      .columns(["document_id", "user_id"])
      .unique()
      .execute();
    await db.schema
      .createIndex("docs_accesses_group")
      .on("docs_accesses")
      .columns(["document_id", "group_id"])
      .unique()
      .execute();
    await db.schema
      .createIndex("docs_accesses_by_user")
      .on("docs_accesses")
      .column("user_id")
      .execute();
    // bytea: PostgreSQL's binary type; SQLite stores a blob whatever the column's declared type.
    await db.schema
      .createTable("docs_updates")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("document_id", "text", (c) => c.notNull())
      .addColumn("data", "bytea", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("docs_updates_document")
      .on("docs_updates")
      .column("document_id")
      .execute();
    await db.schema
      .createTable("docs_snapshots")
      .addColumn("document_id", "text", (c) => c.primaryKey())
      .addColumn("state", "bytea", (c) => c.notNull())
      .addColumn("version", "integer", (c) => c.notNull())
      .addColumn("updated_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("docs_favourites")
      .addColumn("user_id", "text", (c) => c.notNull())
      .addColumn("document_id", "text", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addPrimaryKeyConstraint("docs_favourites_pk", ["user_id", "document_id"])
      .execute();
  },
  // biome-ignore lint/suspicious/noExplicitAny: as above
  async down(db: Kysely<any>) {
    for (const table of [
      "docs_favourites",
      "docs_snapshots",
      "docs_updates",
      "docs_accesses",
      "docs_documents",
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};

const versions: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was, untyped
  async up(db: Kysely<any>) {
    await db.schema
      .createTable("docs_versions")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("document_id", "text", (c) => c.notNull())
      .addColumn("name", "text")
      .addColumn("state", "bytea", (c) => c.notNull())
      .addColumn("created_by", "text")
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("docs_versions_document")
      .on("docs_versions")
      .columns(["document_id", "created_at"])
      .execute();
  },
  // biome-ignore lint/suspicious/noExplicitAny: as above
  async down(db: Kysely<any>) {
    await db.schema.dropTable("docs_versions").execute();
  },
};

/**
 * Full-text search without a search service: SQLite's FTS5 (accents folded), or on
 * PostgreSQL a tsvector that stems with both the French and the German configurations.
 */
const search: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was, untyped
  async up(db: Kysely<any>) {
    if (db.getExecutor().adapter instanceof PostgresAdapter) {
      await sql`CREATE TABLE docs_search (
        document_id text PRIMARY KEY,
        title text NOT NULL,
        body text NOT NULL,
        tsv tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('french', title), 'A') ||
          setweight(to_tsvector('german', title), 'A') ||
          setweight(to_tsvector('simple', title), 'A') ||
          to_tsvector('french', body) || to_tsvector('german', body) ||
          to_tsvector('simple', body)
        ) STORED
      )`.execute(db);
      await sql`CREATE INDEX docs_search_tsv ON docs_search USING gin (tsv)`.execute(db);
    } else {
      await sql`CREATE VIRTUAL TABLE docs_search USING fts5(
        document_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2'
      )`.execute(db);
    }
  },
  // biome-ignore lint/suspicious/noExplicitAny: as above
  async down(db: Kysely<any>) {
    await sql`DROP TABLE docs_search`.execute(db);
  },
};

const invitations: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was, untyped
  async up(db: Kysely<any>) {
    await db.schema
      .createTable("docs_invitations")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("document_id", "text", (c) => c.notNull())
      .addColumn("email", "text", (c) => c.notNull())
      .addColumn("role", "text", (c) => c.notNull())
      .addColumn("invited_by", "text", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("docs_invitations_email")
      .on("docs_invitations")
      .columns(["email", "document_id"])
      .unique()
      .execute();
    await db.schema
      .createTable("docs_access_requests")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("document_id", "text", (c) => c.notNull())
      .addColumn("user_id", "text", (c) => c.notNull())
      .addColumn("role", "text", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("docs_access_requests_user")
      .on("docs_access_requests")
      .columns(["document_id", "user_id"])
      .unique()
      .execute();
  },
  // biome-ignore lint/suspicious/noExplicitAny: as above
  async down(db: Kysely<any>) {
    await db.schema.dropTable("docs_access_requests").execute();
    await db.schema.dropTable("docs_invitations").execute();
  },
};

/** Docs keeps its own migration history, apart from the other modules'. */
export const docsMigrations: ModuleMigrations = {
  module: "docs",
  migrations: {
    "0001_documents": documents,
    "0002_versions": versions,
    "0003_search": search,
    "0004_invitations": invitations,
  },
};
