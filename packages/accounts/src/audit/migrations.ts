import type { ModuleMigrations } from "@tandem/kernel";
import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

const events: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was, untyped
  async up(db: Kysely<any>) {
    await db.schema
      .createTable("audit_events")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("at", "bigint", (c) => c.notNull())
      .addColumn("action", "text", (c) => c.notNull())
      .addColumn("outcome", "text", (c) => c.notNull())
      .addColumn("actor_id", "text")
      .addColumn("actor_email", "text")
      .addColumn("subject", "text")
      .addColumn("ip", "text")
      .addColumn("details", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("audit_events_at").on("audit_events").column("at").execute();
    await db.schema
      .createIndex("audit_events_action_at")
      .on("audit_events")
      .columns(["action", "at"])
      .execute();
  },
  // biome-ignore lint/suspicious/noExplicitAny: as above
  async down(db: Kysely<any>) {
    await db.schema.dropTable("audit_events").execute();
  },
};

/** The audit log keeps its own migration history, apart from the accounts'. */
export const auditMigrations: ModuleMigrations = {
  module: "audit",
  migrations: { "0001_events": events },
};
