/**
 * The pub/sub contract: fire-and-forget messages between the parts of Tandem,
 * and between instances when several share one database.
 *
 * - Messages are JSON values; a subscriber receives a fresh copy, never the publisher's object.
 * - Delivery is at-most-once and asynchronous, also in memory, so code written against the
 *   in-process implementation behaves the same on Redis.
 * - A publisher receives its own messages, as with Redis.
 */
export type PubSubHandler = (message: unknown) => void;

export interface PubSub {
  readonly kind: "memory" | "redis";
  publish(channel: string, message: unknown): Promise<void>;
  /** Resolves once the subscription is active; returns the function that ends it. */
  subscribe(channel: string, handler: PubSubHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
