import type {
  afterUnloadDocumentPayload,
  beforeSyncPayload,
  Extension,
  onLoadDocumentPayload,
} from "@hocuspocus/server";
import type { Logger } from "@tandem/kernel";
import * as Y from "yjs";
import type { UpdateLog } from "../storage/UpdateLog.js";
import { CLOSE, type CollabContext } from "./context.js";

const SYNC_STEP_2 = 1;
const UPDATE = 2;

/** Published so other instances relay what this one stored (see ClusterExtension). */
export type OnStored = (documentName: string, update: Uint8Array) => Promise<void>;

/**
 * The server saves every update itself, before applying or relaying it: Hocuspocus awaits
 * `beforeSync` before it applies a client's update, acknowledges it or sends it to anyone,
 * so whatever a client was told is saved, or another client saw, is in the database. Its
 * debounced `onStoreDocument` is not used: a crash inside the debounce would lose edits.
 */
export class PersistenceExtension implements Extension {
  readonly priority = 100;
  readonly #log: UpdateLog;
  readonly #logger: Logger;
  readonly #compactAfter: number;
  readonly #onStored: OnStored;
  /** Updates appended per loaded document since its last compaction. */
  readonly #pending = new Map<string, number>();
  readonly #compacting = new Map<string, Promise<void>>();

  constructor(deps: { log: UpdateLog; logger: Logger; compactAfter: number; onStored: OnStored }) {
    this.#log = deps.log;
    this.#logger = deps.logger;
    this.#compactAfter = deps.compactAfter;
    this.#onStored = deps.onStored;
  }

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload<CollabContext>) {
    const { snapshot, updates } = await this.#log.load(documentName);
    Y.transact(document, () => {
      if (snapshot) Y.applyUpdate(document, snapshot.state);
      for (const update of updates) Y.applyUpdate(document, update.data);
    });
    this.#pending.set(documentName, updates.length);
    if (updates.length >= this.#compactAfter) this.#compactSoon(documentName);
  }

  async beforeSync({ type, payload, connection, documentName }: beforeSyncPayload<CollabContext>) {
    if ((type !== SYNC_STEP_2 && type !== UPDATE) || connection.readOnly) return;
    // Decoding checks the bytes are an update before they are kept: a malformed one stored
    // would break every later load of the document.
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    try {
      decoded = Y.decodeUpdate(payload);
    } catch (error) {
      // Hocuspocus would only detach this document; the socket itself sent garbage.
      connection.webSocket.close(CLOSE.malformed, "malformed update");
      throw error;
    }
    if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return;
    await this.#log.append(documentName, payload);
    await this.#onStored(documentName, payload);
    const pending = (this.#pending.get(documentName) ?? 0) + 1;
    this.#pending.set(documentName, pending);
    if (pending >= this.#compactAfter) this.#compactSoon(documentName);
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload) {
    const pending = this.#pending.get(documentName) ?? 0;
    this.#pending.delete(documentName);
    if (pending > 0) this.#compactSoon(documentName);
  }

  /** Compactions under way, for a clean shutdown. */
  async settle(): Promise<void> {
    await Promise.all(this.#compacting.values());
  }

  #compactSoon(documentName: string): void {
    if (this.#compacting.has(documentName)) return;
    if (this.#pending.has(documentName)) this.#pending.set(documentName, 0);
    const run = this.#log
      .compact(documentName)
      .then(() => undefined)
      .catch((error: unknown) =>
        this.#logger.warn({ err: error, document: documentName }, "compaction failed"),
      )
      .finally(() => this.#compacting.delete(documentName));
    this.#compacting.set(documentName, run);
  }
}
