import type { Logger, PubSub } from "@tandem/kernel";
import { chainOf, type DocumentStore } from "../documents/DocumentStore.js";
import { rank } from "../permissions/abilities.js";
import type { DocumentAccess } from "../permissions/DocumentAccess.js";
import { CLOSE, type CollabContext } from "./context.js";
import type { HocuspocusHost } from "./HocuspocusHost.js";

const CHANNEL = "docs:access";

/**
 * An access change reaches open connections at once, on every instance: each connection
 * to the document or to one below it is re-checked, made read-only or closed — and only
 * those whose role changed are touched.
 */
export class AccessWatcher {
  readonly #pubsub: PubSub;
  readonly #store: DocumentStore;
  readonly #access: DocumentAccess;
  readonly #logger: Logger;
  #unsubscribe: (() => Promise<void>) | undefined;

  constructor(deps: {
    pubsub: PubSub;
    store: DocumentStore;
    access: DocumentAccess;
    logger: Logger;
  }) {
    this.#pubsub = deps.pubsub;
    this.#store = deps.store;
    this.#access = deps.access;
    this.#logger = deps.logger;
  }

  async start(hocuspocus: HocuspocusHost<CollabContext>): Promise<void> {
    this.#unsubscribe = await this.#pubsub.subscribe(CHANNEL, (message) => {
      const { documentId } = message as { documentId: string };
      void this.#recheck(hocuspocus, documentId).catch((error: unknown) =>
        this.#logger.warn({ err: error, document: documentId }, "access re-check failed"),
      );
    });
  }

  /** Call after any change of accesses or link settings on a document (or its subtree). */
  async changed(documentId: string): Promise<void> {
    await this.#pubsub.publish(CHANNEL, { documentId });
  }

  async stop(): Promise<void> {
    await this.#unsubscribe?.();
  }

  async #recheck(hocuspocus: HocuspocusHost<CollabContext>, changedId: string): Promise<void> {
    for (const [name, document] of hocuspocus.documents) {
      const row = await this.#store.byId(name);
      const connections = document.getConnections();
      if (connections.length === 0) continue;
      if (row && !chainOf(row).includes(changedId)) continue;
      for (const connection of connections) {
        const role = row ? await this.#access.roleOn(row, connection.context.requester) : null;
        if (!role || row?.deleted_at) {
          connection.close({ code: CLOSE.forbidden, reason: "forbidden" });
          continue;
        }
        connection.context.role = role;
        connection.readOnly = rank(role) < rank("editor");
      }
    }
  }
}
