import { type Database, type ModuleMigrations, migrate, openDatabase } from "@tandem/kernel";
import { createTestBackend } from "./backend.js";

export interface TwoConnections {
  database: Database;
  /** A second connection to the same database, as a second server instance would have. */
  other: Database;
  close(): Promise<void>;
}

/**
 * A fresh database on the test backend, migrated with `migrations`, and two connections to
 * it: what two server instances sharing PostgreSQL (or one SQLite file) would hold.
 */
export async function openTwoConnections(
  migrations: readonly ModuleMigrations[],
): Promise<TwoConnections> {
  const backend = await createTestBackend();
  const where = { databaseUrl: backend.databaseUrl, dataDir: backend.dataDir };
  const database = await openDatabase(where);
  await migrate(database, [...migrations]);
  const other = await openDatabase(where);
  return {
    database,
    other,
    async close() {
      await other.close();
      await database.close();
      await backend.dispose();
    },
  };
}
