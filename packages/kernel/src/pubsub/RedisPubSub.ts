import { Redis } from "ioredis";
import type { Logger } from "pino";
import { Unavailable } from "../errors/TandemError.js";
import { reasonOf, redactUrl } from "../util/describe.js";
import type { PubSub, PubSubHandler } from "./PubSub.js";

/**
 * Pub/sub across instances over Redis. A subscribed Redis connection can do nothing
 * else, hence two connections. Channels carry the configured prefix so deployments
 * can share one Redis.
 */
export class RedisPubSub implements PubSub {
  readonly kind = "redis" as const;
  readonly #publisher: Redis;
  readonly #subscriber: Redis;
  readonly #prefix: string;
  readonly #handlers = new Map<string, Set<PubSubHandler>>();

  private constructor(publisher: Redis, subscriber: Redis, prefix: string, log?: Logger) {
    this.#publisher = publisher;
    this.#subscriber = subscriber;
    this.#prefix = prefix;
    this.#subscriber.on("message", (channel: string, payload: string) => {
      const handlers = this.#handlers.get(channel.slice(prefix.length));
      if (!handlers) return;
      let message: unknown;
      try {
        message = JSON.parse(payload);
      } catch {
        log?.warn({ channel }, "ignored a pub/sub message that is not JSON");
        return;
      }
      for (const handler of handlers) handler(message);
    });
    // After start, a lost connection is retried forever; errors are logged, not thrown.
    for (const connection of [publisher, subscriber]) {
      connection.on("error", (error: Error) => log?.warn({ err: error }, "Redis connection error"));
    }
  }

  /** Connects both connections, failing fast with a clear error when Redis does not answer. */
  static async connect(url: string, prefix: string, log?: Logger): Promise<RedisPubSub> {
    const open = () =>
      new Redis(url, { lazyConnect: true, connectTimeout: 5000, maxRetriesPerRequest: 3 });
    const publisher = open();
    const subscriber = open();
    try {
      await Promise.all([connectOnce(publisher), connectOnce(subscriber)]);
    } catch (error) {
      publisher.disconnect();
      subscriber.disconnect();
      throw new Unavailable(`cannot reach Redis at ${redactUrl(url)}: ${reasonOf(error)}`, {
        cause: error,
      });
    }
    return new RedisPubSub(publisher, subscriber, prefix, log);
  }

  async publish(channel: string, message: unknown): Promise<void> {
    await this.#publisher.publish(this.#prefix + channel, JSON.stringify(message));
  }

  async subscribe(channel: string, handler: PubSubHandler): Promise<() => Promise<void>> {
    let handlers = this.#handlers.get(channel);
    if (!handlers) {
      handlers = new Set();
      this.#handlers.set(channel, handlers);
      await this.#subscriber.subscribe(this.#prefix + channel);
    }
    const own: PubSubHandler = (message) => handler(message);
    handlers.add(own);
    return async () => {
      handlers.delete(own);
      if (handlers.size === 0 && this.#handlers.get(channel) === handlers) {
        this.#handlers.delete(channel);
        await this.#subscriber.unsubscribe(this.#prefix + channel);
      }
    };
  }

  async close(): Promise<void> {
    this.#handlers.clear();
    await Promise.allSettled([this.#subscriber.quit(), this.#publisher.quit()]);
  }
}

/** The first connection attempt is not retried: an unreachable Redis stops the start. */
async function connectOnce(connection: Redis): Promise<void> {
  const retry = connection.options.retryStrategy;
  connection.options.retryStrategy = () => null;
  // ioredis reports the cause as an event and rejects with a vaguer "Connection is closed".
  let cause: unknown;
  const remember = (error: unknown) => {
    cause ??= error;
  };
  connection.on("error", remember);
  try {
    await connection.connect();
  } catch (error) {
    throw cause ?? error;
  } finally {
    connection.off("error", remember);
    connection.options.retryStrategy = retry;
  }
}
