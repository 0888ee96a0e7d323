import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

/** Messages waiting to be sent (MailOutbox); a sent or abandoned one is deleted. */
export const mailOutboxMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was, untyped
  async up(db: Kysely<any>) {
    await db.schema
      .createTable("mail_outbox")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("recipient", "text", (c) => c.notNull())
      .addColumn("subject", "text", (c) => c.notNull())
      .addColumn("text_body", "text", (c) => c.notNull())
      .addColumn("html_body", "text", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("next_attempt_at", "bigint", (c) => c.notNull())
      .addColumn("claim", "text")
      .addColumn("claimed_until", "bigint")
      .addColumn("last_error", "text")
      .execute();
    await db.schema
      .createIndex("mail_outbox_next_attempt")
      .on("mail_outbox")
      .column("next_attempt_at")
      .execute();
  },
  // biome-ignore lint/suspicious/noExplicitAny: as above
  async down(db: Kysely<any>) {
    await db.schema.dropTable("mail_outbox").execute();
  },
};
