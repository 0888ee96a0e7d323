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
export { clientNetwork } from "./http/clientNetwork.js";
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
export { mailOutboxMigration } from "./mail/migrations.js";
export { openMailOutbox } from "./mail/openMailOutbox.js";
export { SmtpMailer } from "./mail/SmtpMailer.js";
export type { MailTables } from "./mail/tables.js";
export { Declarations, type Declared } from "./module/declarations.js";
export { jobsOf } from "./module/jobs.js";
export type { CommandAudit, CommandTools, ModuleCommand } from "./module/ModuleCommand.js";
export {
  claimPaths,
  isAtOrUnder,
  ModuleClaims,
  type ModulePaths,
  type PathKind,
  pathsOverlap,
} from "./module/paths.js";
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
