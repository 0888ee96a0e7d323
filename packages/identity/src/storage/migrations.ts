import type { ModuleMigrations } from "@tandem/kernel";
import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";
import { partialPayloadIndexes } from "./payloadIndexes.js";

const provider: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was, untyped
  async up(db: Kysely<any>) {
    await db.schema
      .createTable("oidc_payloads")
      .addColumn("model", "text", (c) => c.notNull())
      .addColumn("id", "text", (c) => c.notNull())
      .addColumn("payload", "text", (c) => c.notNull())
      .addColumn("grant_id", "text")
      .addColumn("account_id", "text")
      .addColumn("user_code", "text")
      .addColumn("uid", "text")
      .addColumn("expires_at", "bigint")
      .addColumn("consumed_at", "bigint")
      .addPrimaryKeyConstraint("oidc_payloads_pk", ["model", "id"])
      .execute();
    await db.schema
      .createIndex("oidc_payloads_grant")
      .on("oidc_payloads")
      .column("grant_id")
      .execute();
    await db.schema
      .createIndex("oidc_payloads_account")
      .on("oidc_payloads")
      .column("account_id")
      .execute();
    await db.schema.createIndex("oidc_payloads_uid").on("oidc_payloads").column("uid").execute();
    await db.schema
      .createIndex("oidc_payloads_expiry")
      .on("oidc_payloads")
      .column("expires_at")
      .execute();
    await db.schema
      .createTable("oidc_clients")
      .addColumn("client_id", "text", (c) => c.primaryKey())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("metadata", "text", (c) => c.notNull())
      .addColumn("first_party", "integer", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("oidc_keys")
      .addColumn("kid", "text", (c) => c.primaryKey())
      .addColumn("private_jwk", "text", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("retired_at", "bigint")
      .addColumn("expires_at", "bigint")
      .execute();
    await db.schema
      .createTable("identity_secrets")
      .addColumn("name", "text", (c) => c.primaryKey())
      .addColumn("value", "text", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .execute();
  },
  // biome-ignore lint/suspicious/noExplicitAny: as above
  async down(db: Kysely<any>) {
    for (const table of ["identity_secrets", "oidc_keys", "oidc_clients", "oidc_payloads"]) {
      await db.schema.dropTable(table).execute();
    }
  },
};

const organisations: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was, untyped
  async up(db: Kysely<any>) {
    await db.schema
      .createTable("organisations")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("country", "text", (c) => c.notNull())
      .addColumn("identifier", "text", (c) => c.unique())
      .addColumn("require_mfa", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("account_profiles")
      .addColumn("user_id", "text", (c) =>
        c.primaryKey().references("users.id").onDelete("cascade"),
      )
      .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
      .addColumn("given_name", "text", (c) => c.notNull())
      .addColumn("family_name", "text", (c) => c.notNull())
      .addColumn("home_federation", "text", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("account_profiles_organisation")
      .on("account_profiles")
      .column("organisation_id")
      .execute();
  },
  // biome-ignore lint/suspicious/noExplicitAny: as above
  async down(db: Kysely<any>) {
    await db.schema.dropTable("account_profiles").execute();
    await db.schema.dropTable("organisations").execute();
  },
};

const federation: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was, untyped
  async up(db: Kysely<any>) {
    await db.schema
      .createTable("upstream_providers")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("issuer", "text", (c) => c.notNull().unique())
      .addColumn("client_id", "text", (c) => c.notNull())
      .addColumn("client_secret", "text", (c) => c.notNull())
      .addColumn("profile", "text", (c) => c.notNull())
      .addColumn("domains", "text", (c) => c.notNull())
      .addColumn("federation", "text", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("account_links")
      .addColumn("issuer", "text", (c) => c.notNull())
      .addColumn("subject", "text", (c) => c.notNull())
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addPrimaryKeyConstraint("account_links_pk", ["issuer", "subject"])
      .execute();
    await db.schema
      .createTable("federated_sessions")
      .addColumn("session_id", "text", (c) => c.primaryKey())
      .addColumn("upstream_id", "text", (c) =>
        c.notNull().references("upstream_providers.id").onDelete("cascade"),
      )
      .addColumn("id_token", "text", (c) => c.notNull())
      .addColumn("acr", "text")
      .addColumn("amr", "text", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .execute();
  },
  // biome-ignore lint/suspicious/noExplicitAny: as above
  async down(db: Kysely<any>) {
    await db.schema.dropTable("federated_sessions").execute();
    await db.schema.dropTable("account_links").execute();
    await db.schema.dropTable("upstream_providers").execute();
  },
};

/** SCIM provisioning: groups, their members, and SCIM's own view of accounts. */
const groups: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was, untyped
  async up(db: Kysely<any>) {
    await db.schema
      .createTable("scim_users")
      .addColumn("user_id", "text", (c) =>
        c.primaryKey().references("users.id").onDelete("cascade"),
      )
      .addColumn("external_id", "text")
      .addColumn("deprovisioned_at", "bigint")
      .addColumn("updated_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("groups")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("display_name", "text", (c) => c.notNull())
      .addColumn("external_id", "text")
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("updated_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("group_members")
      .addColumn("group_id", "text", (c) => c.notNull().references("groups.id").onDelete("cascade"))
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addPrimaryKeyConstraint("group_members_pk", ["group_id", "user_id"])
      .execute();
    // groupsOf(user) reads by user; the primary key serves reads by group.
    await db.schema
      .createIndex("group_members_user")
      .on("group_members")
      .column("user_id")
      .execute();
  },
  // biome-ignore lint/suspicious/noExplicitAny: as above
  async down(db: Kysely<any>) {
    await db.schema.dropTable("group_members").execute();
    await db.schema.dropTable("groups").execute();
    await db.schema.dropTable("scim_users").execute();
  },
};

export const identityMigrations: ModuleMigrations = {
  module: "identity",
  migrations: {
    "0001_provider": provider,
    "0002_organisations": organisations,
    "0004_federation": federation,
    // Names only grow: Kysely refuses a new one that sorts before an applied one (0003 stays unused).
    "0005_groups": groups,
    "0006_partial_payload_indexes": partialPayloadIndexes,
  },
};
