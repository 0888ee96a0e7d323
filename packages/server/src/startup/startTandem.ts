import { join } from "node:path";
import {
  ACCOUNTS_API,
  AccountDirectory,
  type AccountsModule,
  AuditLog,
  Authenticator,
  createAccountsApi,
  LoginThrottle,
  Revocations,
  registerAccountRoutes,
  registerAuditRoutes,
  registerInstanceRoutes,
  registerMeRoutes,
  type UserRow,
} from "@tandem/accounts";
import {
  claimPaths,
  createHttpServer,
  createLogger,
  createMetrics,
  InstanceRegistry,
  type Job,
  jobsOf,
  LocalBlobStore,
  type Logger,
  ModuleClaims,
  openMailOutbox,
  openPubSub,
  type PubSub,
  publicUrlOf,
  RawRoutes,
  Scheduler,
  UpgradeRouter,
} from "@tandem/kernel";
import type { FastifyInstance } from "fastify";
import { registerAppRoutes } from "../api/apps.js";
import { parseConfig, type TandemConfig } from "../config.js";
import { createModules } from "../modules.js";
import { openStorage, type Storage } from "../storage.js";
import { VERSION } from "../version.js";
import { registerWebApp } from "../web.js";
import { accountDeclarations } from "./accountDeclarations.js";
import { prepareDataDir } from "./dataDir.js";
import { reservePort } from "./portProbe.js";
import { registerSignInRoutes } from "./secondFactors.js";

export interface RunningTandem {
  url: string;
  port: number;
  config: TandemConfig;
  log: Logger;
  http: FastifyInstance;
  /** The account services, for administration code and test factories. */
  accounts: Storage["accounts"];
  access: Storage["access"];
  database: Storage["database"];
  /** Disables an account and ends what every module holds for it, as an administrator would. */
  disableUser: Storage["disableUser"];
  /** Every module's background jobs and the server's own (a test runs one with runNow). */
  scheduler: Scheduler;
  /** Set on the start that created the first administrator, and only then. */
  firstAdmin: { email: string; password: string } | null;
  close(): Promise<void>;
}

export interface StartOptions {
  /** The modules to run: this build's (createModules()) unless a test brings one of its own. */
  modules?: AccountsModule[];
}

/**
 * Starts the whole suite in this process. Order matters: everything that can fail
 * cheaply (config, port) fails before anything is written, and a first start that
 * fails later is undone, so the data folder is never left half-made.
 */
