import type { Kysely } from "kysely";
import type { ModuleMigrations } from "../storage/migrate.js";

/** The Scheduler's own history: leases of the jobs that run once per cluster. */
export const schedulerMigrations: ModuleMigrations = {
  module: "scheduler",
  migrations: {
    "0001_job_leases": {
      // biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was, untyped
      async up(db: Kysely<any>) {
        await db.schema
          .createTable("job_leases")
          .addColumn("job", "text", (c) => c.primaryKey())
          .addColumn("holder", "text", (c) => c.notNull())
          .addColumn("held_until", "bigint", (c) => c.notNull())
          .execute();
      },
      // biome-ignore lint/suspicious/noExplicitAny: as above
      async down(db: Kysely<any>) {
        await db.schema.dropTable("job_leases").execute();
      },
    },
  },
};
