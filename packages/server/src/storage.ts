import {
  AccessService,
  AccountService,
  type AppliedMigration,
  type Database,
  kernelMigrations,
  type ModuleMigrations,
  migrate,
  openDatabase,
  type UserRow,
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
  /** Disables an account and ends, at once, everything it holds: sessions, tokens, grants. */
  disableUser(email: string): Promise<UserRow>;
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
  const accounts = new AccountService(database);
  const access = new AccessService(database, { sessionMinutes: config.kernel.sessionMinutes });
  const modules = createModules();
  return {
    database,
    accounts,
    access,
    applied,
    disableUser: async (email) => {
      const user = await accounts.disable(email);
      await access.endSessionsOf(user);
      for (const module of modules) await module.onAccountDisabled?.(user.id, database);
      return user;
    },
    close: () => database.close(),
  };
}
