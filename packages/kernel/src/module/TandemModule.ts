import type { FastifyInstance } from "fastify";
import type { BlobStore } from "../blob/BlobStore.js";
import type { KernelConfig } from "../config/kernelConfig.js";
import type { Slice, SliceValues } from "../config/options.js";
import type { Metrics } from "../http/metrics.js";
import type { RawRoutes } from "../http/RawRoutes.js";
import type { UpgradeRouter } from "../http/UpgradeRouter.js";
import type { Logger } from "../log/createLogger.js";
import type { PubSub } from "../pubsub/PubSub.js";
import type { Database } from "../storage/Database.js";
import type { ModuleMigrations } from "../storage/migrate.js";

/** The infrastructure the kernel hands every module when it registers. */
export interface ModuleContext {
  kernel: KernelConfig;
  publicUrl: string;
  log: Logger;
  database: Database;
  pubsub: PubSub;
  blobs: BlobStore;
  metrics: Metrics;
  /** WebSocket endpoints, by path. */
  upgrades: UpgradeRouter;
  /** Paths served before Fastify, for protocol engines with their own HTTP stack. */
  raw: RawRoutes;
}

/**
 * The contract between a module (identity, docs, chat, assistant) and the composition root.
 * A module owns its config slice, its migrations and its routes; it reaches other modules
 * only through their package exports. `C` is what a module receives beyond the kernel's
 * infrastructure: a package that modules build on (accounts) extends the contract with its
 * own context and declarations, so the kernel names none of them.
 */
export interface TandemModule<S extends Slice = Slice, C extends object = Record<never, never>> {
  name: string;
  options?: S;
  migrations?: ModuleMigrations;
  /** Shown in the web app's switcher when present. */
  app?: { id: string; path: string };
  register?(
    http: FastifyInstance,
    context: ModuleContext & C & { config: SliceValues<S> },
  ): Promise<void>;
  close?(): Promise<void>;
}
