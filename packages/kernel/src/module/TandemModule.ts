import type { FastifyInstance } from "fastify";
import type { AccessService } from "../accounts/AccessService.js";
import type { AccountDirectory } from "../accounts/AccountDirectory.js";
import type { AccountService } from "../accounts/AccountService.js";
import type { Revocations } from "../accounts/Revocations.js";
import type { UserRow } from "../accounts/tables.js";
import type { AuditLog } from "../audit/AuditLog.js";
import type { BlobStore } from "../blob/BlobStore.js";
import type { KernelConfig } from "../config/kernelConfig.js";
import type { Slice, SliceValues } from "../config/options.js";
import type { Authenticator } from "../http/Authenticator.js";
import type { Metrics } from "../http/metrics.js";
import type { RawRoutes } from "../http/RawRoutes.js";
import type { UpgradeRouter } from "../http/UpgradeRouter.js";
import type { Logger } from "../log/createLogger.js";
import type { MailOutbox } from "../mail/MailOutbox.js";
import type { PubSub } from "../pubsub/PubSub.js";
import type { Job } from "../scheduler/Job.js";
import type { Database } from "../storage/Database.js";
import type { ModuleMigrations } from "../storage/migrate.js";
import type { ModuleCommand } from "./ModuleCommand.js";

/** What the kernel hands every module when it registers. */
export interface ModuleContext {
  kernel: KernelConfig;
  publicUrl: string;
  log: Logger;
  database: Database;
  pubsub: PubSub;
  blobs: BlobStore;
  /** Durable mail, opened and stopped by the server: `outbox.transaction(work)`. */
  outbox: MailOutbox;
  metrics: Metrics;
  auth: Authenticator;
  accounts: AccountService;
  access: AccessService;
  /**
   * Sessions and tokens revoked, accounts disabled, on any instance: a module holding
   * connections open closes theirs (the kernel publishes; `access.revocations` is the same).
   */
  revocations: Revocations;
  audit: AuditLog;
  /** WebSocket endpoints, by path. */
  upgrades: UpgradeRouter;
  /** Paths served before Fastify, for protocol engines with their own HTTP stack. */
  raw: RawRoutes;
  /** Organisations and groups of accounts, provided by the identity module. */
  directory: AccountDirectory;
  /**
   * Disables an account and ends everything it holds in every module (sessions, tokens,
   * grants): what an administrator's or a provisioning system's deactivation calls.
   */
  disableUser(email: string): Promise<UserRow>;
}

/**
 * A module's web app, as `GET /api/v1/apps` lists it: the id its web entry has, the path its
 * pages start at, its name in each interface language and an icon (a Tabler icon name).
 */
export interface ModuleApp {
  id: string;
  path: string;
  name: { en: string; fr: string; de: string };
  icon: string;
}

/**
 * The contract between a module (identity, docs, chat, assistant) and the composition root.
 * A module owns its config slice, its migrations and its routes; it reaches other modules
 * only through their package exports.
 */
export interface TandemModule<S extends Slice = Slice> {
  name: string;
  options?: S;
  migrations?: ModuleMigrations;
  /** Shown in the web app's switcher when present. */
  app?: ModuleApp;
  register?(
    http: FastifyInstance,
    context: ModuleContext & { config: SliceValues<S> },
  ): Promise<void>;
  close?(): Promise<void>;
  /** Background jobs, run by the server's Scheduler once every module has registered. */
  jobs?: readonly Job[];
  /** CLI command groups (`tandem <name> …`). */
  commands?: readonly ModuleCommand<S>[];
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
