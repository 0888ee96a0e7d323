import {
  AccessService,
  AccountService,
  type AccountsModule,
  AuditLog,
  auditMigrations,
  kernelMigrations,
  mfaMigrations,
  type NewAccount,
  type Revocations,
  type UserRow,
} from "@tandem/accounts";
import {
  type AppliedMigration,
  type Database,
  type ModuleMigrations,
  migrate,
  openDatabase,
  schedulerMigrations,
} from "@tandem/kernel";
import type { TandemConfig } from "./config.js";
import { createModules } from "./modules.js";
import { accountDeclarations } from "./startup/accountDeclarations.js";

/** Accounts' and the scheduler's migrations, then each module's, in the modules' order. */
function migrationsOf(modules: readonly AccountsModule[]): ModuleMigrations[] {
  return [
    kernelMigrations,
    auditMigrations,
    mfaMigrations,
    schedulerMigrations,
    ...modules.flatMap((m) => (m.migrations ? [m.migrations] : [])),
  ];
}

/** The database, migrated, with the account services on it: what the server and the CLI share. */
export interface Storage {
  database: Database;
  accounts: AccountService;
  access: AccessService;
  /** The security audit log; administration commands record what they did. */
  audit: AuditLog;
  /** Migrations this opening applied, in order. */
  applied: AppliedMigration[];
  /**
   * Creates an account through the module that declares an account creator (identity: with
   * its profile, in the organisation given by id or official identifier, else the deployment's own).
   */
  createUser(input: NewAccount): Promise<UserRow>;
  /** Disables an account and ends, at once, everything it holds: sessions, tokens, grants. */
  disableUser(email: string): Promise<UserRow>;
  /** Ends the account's sessions: Tandem's and those modules hold (apps' at the provider). */
  endSessionsOf(user: UserRow): Promise<void>;
  close(): Promise<void>;
}

/**
 * `revocations`: the server's, on its pub/sub, so that what is revoked here closes the
 * connections open on every instance; without it (the CLI) revocations stay in the database.
 * `modules`: the build's list (createModules() unless a test brings a module of its own).
 */
export async function openStorage(
  config: TandemConfig,
  options: { revocations?: Revocations; modules?: AccountsModule[] } = {},
): Promise<Storage> {
  const modules = options.modules ?? createModules();
  const database = await openDatabase(config.kernel);
  let applied: AppliedMigration[];
  try {
    applied = await migrate(database, migrationsOf(modules));
  } catch (error) {
    await database.close();
    throw error;
  }
  const accounts = new AccountService(database);
  const declared = accountDeclarations(modules);
  const access = new AccessService(database, {
    sessionMinutes: config.accounts.sessionMinutes,
    revocations: options.revocations,
    scopes: declared.tokenScopes,
  });
  return {
    database,
    accounts,
    access,
    audit: new AuditLog(database, undefined, declared.auditActions),
    applied,
    createUser: (input) => {
      const creator = declared.accountCreator;
      if (!creator?.createAccount) return accounts.create(input);
      return creator.createAccount(
        { database, accounts, config: config[creator.name] ?? {} },
        input,
      );
    },
    disableUser: async (email) => {
      const user = await accounts.disable(email);
      await access.endEverythingOf(user);
      for (const module of modules) await module.onAccountDisabled?.(user.id, database);
      return user;
    },
    endSessionsOf: async (user) => {
      await access.endSessionsOf(user);
      for (const module of modules) await module.onSessionsEnded?.(user.id, database);
    },
    close: () => database.close(),
  };
}
