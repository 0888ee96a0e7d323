import type { PubSub, PubSubHandler } from "./PubSub.js";

/** In-process pub/sub for a single instance. */
export class MemoryPubSub implements PubSub {
  readonly kind = "memory" as const;
  readonly #handlers = new Map<string, Set<PubSubHandler>>();

  async publish(channel: string, message: unknown): Promise<void> {
    const payload = JSON.stringify(message);
    for (const handler of this.#handlers.get(channel) ?? []) {
      setImmediate(() => handler(JSON.parse(payload)));
    }
  }

  async subscribe(channel: string, handler: PubSubHandler): Promise<() => Promise<void>> {
    let handlers = this.#handlers.get(channel);
    if (!handlers) {
      handlers = new Set();
      this.#handlers.set(channel, handlers);
    }
    // Wrapping makes each subscription distinct even when one function subscribes twice.
    const own: PubSubHandler = (message) => handler(message);
    handlers.add(own);
    return async () => {
      handlers.delete(own);
      if (handlers.size === 0) this.#handlers.delete(channel);
    };
  }

  async close(): Promise<void> {
    this.#handlers.clear();
  }
}
