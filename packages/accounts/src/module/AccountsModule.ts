import type { Database, Slice, TandemModule } from "@tandem/kernel";
import type { AccessService } from "../accounts/AccessService.js";
import type { AccountDirectory } from "../accounts/AccountDirectory.js";
import type { AccountService } from "../accounts/AccountService.js";
import type { Revocations } from "../accounts/Revocations.js";
import type { UserRow } from "../accounts/tables.js";
import type { AuditLog } from "../audit/AuditLog.js";
import type { Authenticator } from "../http/Authenticator.js";

/** What a module building on accounts receives, beside the kernel's ModuleContext. */
export interface AccountsContext {
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
 * registration and the account hooks below.
 */
export interface AccountsModule<S extends Slice = Slice> extends TandemModule<S, AccountsContext> {
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
