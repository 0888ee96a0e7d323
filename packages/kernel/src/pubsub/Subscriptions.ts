import type { Logger } from "pino";
import type { PubSubHandler } from "./PubSub.js";

interface Channel {
  handlers: Set<PubSubHandler>;
  /** Settles when the transport listens on the channel; later subscribers wait for it too. */
  ready: Promise<void>;
}

/**
 * The bookkeeping both pub/sub implementations share: who listens on which channel,
 * and delivery that gives each handler its own copy and keeps one failing handler
 * from reaching the others or the process.
 */
export class Subscriptions {
  readonly #channels = new Map<string, Channel>();
  readonly #log: Logger | undefined;

  constructor(log?: Logger) {
    this.#log = log;
  }

  /**
   * Adds a handler; `listen` runs when the channel gets its first handler, `unlisten`
   * when it loses its last. Resolves once the channel is listened to.
   */
  async add(
    channel: string,
    handler: PubSubHandler,
    transport: { listen(): Promise<void>; unlisten(): Promise<void> },
  ): Promise<() => Promise<void>> {
    let entry = this.#channels.get(channel);
    if (!entry) {
      entry = { handlers: new Set(), ready: transport.listen() };
      this.#channels.set(channel, entry);
    }
    // Wrapping makes each subscription distinct even when one function subscribes twice.
    const own: PubSubHandler = (message) => handler(message);
    entry.handlers.add(own);
    const current = entry;
    try {
      await current.ready;
    } catch (error) {
      current.handlers.delete(own);
      if (this.#channels.get(channel) === current && current.handlers.size === 0) {
        this.#channels.delete(channel);
      }
      throw error;
    }
    return async () => {
      current.handlers.delete(own);
      if (current.handlers.size === 0 && this.#channels.get(channel) === current) {
        this.#channels.delete(channel);
        await transport.unlisten();
      }
    };
  }

  /** Delivers a JSON payload to every handler of the channel, each parsing its own copy. */
  deliver(channel: string, payload: string): void {
    const entry = this.#channels.get(channel);
    if (!entry) return;
    for (const handler of entry.handlers) {
      try {
        handler(JSON.parse(payload));
      } catch (error) {
        this.#log?.error({ err: error, channel }, "a pub/sub handler failed");
      }
    }
  }

  clear(): void {
    this.#channels.clear();
  }
}
