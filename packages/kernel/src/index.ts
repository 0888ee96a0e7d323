export {
  AccessService,
  InsufficientScope,
  type Principal,
  publicSessionId,
  sessionIdOf,
  TOKEN_PREFIX,
  TOKEN_SCOPES,
  type TokenInfo,
  type TokenScope,
} from "./accounts/AccessService.js";
export {
  type AccountDescription,
  AccountDirectory,
  type AccountDirectorySource,
  type AccountGroup,
  type AccountOrganisation,
} from "./accounts/AccountDirectory.js";
export {
  AccountService,
  type NewUser,
  normaliseEmail,
  presentUser,
} from "./accounts/AccountService.js";
export {
  LoginThrottle,
  type LoginThrottleOptions,
  TooManyAttempts,
} from "./accounts/LoginThrottle.js";
export { kernelMigrations } from "./accounts/migrations.js";
export {
  type Credential,
  type Revocation,
  Revocations,
  revokes,
} from "./accounts/Revocations.js";
export {
  PASSWORD_MAX,
  PASSWORD_MIN,
  passwordProblem,
  passwordRefusal,
} from "./accounts/secrets.js";
export type { KernelTables, UserRow } from "./accounts/tables.js";
export { type AccountRoutesDependencies, registerAccountRoutes } from "./api/account.js";
export { registerInstanceRoutes } from "./api/instances.js";
export { registerMeRoutes } from "./api/me.js";
export { registerSessionRoutes } from "./api/session.js";
export { registerEnrolmentRoutes } from "./api/sessionEnrolment.js";
export {
  PASSKEY_OPTIONS_PER_MINUTE,
  registerPasskeySignInRoutes,
} from "./api/sessionPasskey.js";
export {
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditEvent,
  AuditLog,
  type AuditQuery,
  type AuditRecord,
} from "./audit/AuditLog.js";
export { auditMigrations } from "./audit/migrations.js";
export { registerAuditRoutes } from "./audit/routes.js";
export { assertBlobKey, type BlobStore } from "./blob/BlobStore.js";
export { LocalBlobStore } from "./blob/LocalBlobStore.js";
export { type InstanceInfo, InstanceRegistry } from "./cluster/InstanceRegistry.js";
export { ConfigError } from "./config/ConfigError.js";
export { renderConfigDocs } from "./config/configDocs.js";
export { type KernelConfig, kernelOptions, publicUrlOf } from "./config/kernelConfig.js";
export { type ConfigOf, loadConfig, type Slices, z } from "./config/loadConfig.js";
export {
  flag,
  mailAddress,
  type Option,
  option,
  type Slice,
  type SliceValues,
  urlOf,
  wholeNumber,
} from "./config/options.js";
export * from "./errors/TandemError.js";
export { Authenticator, type BearerResolver } from "./http/Authenticator.js";
export { readCookie } from "./http/cookies.js";
export { createHttpServer, type HttpServerOptions } from "./http/createHttpServer.js";
export { createMetrics, type Metrics } from "./http/metrics.js";
export { NetworkRate, TooManyRequests } from "./http/NetworkRate.js";
export { NUL_REFUSED, nulField, urlHasNul } from "./http/nulGuard.js";
export { parseInput } from "./http/parseInput.js";
export { type RawHandler, type RawRoute, RawRoutes } from "./http/RawRoutes.js";
export { type Method, type Responses, RestApi, type RouteSpec } from "./http/RestApi.js";
export { restErrorHandler } from "./http/restErrors.js";
export { type UpgradeHandler, UpgradeRouter } from "./http/UpgradeRouter.js";
export { createLogger, type Logger } from "./log/createLogger.js";
export { LogMailer } from "./mail/LogMailer.js";
export { escapeHtml, type Mailer, type MailMessage, singleLine } from "./mail/Mailer.js";
export { DEFAULT_TIMING, MailOutbox, type OutboxTiming } from "./mail/MailOutbox.js";
export { openMailOutbox } from "./mail/openMailOutbox.js";
export { SmtpMailer } from "./mail/SmtpMailer.js";
export type { MailTables } from "./mail/tables.js";
export { registerMfaAdminRoutes } from "./mfa/adminRoutes.js";
export { localAssurance } from "./mfa/assurance.js";
export {
  codeThrottleKey,
  InvalidChallenge,
  InvalidCode,
  MfaService,
  type MfaServiceOptions,
  type MfaStatus,
  type SecondStepMethod,
} from "./mfa/MfaService.js";
export { MfaStore } from "./mfa/MfaStore.js";
export { mfaMigrations } from "./mfa/migrations.js";
export {
  InvalidPasskey,
  type PasskeyInfo,
  PasskeyService,
} from "./mfa/PasskeyService.js";
export { registerPasskeyRoutes } from "./mfa/passkeyRoutes.js";
export { registerMfaRoutes } from "./mfa/routes.js";
export { noSecondFactorPolicy, type SecondFactorPolicy } from "./mfa/SecondFactorPolicy.js";
export { bindSecondFactors, secondFactorOf } from "./mfa/secondFactorSessions.js";
export type { MfaTables, SecondFactorMethod } from "./mfa/tables.js";
export { matchingStep, newTotpSecret, stepAt, TOTP_PERIOD_S, totpCodeAt } from "./mfa/totp.js";
export type { CommandAudit, CommandTools, ModuleCommand } from "./module/ModuleCommand.js";
export type { ModuleApp, ModuleContext, TandemModule } from "./module/TandemModule.js";
export { MemoryPubSub } from "./pubsub/MemoryPubSub.js";
export { openPubSub } from "./pubsub/openPubSub.js";
export type { PubSub, PubSubHandler } from "./pubsub/PubSub.js";
export { RedisPubSub } from "./pubsub/RedisPubSub.js";
export type { Job } from "./scheduler/Job.js";
export { schedulerMigrations } from "./scheduler/migrations.js";
export { type JobOutcome, Scheduler } from "./scheduler/Scheduler.js";
export type { Database } from "./storage/Database.js";
export {
  type AppliedMigration,
  MigrationFailed,
  type ModuleMigrations,
  migrate,
} from "./storage/migrate.js";
export { openDatabase, openPostgres, openSqlite, SQLITE_FILE } from "./storage/openDatabase.js";
export type { PreparedQuery } from "./storage/prepared.js";
export { CommitFailed, withDeferredCommits } from "./storage/prepared.js";
export { reasonOf, redactUrl } from "./util/describe.js";
export { text, withoutControlCharacters } from "./util/text.js";
