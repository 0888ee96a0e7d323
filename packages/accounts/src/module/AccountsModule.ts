import type { Database, Slice, SliceValues, TandemModule } from "@tandem/kernel";
import type { AccessService } from "../accounts/AccessService.js";
import type { AccountDirectory, AccountDirectorySource } from "../accounts/AccountDirectory.js";
import type { AccountService, NewUser } from "../accounts/AccountService.js";
import type { Revocations } from "../accounts/Revocations.js";
import type { UserRow } from "../accounts/tables.js";
import type { AuditLog } from "../audit/AuditLog.js";
import type { AccountsConfig } from "../config.js";
import type { Authenticator, BearerResolver, SignOutHook } from "../http/Authenticator.js";
import type { AccountDeclarationLists } from "../wire/index.js";

/** A new account as the CLI and test factories describe it; a module's creator reads what it knows. */
export interface NewAccount extends NewUser {
  givenName?: string;
  familyName?: string;
  /** Organisation id or official identifier; without one, the deployment's own. */
  organisation?: string;
}

/** What a module building on accounts receives, beside the kernel's ModuleContext. */
export interface AccountsContext {
  /** The accounts' slice of the configuration (the session lifetime a module's sessions follow). */
  accountsConfig: AccountsConfig;
  auth: Authenticator;
  accounts: AccountService;
  access: AccessService;
  /**
   * Sessions and tokens revoked, accounts disabled, on any instance: a module holding
   * connections open closes theirs (accounts publishes; `access.revocations` is the same).
   */
  revocations: Revocations;
  audit: AuditLog;
  /** Organisations and groups of accounts, provided by the identity module. */
  directory: AccountDirectory;
  /**
   * Disables an account and ends everything it holds in every module (sessions, tokens,
   * grants): what an administrator's or a provisioning system's deactivation calls.
   */
  disableUser(email: string): Promise<UserRow>;
}

/**
 * A module that builds on accounts: the kernel's contract, with the accounts context at
 * registration, and what it adds to accounts declared here, never by changing a shared
 * object at run time. The server collects the declarations before anything registers; a
 * declaration is a closure over the module's own state, which register() sets (the server
 * serves no request before every module has registered).
 */
export interface AccountsModule<S extends Slice = Slice>
  extends TandemModule<S, AccountsContext>,
    AccountDeclarationLists {
  /** Bearer tokens the module issues (an OpenID provider's access tokens), accepted by every API. */
  bearerTokens?: BearerResolver;
  /** Run when a browser signs out of Tandem: the module ends the browser sessions it keeps. */
  onSignOut?: SignOutHook[];
  /** Organisations and groups of accounts (identity); at most one module declares them. */
  directory?: AccountDirectorySource;
  /**
   * Creates an account with what the module keeps beside it (identity: its profile and
   * organisation), for the CLI and test factories, on the database alone; at most one
   * module declares it, and without one an account is made by accounts alone.
   */
  createAccount?(
    deps: { database: Database; accounts: AccountService; config: SliceValues<S> },
    input: NewAccount,
  ): Promise<UserRow>;
  /**
   * An account was disabled or deprovisioned: end everything the module holds for it
   * (sessions, tokens). Runs wherever the account is disabled, in the server or the CLI,
   * so it works on the database alone.
   */
  onAccountDisabled?(accountId: string, database: Database): Promise<void>;
  /**
   * An administrator ended the account's sessions (its second factors were reset): end the
   * sessions the module holds for it too, so it signs in again everywhere. Its personal
   * access tokens, which are not sessions, stay.
   */
  onSessionsEnded?(accountId: string, database: Database): Promise<void>;
  /**
   * Whether this account must have a second factor (e.g. its organisation says so): one that
   * has none then enrols one before it gets a session. Any module answering yes decides.
   */
  requiresSecondFactor?(user: UserRow, database: Database): Promise<boolean>;
}
