import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

const COLUMNS = [
  ["oidc_payloads_grant", "grant_id"],
  ["oidc_payloads_account", "account_id"],
  ["oidc_payloads_uid", "uid"],
] as const;

/**
 * oidc_payloads' indexes on grant, account and interaction uid leave out the rows without one.
 * Most rows lack at least one of them (a client-credentials token has none of the three, a
 * session no grant), and every index a row enters is one more page rewritten by each insert:
 * on SQLite the write is most of what a token costs. Lookups (`grant_id = ?`, …) imply
 * `is not null`, so both engines still use these indexes for them.
 */
export const partialPayloadIndexes: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was, untyped
  async up(db: Kysely<any>) {
    for (const [name, column] of COLUMNS) {
      await db.schema.dropIndex(name).execute();
      await db.schema
        .createIndex(name)
        .on("oidc_payloads")
        .column(column)
        .where(column, "is not", null)
        .execute();
    }
  },
  // biome-ignore lint/suspicious/noExplicitAny: as above
  async down(db: Kysely<any>) {
    for (const [name, column] of COLUMNS) {
      await db.schema.dropIndex(name).execute();
      await db.schema.createIndex(name).on("oidc_payloads").column(column).execute();
    }
  },
};
