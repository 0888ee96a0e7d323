import * as Y from "yjs";
import type { UpdateLog } from "../storage/UpdateLog.js";
import type { ClusterExtension } from "./ClusterExtension.js";
import type { CollabContext } from "./context.js";
import type { HocuspocusHost } from "./HocuspocusHost.js";

/**
 * Edits the server makes itself (restoring a version, importing): stored first like a
 * client's, then relayed to other instances and applied to the open document, whose
 * editors receive it as any other change.
 */
export class ServerEdits {
  readonly #log: UpdateLog;
  readonly #cluster: ClusterExtension;
  #hocuspocus: HocuspocusHost<CollabContext> | undefined;

  readonly #onApplied: (documentId: string) => void;

  constructor(log: UpdateLog, cluster: ClusterExtension, onApplied: (documentId: string) => void) {
    this.#log = log;
    this.#cluster = cluster;
    this.#onApplied = onApplied;
  }

  attach(hocuspocus: HocuspocusHost<CollabContext>): void {
    this.#hocuspocus = hocuspocus;
  }

  async apply(documentId: string, update: Uint8Array): Promise<void> {
    await this.#log.append(documentId, update);
    await this.#cluster.relayUpdate(documentId, update);
    const open = this.#hocuspocus?.documents.get(documentId);
    if (open) Y.applyUpdate(open, update, { source: "local", skipStoreHooks: true });
    this.#onApplied(documentId);
  }
}
