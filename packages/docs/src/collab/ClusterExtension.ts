import type {
  afterUnloadDocumentPayload,
  Extension,
  onAwarenessUpdatePayload,
  onLoadDocumentPayload,
} from "@hocuspocus/server";
import type { Logger, PubSub } from "@tandem/kernel";
import { applyAwarenessUpdate, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import type { CollabContext } from "./context.js";

interface Relayed {
  from: string;
  kind: "update" | "awareness";
  data: string;
}

/** Hocuspocus leaves changes with this origin out of its store hooks. */
const REMOTE = { source: "redis" } as const;

const channelOf = (documentName: string) => `docs:doc:${documentName}`;

/**
 * Several instances serve one document without sticky routing: each relays the updates it
 * stored and its clients' presence over pub/sub, and applies the others'. Subscribing
 * before the document is read from the database means nothing stored meanwhile is missed
 * (applying an update twice changes nothing in Yjs).
 */
export class ClusterExtension implements Extension {
  readonly priority = 300;
  readonly #pubsub: PubSub;
  readonly #instanceId: string;
  readonly #logger: Logger;
  readonly #subscriptions = new Map<string, Promise<() => Promise<void>>>();

  constructor(pubsub: PubSub, instanceId: string, logger: Logger) {
    this.#pubsub = pubsub;
    this.#instanceId = instanceId;
    this.#logger = logger;
  }

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload<CollabContext>) {
    const subscription = this.#pubsub.subscribe(channelOf(documentName), (message) => {
      const relayed = message as Relayed;
      if (relayed.from === this.#instanceId) return;
      const data = Buffer.from(relayed.data, "base64");
      try {
        if (relayed.kind === "update") Y.applyUpdate(document, data, REMOTE);
        else applyAwarenessUpdate(document.awareness, data, REMOTE);
      } catch (error) {
        this.#logger.warn({ err: error, document: documentName }, "unreadable relayed change");
      }
    });
    this.#subscriptions.set(documentName, subscription);
    await subscription;
  }

  /** Tells the other instances about an update this one stored. */
  async relayUpdate(documentName: string, update: Uint8Array): Promise<void> {
    if (!this.#subscriptions.has(documentName)) return;
    await this.#publish(documentName, "update", update);
  }

  async onAwarenessUpdate(payload: onAwarenessUpdatePayload<CollabContext>) {
    // Only our own clients' presence: what came from another instance is already there.
    if (!payload.connection) return;
    const changed = [...payload.added, ...payload.updated, ...payload.removed];
    if (changed.length === 0) return;
    await this.#publish(
      payload.documentName,
      "awareness",
      encodeAwarenessUpdate(payload.awareness, changed),
    );
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload) {
    const subscription = this.#subscriptions.get(documentName);
    this.#subscriptions.delete(documentName);
    if (subscription) await (await subscription)();
  }

  async #publish(documentName: string, kind: Relayed["kind"], data: Uint8Array): Promise<void> {
    const message: Relayed = {
      from: this.#instanceId,
      kind,
      data: Buffer.from(data).toString("base64"),
    };
    // Relaying is best effort: the update is stored, and other instances read it on load.
    await this.#pubsub
      .publish(channelOf(documentName), message)
      .catch((error: unknown) => this.#logger.warn({ err: error }, "relay failed"));
  }
}
