import { type ModuleMigrations, mailOutboxMigration } from "@tandem/kernel";
import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

const accounts: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was, untyped
  async up(db: Kysely<any>) {
    await db.schema
      .createTable("users")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("email", "text", (c) => c.notNull().unique())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("role", "text", (c) => c.notNull())
      .addColumn("password_hash", "text")
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("disabled_at", "bigint")
      .execute();
    await db.schema
      .createTable("personal_access_tokens")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("token_hash", "text", (c) => c.notNull().unique())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("expires_at", "bigint")
      .addColumn("last_used_at", "bigint")
      .addColumn("revoked_at", "bigint")
      .execute();
    await db.schema
      .createIndex("personal_access_tokens_user")
      .on("personal_access_tokens")
      .column("user_id")
      .execute();
    await db.schema
      .createTable("sessions")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("expires_at", "bigint", (c) => c.notNull())
      .addColumn("last_seen_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();
  },
  // biome-ignore lint/suspicious/noExplicitAny: as above
  async down(db: Kysely<any>) {
    await db.schema.dropTable("sessions").execute();
    await db.schema.dropTable("personal_access_tokens").execute();
    await db.schema.dropTable("users").execute();
  },
};

/** Failed sign-ins counted per account and per network, shared by every instance (LoginThrottle). */
const loginThrottle: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: as above
  async up(db: Kysely<any>) {
    await db.schema
      .createTable("login_throttle")
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("key", "text", (c) => c.notNull())
      .addColumn("failures", "integer", (c) => c.notNull())
      .addColumn("window_start", "bigint", (c) => c.notNull())
      .addColumn("delay_ms", "bigint", (c) => c.notNull())
      .addColumn("blocked_until", "bigint")
      .addColumn("expires_at", "bigint", (c) => c.notNull())
      .addPrimaryKeyConstraint("login_throttle_pk", ["kind", "key"])
      .execute();
    await db.schema
      .createIndex("login_throttle_expires")
      .on("login_throttle")
      .column("expires_at")
      .execute();
  },
  // biome-ignore lint/suspicious/noExplicitAny: as above
  async down(db: Kysely<any>) {
    await db.schema.dropTable("login_throttle").execute();
  },
};

/**
 * What each personal access token may be used for. Tokens issued before scopes existed keep
 * what they could do: Tandem's REST API and SCIM provisioning (as the CLI still issues them),
 * so a provisioning system does not stop at the upgrade.
 */
const tokenScopes: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: as above
  async up(db: Kysely<any>) {
    // A default fills the rows there already in one statement, on SQLite as on PostgreSQL.
    await db.schema
      .alterTable("personal_access_tokens")
      .addColumn("scopes", "text", (c) => c.notNull().defaultTo('["api","scim"]'))
      .execute();
  },
  // biome-ignore lint/suspicious/noExplicitAny: as above
  async down(db: Kysely<any>) {
    await db.schema.alterTable("personal_access_tokens").dropColumn("scopes").execute();
  },
};

/** Devices and networks accounts have signed in from: throttling without lockout (LoginThrottle). */
const loginKnownSources: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: as above
  async up(db: Kysely<any>) {
    await db.schema
      .createTable("login_known_sources")
      .addColumn("account", "text", (c) => c.notNull())
      .addColumn("source", "text", (c) => c.notNull())
      .addColumn("expires_at", "bigint", (c) => c.notNull())
      .addPrimaryKeyConstraint("login_known_sources_pk", ["account", "source"])
      .execute();
    await db.schema
      .createIndex("login_known_sources_expires")
      .on("login_known_sources")
      .column("expires_at")
      .execute();
  },
  // biome-ignore lint/suspicious/noExplicitAny: as above
  async down(db: Kysely<any>) {
    await db.schema.dropTable("login_known_sources").execute();
  },
};

/**
 * The accounts' tables. Their history keeps the module name "kernel" (the table
 * `tandem_migrations_kernel`), where they were released before accounts left the kernel:
 * a database that ran them under that name must find them applied, not run them again.
 * Accounts run first (server/storage.ts), so the mail outbox's table comes before any module.
 */
export const kernelMigrations: ModuleMigrations = {
  module: "kernel",
  migrations: {
    "0001_accounts": accounts,
    "0002_login_throttle": loginThrottle,
    "0003_token_scopes": tokenScopes,
    // Released in this history (the outbox is the kernel's, but every Tandem has run it here).
    "0004_mail_outbox": mailOutboxMigration,
    "0005_login_known_sources": loginKnownSources,
  },
};
