import type { Logger } from "pino";
import type { PubSub, PubSubHandler } from "./PubSub.js";
import { Subscriptions } from "./Subscriptions.js";

const inProcess = { listen: async () => {}, unlisten: async () => {} };

/** In-process pub/sub for a single instance. */
export class MemoryPubSub implements PubSub {
  readonly kind = "memory" as const;
  readonly #subscriptions: Subscriptions;

  constructor(log?: Logger) {
    this.#subscriptions = new Subscriptions(log);
  }

  async publish(channel: string, message: unknown): Promise<void> {
    const payload = JSON.stringify(message);
    // Asynchronous like Redis, so code tested in memory meets the same ordering in production.
    setImmediate(() => this.#subscriptions.deliver(channel, payload));
  }

  subscribe(channel: string, handler: PubSubHandler): Promise<() => Promise<void>> {
    return this.#subscriptions.add(channel, handler, inProcess);
  }

  async close(): Promise<void> {
    this.#subscriptions.clear();
  }
}
