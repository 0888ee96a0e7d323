import { randomUUID } from "node:crypto";
import type { PubSub } from "../pubsub/PubSub.js";

const CHANNEL = "kernel.instances";

export interface InstanceInfo {
  id: string;
  version: string;
  startedAt: number;
  lastSeenAt: number;
}

type Announcement = { type: "hello" | "here" | "bye"; instance: Omit<InstanceInfo, "lastSeenAt"> };

/**
 * Which Tandem instances share this deployment, learnt over pub/sub: each announces
 * itself at start, answers newcomers, and repeats a heartbeat. Administrators see the
 * list; it is also the simplest proof that instances hear each other.
 */
export class InstanceRegistry {
  readonly self: Omit<InstanceInfo, "lastSeenAt">;
  readonly #pubsub: PubSub;
  readonly #heartbeatMs: number;
  readonly #peers = new Map<string, InstanceInfo>();
  #timer: NodeJS.Timeout | undefined;
  #unsubscribe: (() => Promise<void>) | undefined;

  constructor(pubsub: PubSub, options: { version: string; heartbeatMs?: number }) {
    this.#pubsub = pubsub;
    this.#heartbeatMs = options.heartbeatMs ?? 15_000;
    this.self = { id: randomUUID(), version: options.version, startedAt: Date.now() };
  }

  async start(): Promise<void> {
    this.#unsubscribe = await this.#pubsub.subscribe(CHANNEL, (message) =>
      this.#receive(message as Announcement),
    );
    await this.#announce("hello");
    this.#timer = setInterval(() => void this.#announce("here").catch(() => {}), this.#heartbeatMs);
    this.#timer.unref();
  }

  /** Live instances, this one first; a peer silent for three heartbeats is gone. */
  list(): InstanceInfo[] {
    const horizon = Date.now() - 3 * this.#heartbeatMs;
    const peers = [...this.#peers.values()].filter((p) => p.lastSeenAt >= horizon);
    peers.sort((a, b) => a.startedAt - b.startedAt);
    return [{ ...this.self, lastSeenAt: Date.now() }, ...peers];
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#announce("bye").catch(() => {});
    await this.#unsubscribe?.();
  }

  #receive(message: Announcement): void {
    const peer = message?.instance;
    if (!peer || typeof peer.id !== "string" || peer.id === this.self.id) return;
    if (message.type === "bye") {
      this.#peers.delete(peer.id);
      return;
    }
    const known = this.#peers.has(peer.id);
    this.#peers.set(peer.id, { ...peer, lastSeenAt: Date.now() });
    // A newcomer should not wait a whole heartbeat to learn about us.
    if (message.type === "hello" && !known) void this.#announce("here").catch(() => {});
  }

  #announce(type: Announcement["type"]): Promise<void> {
    return this.#pubsub.publish(CHANNEL, { type, instance: this.self } satisfies Announcement);
  }
}
