import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { Unavailable } from "../errors/TandemError.js";
import { reasonOf, redactUrl } from "../util/describe.js";
import type { PubSub, PubSubHandler } from "./PubSub.js";
import { Subscriptions } from "./Subscriptions.js";

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
  readonly #subscriptions: Subscriptions;

  private constructor(publisher: Redis, subscriber: Redis, prefix: string, log?: Logger) {
    this.#publisher = publisher;
    this.#subscriber = subscriber;
    this.#prefix = prefix;
    this.#subscriptions = new Subscriptions(log);
    this.#subscriber.on("message", (channel: string, payload: string) => {
      if (channel.startsWith(prefix))
        this.#subscriptions.deliver(channel.slice(prefix.length), payload);
    });
    // After start, a lost connection is retried forever; errors are logged, not thrown.
    for (const connection of [publisher, subscriber]) {
      connection.on("error", (error: Error) => log?.warn({ err: error }, "Redis connection error"));
    }
  }

  /** Connects both connections, failing fast with a clear error when Redis does not answer. */
  static async connect(url: string, prefix: string, log?: Logger): Promise<RedisPubSub> {
    // Imported here, not at the top: an instance on in-process pub/sub never loads ioredis,
    // which costs ~5 MB of allocations at start.
    const { Redis } = await import("ioredis");
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

  subscribe(channel: string, handler: PubSubHandler): Promise<() => Promise<void>> {
    const name = this.#prefix + channel;
    return this.#subscriptions.add(channel, handler, {
      listen: async () => {
        await this.#subscriber.subscribe(name);
      },
      unlisten: async () => {
        await this.#subscriber.unsubscribe(name);
      },
    });
  }

  async close(): Promise<void> {
    this.#subscriptions.clear();
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
