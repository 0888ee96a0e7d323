import {
  AccessService,
  AccountService,
  type AppliedMigration,
  type Database,
  kernelMigrations,
  type ModuleMigrations,
  migrate,
  openDatabase,
} from "@tandem/kernel";
import type { TandemConfig } from "./config.js";
import { createModules } from "./modules.js";

export const allMigrations: ModuleMigrations[] = [
  kernelMigrations,
  ...createModules().flatMap((m) => (m.migrations ? [m.migrations] : [])),
];

/** The database, migrated, with the account services on it: what the server and the CLI share. */
export interface Storage {
  database: Database;
  accounts: AccountService;
  access: AccessService;
  /** Migrations this opening applied, in order. */
  applied: AppliedMigration[];
  close(): Promise<void>;
}

export async function openStorage(config: TandemConfig): Promise<Storage> {
  const database = await openDatabase(config.kernel);
  let applied: AppliedMigration[];
  try {
    applied = await migrate(database, allMigrations);
  } catch (error) {
    await database.close();
    throw error;
  }
  return {
    database,
    accounts: new AccountService(database),
    access: new AccessService(database, { sessionMinutes: config.kernel.sessionMinutes }),
    applied,
    close: () => database.close(),
  };
}
