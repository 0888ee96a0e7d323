import { type Migration, type MigrationResult, Migrator } from "kysely/migration";
import type { Database } from "./Database.js";

/**
 * A module's versioned migrations. Names sort in order of application
 * (`0001_users`, `0002_tokens`); a migration, once released, never changes.
 */
export interface ModuleMigrations {
  module: string;
  migrations: Record<string, Migration>;
}

export interface AppliedMigration {
  module: string;
  name: string;
}

export class MigrationFailed extends Error {
  override name = "MigrationFailed";
}

/**
 * Brings every module's tables up to date, kernel first. Each module keeps its own
 * history table so modules version independently. Each migration runs in a transaction
 * (SQLite and PostgreSQL both roll DDL back), and on PostgreSQL an advisory lock makes
 * instances that start together take turns.
 */
export async function migrate(
  database: Database,
  modules: ModuleMigrations[],
): Promise<AppliedMigration[]> {
  const applied: AppliedMigration[] = [];
  for (const { module, migrations } of modules) {
    const migrator = new Migrator({
      db: database.db,
      provider: { getMigrations: async () => migrations },
      migrationTableName: `tandem_migrations_${module}`,
      migrationLockTableName: `tandem_migrations_${module}_lock`,
    });
    const { error, results } = await migrator.migrateToLatest();
    const failed = results?.find((r: MigrationResult) => r.status === "Error");
    if (error) {
      const where = failed ? `${module}/${failed.migrationName}` : module;
      const why = error instanceof Error ? error.message : String(error);
      throw new MigrationFailed(`migration ${where} failed: ${why}`, { cause: error });
    }
    for (const r of results ?? []) {
      if (r.status === "Success") applied.push({ module, name: r.migrationName });
    }
  }
  return applied;
}
