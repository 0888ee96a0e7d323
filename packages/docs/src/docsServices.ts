import { randomUUID } from "node:crypto";
import type { AccountsContext } from "@tandem/accounts";
import type { ModuleContext, SliceValues } from "@tandem/kernel";
import { AccessWatcher } from "./collab/AccessWatcher.js";
import { AuthorizationExtension } from "./collab/AuthorizationExtension.js";
import { ClusterExtension } from "./collab/ClusterExtension.js";
import { CredentialWatcher } from "./collab/CredentialWatcher.js";
import type { CollabContext } from "./collab/context.js";
import { HocuspocusHost } from "./collab/HocuspocusHost.js";
import { PersistenceExtension } from "./collab/PersistenceExtension.js";
import { ServerEdits } from "./collab/ServerEdits.js";
import { CommentService } from "./comments/CommentService.js";
import type { docsOptions } from "./config.js";
import { ConversionPool } from "./convert/ConversionPool.js";
import { ExchangeService } from "./convert/ExchangeService.js";
import { AccessRequests } from "./documents/AccessRequests.js";
import { DocumentService } from "./documents/DocumentService.js";
import { DocumentStore } from "./documents/DocumentStore.js";
import { InvitationLimit } from "./documents/InvitationLimit.js";
import { OwnerGuard } from "./documents/OwnerGuard.js";
import { Ownerless } from "./documents/Ownerless.js";
import { OwnerStore } from "./documents/OwnerStore.js";
import { SharingStore } from "./documents/SharingStore.js";
import { TreeService } from "./documents/TreeService.js";
import { TreeStore } from "./documents/TreeStore.js";
import { DocsNotifier } from "./notifications/DocsNotifier.js";
import { DocumentAccess } from "./permissions/DocumentAccess.js";
import { SearchIndexer } from "./search/SearchIndexer.js";
import { SearchService } from "./search/SearchService.js";
import { SearchStore } from "./search/SearchStore.js";
import { UpdateLog } from "./storage/UpdateLog.js";
import { AutoVersions } from "./versions/AutoVersions.js";
import { VersionService } from "./versions/VersionService.js";
import { VersionStore } from "./versions/VersionStore.js";

export type DocsServices = ReturnType<typeof createDocsServices>;

/**
 * Builds the docs module's parts and wires who tells whom: every stored change (a client's
 * or the server's own) reaches the other instances, the automatic versions and the index.
 */
export function createDocsServices(
  context: ModuleContext & AccountsContext & { config: SliceValues<typeof docsOptions> },
) {
  const logger = context.log.child({ module: "docs" });
  const store = new DocumentStore(context.database);
  const sharing = new SharingStore(context.database);
  const access = new DocumentAccess(store, context.directory, sharing);
  const updates = new UpdateLog(context.database);
  const watcher = new AccessWatcher({ pubsub: context.pubsub, store, access, logger });
  const credentials = new CredentialWatcher({
    revocations: context.revocations,
    isLive: (credential) => context.auth.isLive(credential),
  });
  const cluster = new ClusterExtension(context.pubsub, randomUUID(), logger);
  const edits = new ServerEdits(updates, cluster, (id) => changed(id));
  const versions = new VersionService({
    versions: new VersionStore(context.database),
    access,
    log: updates,
    edits,
  });
  const search = new SearchService({
    index: new SearchStore(context.database),
    documents: store,
    access,
    log: updates,
  });
  const indexer = new SearchIndexer(search, logger);
  const autoVersions = new AutoVersions(versions, logger);
  const changed = (documentId: string) => {
    autoVersions.changed(documentId);
    indexer.changed(documentId);
  };
  const persistence = new PersistenceExtension({
    log: updates,
    logger,
    compactAfter: context.config.compactAfter,
    onStored: (name, update) => {
      changed(name);
      return cluster.relayUpdate(name, update);
    },
  });
  const hocuspocus = new HocuspocusHost<CollabContext>({
    quiet: true,
    extensions: [
      cluster,
      new AuthorizationExtension(context.auth, access),
      credentials,
      persistence,
      autoVersions,
      indexer,
    ],
  });
  edits.attach(hocuspocus);
  // Sharing's e-mails, in the server's outbox (it starts and stops the sender).
  const mail = context.outbox;
  const notifier = new DocsNotifier({
    accounts: context.accounts,
    store,
    publicUrl: context.publicUrl,
  });
  const owners = new OwnerGuard(store, new OwnerStore(context.database));
  const documents = new DocumentService({
    store,
    access,
    accounts: context.accounts,
    watcher,
    sharing,
    directory: context.directory,
    reindex: (id) => indexer.now(id),
    mail,
    notifier,
    owners,
    invitations: new InvitationLimit(
      context.audit,
      context.config.invitationsPerDay,
      context.database.engine,
    ),
  });
  const requests = new AccessRequests({ store, sharing, access, watcher, mail, notifier, owners });
  const tree = new TreeService({
    documents: store,
    tree: new TreeStore(context.database),
    access,
    log: updates,
    edits,
    watcher,
  });
  const { config } = context;
  const conversions = new ConversionPool({
    workers: config.convertWorkers,
    queue: config.convertQueue,
    memoryMb: config.convertMemoryMb,
    timeoutMs: config.convertSeconds * 1000,
  });
  const exchange = new ExchangeService({
    access,
    log: updates,
    documents,
    edits,
    pool: conversions,
    bounds: {
      maxBlocks: config.importMaxBlocks,
      maxDepth: config.importMaxDepth,
      maxCharacters: config.importMaxCharacters,
      // Text compresses about tenfold; images hardly at all: five times the file is generous.
      maxUnpackedBytes: config.maxImportBytes * 5,
    },
    libreoffice: {
      command: config.libreoffice,
      timeoutMs: config.convertSeconds * 1000,
      memoryMb: config.libreofficeMemoryMb,
    },
  });
  const ownerless = new Ownerless({ store, accounts: context.accounts, audit: context.audit });
  const comments = new CommentService({ access, log: updates, edits });
  return {
    ownerless,
    mail,
    comments,
    requests,
    exchange,
    conversions,
    logger,
    access,
    store,
    hocuspocus,
    watcher,
    credentials,
    persistence,
    autoVersions,
    indexer,
    documents,
    tree,
    versions,
    search,
  };
}
