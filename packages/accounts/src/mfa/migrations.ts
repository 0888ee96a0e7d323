import type { ModuleMigrations } from "@tandem/kernel";
import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";
import { passkeys } from "./passkeyMigration.js";

const secondFactors: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was, untyped
  async up(db: Kysely<any>) {
    await db.schema
      .createTable("mfa_totp")
      .addColumn("user_id", "text", (c) =>
        c.primaryKey().references("users.id").onDelete("cascade"),
      )
      .addColumn("secret", "text", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("confirmed_at", "bigint")
      .addColumn("last_used_step", "bigint")
      .execute();
    await db.schema
      .createTable("mfa_recovery_codes")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("code_hash", "text", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("used_at", "bigint")
      .execute();
    await db.schema
      .createIndex("mfa_recovery_codes_user")
      .on("mfa_recovery_codes")
      .columns(["user_id", "code_hash"])
      .execute();
    await db.schema
      .createTable("mfa_challenges")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("expires_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("mfa_sessions")
      .addColumn("session_id", "text", (c) =>
        c.primaryKey().references("sessions.id").onDelete("cascade"),
      )
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("method", "text", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .execute();
  },
  // biome-ignore lint/suspicious/noExplicitAny: as above
  async down(db: Kysely<any>) {
    await db.schema.dropTable("mfa_sessions").execute();
    await db.schema.dropTable("mfa_challenges").execute();
    await db.schema.dropTable("mfa_recovery_codes").execute();
    await db.schema.dropTable("mfa_totp").execute();
  },
};

/** Second factors keep their own migration history; they need the kernel's users and sessions. */
export const mfaMigrations: ModuleMigrations = {
  module: "mfa",
  migrations: { "0001_second_factors": secondFactors, "0002_passkeys": passkeys },
};
