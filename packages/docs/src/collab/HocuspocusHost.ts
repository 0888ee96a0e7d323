import type { Configuration, Document, Hocuspocus } from "@hocuspocus/server";

const NONE: ReadonlyMap<string, Document> = new Map();

/**
 * The Hocuspocus instance, created when the first collaboration socket arrives rather than at
 * start: loading @hocuspocus/server and its WebSocket layers is ~6 MB of allocations that a
 * start (and an instance nobody edits on) need not pay. None of the extensions has a start-up
 * hook (onConfigure, onListen), so creating it later changes nothing they see; before it
 * exists no document is open, which is all that server edits and access changes ask.
 */
export class HocuspocusHost<Context> {
  readonly #configuration: Partial<Configuration<Context>>;
  #instance: Hocuspocus<Context> | undefined;
  #starting: Promise<Hocuspocus<Context>> | undefined;

  constructor(configuration: Partial<Configuration<Context>>) {
    this.#configuration = configuration;
  }

  /** The documents open on this instance, by name; none before the first socket. */
  get documents(): ReadonlyMap<string, Document> {
    return this.#instance?.documents ?? NONE;
  }

  /** The instance, created at the first call; a failed import is retried at the next. */
  start(): Promise<Hocuspocus<Context>> {
    this.#starting ??= import("@hocuspocus/server").then(({ Hocuspocus }) => {
      this.#instance = new Hocuspocus<Context>(this.#configuration);
      return this.#instance;
    });
    this.#starting.catch(() => {
      this.#starting = undefined;
    });
    return this.#starting;
  }

  closeConnections(): void {
    this.#instance?.closeConnections();
  }
}
