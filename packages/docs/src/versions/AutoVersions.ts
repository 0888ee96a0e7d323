import type { afterUnloadDocumentPayload, Extension } from "@hocuspocus/server";
import type { Logger } from "@tandem/kernel";
import type { VersionService } from "./VersionService.js";

/**
 * Automatic versions: a document edited since its last one gets a snapshot every few
 * minutes while it is open (the module's `docs.auto-versions` job calls flush), and when its
 * last editor leaves.
 */
export class AutoVersions implements Extension {
  readonly #versions: VersionService;
  readonly #logger: Logger;
  readonly #changed = new Set<string>();
  #running: Promise<void> = Promise.resolve();

  constructor(versions: VersionService, logger: Logger) {
    this.#versions = versions;
    this.#logger = logger;
  }

  changed(documentId: string): void {
    this.#changed.add(documentId);
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload) {
    if (this.#changed.delete(documentName)) this.#snapshot(documentName);
  }

  /** Snapshots every changed document; resolves when they are written. */
  async flush(): Promise<void> {
    const ids = [...this.#changed];
    this.#changed.clear();
    for (const id of ids) this.#snapshot(id);
    await this.#running;
  }

  /** Waits for the snapshots under way (the scheduler, stopped first, calls flush no more). */
  async stop(): Promise<void> {
    await this.#running;
  }

  #snapshot(documentId: string): void {
    // One at a time: snapshots are background work and must not crowd out editing.
    this.#running = this.#running.then(() =>
      this.#versions
        .snapshot(documentId)
        .then(() => undefined)
        .catch((error: unknown) =>
          this.#logger.warn({ err: error, document: documentId }, "automatic version failed"),
        ),
    );
  }
}
