import type { AccountsModule } from "@tandem/accounts";
import { registerAccessRoutes } from "./api/accesses.js";
import { registerAdminRoutes } from "./api/admin.js";
import { registerCommentRoutes } from "./api/comments.js";
import { registerDocumentRoutes } from "./api/documents.js";
import { registerExchangeRoutes } from "./api/exchange.js";
import { createDocsApi } from "./api/openapi.js";
import { registerSearchRoutes } from "./api/search.js";
import { registerTreeRoutes } from "./api/tree.js";
import { registerVersionRoutes } from "./api/versions.js";
import { COLLAB_PATH, CollabServer } from "./collab/CollabServer.js";
import { docsOptions } from "./config.js";
import { createDocsServices, type DocsServices } from "./docsServices.js";
import { Ownerless } from "./documents/Ownerless.js";
import { docsMigrations } from "./storage/migrations.js";
import { DOCS_API, DOCS_AUDIT_ACTIONS } from "./wire/index.js";

const PURGE_EVERY_MS = 3_600_000;

/**
 * Docs: documents written together in real time (Yjs over Hocuspocus), kept by the server
 * itself, update by update, in Tandem's database.
 */
export function createDocsModule(): AccountsModule<typeof docsOptions> {
  let services: DocsServices | undefined;
  let collab: CollabServer | undefined;
  return {
    name: "docs",
    options: docsOptions,
    migrations: docsMigrations,
    auditActions: DOCS_AUDIT_ACTIONS,
    paths: { rest: [DOCS_API], upgrades: [COLLAB_PATH] },
    app: {
      id: "docs",
      path: "/docs",
      name: { en: "Docs", fr: "Documents", de: "Dokumente" },
      icon: "file-text",
    },
    jobs: (config) => [
      {
        // Pages in the trash past their keeping time are deleted for good.
        name: "docs.trash-purge",
        everyMs: PURGE_EVERY_MS,
        once: "cluster",
        run: async () => {
          await registered(services).tree.purgeExpired();
        },
      },
      {
        // Each instance snapshots the documents edited through it since their last version.
        name: "docs.auto-versions",
        everyMs: config.versionEveryMinutes * 60_000,
        run: () => registered(services).autoVersions.flush(),
      },
      {
        // Each instance checks the credentials of the sockets open on it.
        name: "docs.credential-recheck",
        everyMs: config.credentialRecheckSeconds * 1000,
        run: () => registered(services).credentials.recheck(),
      },
    ],
    async register(http, context) {
      const parts = createDocsServices(context);
      services = parts;
      const server = new CollabServer({
        hocuspocus: parts.hocuspocus,
        auth: context.auth,
        publicUrl: context.publicUrl,
        maxMessageBytes: context.config.maxMessageBytes,
        logger: parts.logger,
      });
      collab = server;
      context.upgrades.route(COLLAB_PATH, (request, socket, head) =>
        server.handleUpgrade(request, socket, head),
      );
      await parts.watcher.start(parts.hocuspocus);
      await parts.credentials.start(parts.hocuspocus);

      const api = createDocsApi(http, context.claims);
      const deps = { auth: context.auth, access: parts.access };
      registerDocumentRoutes(api, { ...deps, store: parts.store, documents: parts.documents });
      registerAccessRoutes(api, { ...deps, documents: parts.documents, requests: parts.requests });
      registerTreeRoutes(api, { ...deps, tree: parts.tree });
      registerVersionRoutes(api, { ...deps, versions: parts.versions });
      registerSearchRoutes(api, { ...deps, search: parts.search });
      registerCommentRoutes(api, { ...deps, comments: parts.comments });
      registerAdminRoutes(api, { auth: context.auth, ownerless: parts.ownerless });
      registerExchangeRoutes(api, http, {
        ...deps,
        exchange: parts.exchange,
        maxImportBytes: context.config.maxImportBytes,
      });
    },
    // The documents a disabled account was the last owner of pass to the administrators.
    onAccountDisabled: (accountId, database) => Ownerless.on(database).accountDisabled(accountId),
    async close() {
      await collab?.close();
      await services?.watcher.stop();
      await services?.credentials.stop();
      await services?.persistence.settle();
      await services?.autoVersions.stop();
      await services?.indexer.stop();
      await services?.conversions.close();
    },
  };
}

/** What a job works on, once register has made it (the scheduler starts after every register). */
function registered<T>(work: T | undefined): T {
  if (!work) throw new Error("the docs module has not registered");
  return work;
}
