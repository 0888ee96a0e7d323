import { randomUUID } from "node:crypto";
import { Counter, type Registry } from "prom-client";
import type { Logger } from "../log/createLogger.js";
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
 * list; it is also the simplest proof that instances hear each other. An announcement that
 * fails (Redis away) is logged and counted (`tandem_instance_announcements_failed_total`), never
 * swallowed: peers drop an instance that stays silent, and the operator should know why. The
 * heartbeat keeps its own timer rather than being a Scheduler job: its period is the registry's
 * own clock (a peer is gone after three), and it belongs between this instance's hello and bye,
 * which start() and stop() send, not to any module.
 */
export class InstanceRegistry {
  readonly self: Omit<InstanceInfo, "lastSeenAt">;
  readonly #pubsub: PubSub;
  readonly #heartbeatMs: number;
  readonly #peers = new Map<string, InstanceInfo>();
  readonly #log: Logger;
  readonly #failures: Counter<"type">;
  #timer: NodeJS.Timeout | undefined;
  #unsubscribe: (() => Promise<void>) | undefined;

  constructor(
    pubsub: PubSub,
    options: { version: string; log: Logger; registry: Registry; heartbeatMs?: number },
  ) {
    this.#pubsub = pubsub;
    this.#log = options.log.child({ component: "instances" });
    this.#failures = new Counter({
      name: "tandem_instance_announcements_failed_total",
      help: "Announcements to the other instances (hello, here, bye) that could not be published.",
      labelNames: ["type"] as const,
      registers: [options.registry],
    });
    this.#heartbeatMs = options.heartbeatMs ?? 15_000;
    this.self = { id: randomUUID(), version: options.version, startedAt: Date.now() };
  }

  async start(): Promise<void> {
    this.#unsubscribe = await this.#pubsub.subscribe(CHANNEL, (message) =>
      this.#receive(message as Announcement),
    );
    await this.#announce("hello");
    this.#timer = setInterval(() => void this.#announceOrLog("here"), this.#heartbeatMs);
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
    await this.#announceOrLog("bye");
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
    if (message.type === "hello" && !known) void this.#announceOrLog("here");
  }

  /** For announcements nobody waits on: a failure is logged and counted, then the next beat tries. */
  #announceOrLog(type: Announcement["type"]): Promise<void> {
    return this.#announce(type).catch((error: unknown) => {
      this.#failures.inc({ type });
      this.#log.warn({ err: error, type }, "instance announcement failed");
    });
  }

  #announce(type: Announcement["type"]): Promise<void> {
    return this.#pubsub.publish(CHANNEL, { type, instance: this.self } satisfies Announcement);
  }
}