export async function startTandem(
  env: NodeJS.ProcessEnv = process.env,
  options: StartOptions = {},
): Promise<RunningTandem> {
  const modules = options.modules ?? createModules();
  const parsed = parseConfig(env, modules);
  // Declarations first: modules that contradict each other fail before anything is written.
  const declared = accountDeclarations(modules);
  const claims = claimPaths(modules);
  const port = await reservePort(parsed.kernel.port, parsed.kernel.host);
  const config: TandemConfig = { ...parsed, kernel: { ...parsed.kernel, port } };
  const log = createLogger(config.kernel);
  const dataDir = await prepareDataDir(config.kernel.dataDir);

  const cleanups: Array<() => Promise<void>> = [];
  const undo = async () => {
    // Every cleanup runs even if one fails; a failure is logged, not swallowed.
    for (const cleanup of cleanups.reverse())
      await cleanup().catch((error: unknown) => log.error({ err: error }, "cleanup failed"));
  };
  let createdAdmin: UserRow | undefined;
  let storage: Storage | undefined;
  try {
    // Redis first: it writes nothing, so an unreachable one fails before any migration runs.
    const pubsub: PubSub = await openPubSub(config.kernel, log);
    cleanups.push(() => pubsub.close());
    storage = await openStorage(
      { ...config, kernel: { ...config.kernel, dataDir: dataDir.path } },
      { revocations: new Revocations(pubsub), modules },
    );
    const openedStorage = storage;
    cleanups.push(() => openedStorage.close());

    const first = await storage.accounts.createFirstAdmin(config.accounts.adminEmail);
    createdAdmin = first?.user;

    const publicUrl = publicUrlOf(config.kernel);
    const metrics = createMetrics();
    const raw = new RawRoutes();
    const http = await createHttpServer({
      log,
      database: storage.database,
      metrics,
      publicUrl,
      trustProxy: config.kernel.trustProxy,
      metricsAccess: { allow: config.kernel.metricsAllow, token: config.kernel.metricsToken },
      raw,
    });
    cleanups.push(() => http.close());
    const auth = new Authenticator(storage.access, {
      publicUrl,
      bearerTokens: declared.bearerTokens,
      signOut: declared.signOut,
    });
    // One outbox for every module; stopped after they close (cleanups run in reverse).
    const outbox = openMailOutbox({ kernel: config.kernel, database: storage.database, log });
    outbox.start();
    cleanups.push(() => outbox.stop());
    const instances = new InstanceRegistry(pubsub, {
      version: VERSION,
      log,
      registry: metrics.registry,
    });
    const upgrades = new UpgradeRouter();
    upgrades.attach(http.server);
    const context = {
      kernel: config.kernel,
      publicUrl,
      log,
      database: storage.database,
      pubsub,
      blobs: new LocalBlobStore(join(dataDir.path, "blobs")),
      outbox,
      metrics,
      auth,
      accountsConfig: config.accounts,
      accounts: storage.accounts,
      access: storage.access,
      revocations: storage.access.revocations,
      audit: new AuditLog(storage.database, log, declared.auditActions),
      disableUser: storage.disableUser,
      directory: new AccountDirectory(declared.directory),
    };
    const throttle = new LoginThrottle(storage.database);
    // Accounts and the server are no modules of the list: their claims are theirs alone. Accounts
    // holds the shared base /api/v1; each module claims its own resources under it.
    const accountsApi = createAccountsApi(
      http,
      new ModuleClaims("accounts", { rest: [ACCOUNTS_API] }),
    );
    registerSignInRoutes(accountsApi, context, { throttle, modules });
    registerMeRoutes(accountsApi, context);
    registerAccountRoutes(accountsApi, { ...context, throttle });
    registerInstanceRoutes(accountsApi, { auth, instances });
    registerAuditRoutes(accountsApi, context);
    registerAppRoutes(http, { auth, modules });
    for (const module of modules) {
      // Each module registers through its own claims: a path it did not declare is refused.
      const claimed = claims.get(module.name) ?? new ModuleClaims(module.name);
      await module.register?.(http, {
        ...context,
        config: config[module.name] ?? {},
        claims: claimed,
        raw: raw.for(claimed),
        upgrades: upgrades.for(claimed),
      });
      if (module.close) cleanups.push(module.close);
    }
    await registerWebApp(http);

    await http.listen({ port: config.kernel.port, host: config.kernel.host });
    await instances.start();
    cleanups.push(() => instances.stop());
    // Every module has registered: their jobs start now, and stop first on close.
    const scheduler = new Scheduler({
      database: storage.database,
      log,
      registry: metrics.registry,
    });
    scheduler.add(accountJobs(openedStorage, throttle));
    for (const module of modules) scheduler.add(jobsOf(module, config[module.name] ?? {}));
    scheduler.start();
    cleanups.push(() => scheduler.stop());

    let closing: Promise<void> | undefined;
    return {
      url: publicUrl,
      port,
      config,
      log,
      http,
      accounts: openedStorage.accounts,
      access: openedStorage.access,
      database: openedStorage.database,
      disableUser: openedStorage.disableUser,
      scheduler,
      firstAdmin: first ? { email: first.user.email, password: first.password } : null,
      close: () => {
        closing ??= undo();
        return closing;
      },
    };
  } catch (error) {
    // The admin whose password was never shown must not survive a failed start.
    if (createdAdmin && storage)
      await storage.accounts.users.delete(createdAdmin.id).catch((error: unknown) => {
        log.error({ err: error, email: createdAdmin?.email }, "first administrator not removed");
      });
    await undo();
    await dataDir.undo();
    throw error;
  }
}

const HOUR_MS = 3_600_000;

/** Expired sessions and stale sign-in failures, deleted once an hour by one instance. */
function accountJobs(storage: Storage, throttle: LoginThrottle): Job[] {
  return [
    {
      name: "kernel.sessions-purge",
      everyMs: HOUR_MS,
      once: "cluster",
      run: () => storage.access.purgeExpiredSessions(),
    },
    {
      name: "kernel.login-throttle-purge",
      everyMs: HOUR_MS,
      once: "cluster",
      run: () => throttle.purge().then(() => {}),
    },
  ];
}
