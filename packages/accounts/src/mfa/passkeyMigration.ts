import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

/** Passkeys, their ceremonies' challenges, and challenges that only allow enrolling a factor. */
export const passkeys: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was, untyped
  async up(db: Kysely<any>) {
    await db.schema
      .createTable("mfa_passkeys")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("public_key", "text", (c) => c.notNull())
      .addColumn("counter", "bigint", (c) => c.notNull())
      .addColumn("transports", "text", (c) => c.notNull())
      .addColumn("device_type", "text", (c) => c.notNull())
      .addColumn("backed_up", "integer", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("last_used_at", "bigint")
      .execute();
    await db.schema.createIndex("mfa_passkeys_user").on("mfa_passkeys").column("user_id").execute();
    await db.schema
      .createTable("mfa_webauthn_challenges")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("user_id", "text", (c) => c.references("users.id").onDelete("cascade"))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("expires_at", "bigint", (c) => c.notNull())
      .execute();
    // Every challenge issued before this migration was for the second step.
    await db.schema
      .alterTable("mfa_challenges")
      .addColumn("purpose", "text", (c) => c.notNull().defaultTo("second_factor"))
      .execute();
  },
  // biome-ignore lint/suspicious/noExplicitAny: as above
  async down(db: Kysely<any>) {
    await db.schema.alterTable("mfa_challenges").dropColumn("purpose").execute();
    await db.schema.dropTable("mfa_webauthn_challenges").execute();
    await db.schema.dropTable("mfa_passkeys").execute();
  },
};
