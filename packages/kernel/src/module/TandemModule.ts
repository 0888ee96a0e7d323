import type { FastifyInstance } from "fastify";
import type { BlobStore } from "../blob/BlobStore.js";
import type { KernelConfig } from "../config/kernelConfig.js";
import type { Slice, SliceValues } from "../config/options.js";
import type { Metrics } from "../http/metrics.js";
import type { RawRoutes } from "../http/RawRoutes.js";
import type { UpgradeRouter } from "../http/UpgradeRouter.js";
import type { Logger } from "../log/createLogger.js";
import type { MailOutbox } from "../mail/MailOutbox.js";
import type { PubSub } from "../pubsub/PubSub.js";
import type { Job } from "../scheduler/Job.js";
import type { Database } from "../storage/Database.js";
import type { ModuleMigrations } from "../storage/migrate.js";
import type { AppEntry } from "../wire/app.js";
import type { ModuleCommand } from "./ModuleCommand.js";
import type { ModuleClaims, ModulePaths } from "./paths.js";

/** The infrastructure the kernel hands every module when it registers. */
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
  /** WebSocket endpoints, by path; a path outside the module's `paths.upgrades` is refused. */
  upgrades: Pick<UpgradeRouter, "route">;
  /**
   * Paths served before Fastify, for protocol engines with their own HTTP stack; a path
   * outside the module's `paths.raw` is refused.
   */
  raw: Pick<RawRoutes, "add">;
  /** What the module declared in `paths`, for the RestApi it builds (`claims` option). */
  claims: ModuleClaims;
}

/**
 * A module's web app, as `GET /api/v1/apps` lists it (id, the path its pages start at, its
 * name in each interface language, a Tabler icon name): the wire schema's own type.
 */
export type ModuleApp = AppEntry;

/**
 * Jobs made from a module's config. Written as a method so that, as `register`, it is checked
 * bivariantly: a module with its own slice still fits the server's `TandemModule<Slice>` list.
 */
type JobsFromConfig<S extends Slice> = {
  make(config: SliceValues<S>): readonly Job[];
}["make"];

/**
 * The contract between a module (identity, docs, chat, assistant) and the composition root.
 * A module owns its config slice, its migrations and its routes; it reaches other modules
 * only through their package exports. `C` is what a module receives beyond the kernel's
 * infrastructure: a package that modules build on extends the contract with its own context
 * and declarations, so the kernel names none of them.
 */
export interface TandemModule<S extends Slice = Slice, C extends object = Record<never, never>> {
  name: string;
  options?: S;
  migrations?: ModuleMigrations;
  /**
   * Every URL path it serves, declared before anything registers (see ModulePaths): the
   * server refuses two modules whose paths clash, and RestApi, RawRoutes and UpgradeRouter
   * refuse one the module did not declare.
   */
  paths?: ModulePaths;
  /** Shown in the web app's switcher when present. */
  app?: ModuleApp;
  register?(
    http: FastifyInstance,
    context: ModuleContext & C & { config: SliceValues<S> },
  ): Promise<void>;
  close?(): Promise<void>;
  /**
   * Background jobs, run by the server's Scheduler once every module has registered: a list,
   * or made from the module's config when a period is an option (docs' automatic versions).
   * A module's periodic work is a job, so that its failures are logged and counted alike.
   */
  jobs?: readonly Job[] | JobsFromConfig<S>;
  /** CLI command groups (`tandem <name> …`). */
  commands?: readonly ModuleCommand<S>[];
}
