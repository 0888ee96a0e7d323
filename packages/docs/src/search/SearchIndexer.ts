import type { afterUnloadDocumentPayload, Extension } from "@hocuspocus/server";
import type { Logger } from "@tandem/kernel";
import type { SearchService } from "./SearchService.js";

/**
 * Keeps the search index close behind the editors: a document changed in the last few
 * seconds is reindexed once, not on every keystroke, and when its last editor leaves.
 */
export class SearchIndexer implements Extension {
  readonly #search: SearchService;
  readonly #logger: Logger;
  readonly #delayMs: number;
  readonly #due = new Map<string, NodeJS.Timeout>();
  #running: Promise<void> = Promise.resolve();

  constructor(search: SearchService, logger: Logger, delayMs = 2_000) {
    this.#search = search;
    this.#logger = logger;
    this.#delayMs = delayMs;
  }

  changed(documentId: string): void {
    if (this.#due.has(documentId)) return;
    const timer = setTimeout(() => this.#run(documentId), this.#delayMs);
    timer.unref();
    this.#due.set(documentId, timer);
  }

  /** Reindexes now (a title changed, a document was restored or copied). */
  now(documentId: string): Promise<void> {
    this.#run(documentId);
    return this.#running;
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload) {
    if (this.#due.has(documentName)) this.#run(documentName);
  }

  async stop(): Promise<void> {
    for (const timer of this.#due.values()) clearTimeout(timer);
    this.#due.clear();
    await this.#running;
  }

  #run(documentId: string): void {
    clearTimeout(this.#due.get(documentId));
    this.#due.delete(documentId);
    this.#running = this.#running.then(() =>
      this.#search
        .reindex(documentId)
        .catch((error: unknown) =>
          this.#logger.warn({ err: error, document: documentId }, "search indexing failed"),
        ),
    );
  }
}
