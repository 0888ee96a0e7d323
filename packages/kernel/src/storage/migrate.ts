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
    // One step at a time: migrateToLatest would wrap all pending steps in one transaction,
    // so a failing step would also undo the good ones before it.
    for (;;) {
      const { error, results } = await migrator.migrateUp();
      if (error) {
        const failed = results?.find((r: MigrationResult) => r.status === "Error");
        const where = failed ? `${module}/${failed.migrationName}` : module;
        const why = error instanceof Error ? error.message : String(error);
        throw new MigrationFailed(`migration ${where} failed: ${why}`, { cause: error });
      }
      const done = (results ?? []).filter((r) => r.status === "Success");
      if (done.length === 0) break;
      applied.push(...done.map((r) => ({ module, name: r.migrationName })));
    }
  }
  return applied;
}
