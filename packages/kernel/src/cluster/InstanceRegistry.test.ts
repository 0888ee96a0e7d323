import { eventually } from "@tandem/testkit";
import { Registry } from "prom-client";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { createLogger, type Logger } from "../log/createLogger.js";
import { MemoryPubSub } from "../pubsub/MemoryPubSub.js";
import { InstanceRegistry } from "./InstanceRegistry.js";

const CHANNEL = "kernel.instances";

let pubsub: MemoryPubSub;
let started: InstanceRegistry[];

beforeEach(() => {
  pubsub = new MemoryPubSub();
  started = [];
});

afterEach(async () => {
  await stopAll();
  await pubsub.close();
});

async function stopAll() {
  await Promise.all(started.splice(0).map((r) => r.stop()));
}

async function startRegistry(
  options: { version?: string; heartbeatMs?: number; log?: Logger; registry?: Registry } = {},
) {
  const registry = new InstanceRegistry(pubsub, {
    version: options.version ?? "1.0.0",
    log: createLogger({ logLevel: "silent", logFormat: "json" }),
    registry: new Registry(),
    ...options,
  });
  await registry.start();
  started.push(registry);
  return registry;
}

const idsOf = (registry: InstanceRegistry) => registry.list().map((i) => i.id);

test("alone, an instance lists only itself", async () => {
  const registry = await startRegistry({ version: "2.3.4" });
  const [self, ...others] = registry.list();
  expect(others).toEqual([]);
  expect(self).toMatchObject({ id: registry.self.id, version: "2.3.4" });
  expect(self?.lastSeenAt).toBeGreaterThanOrEqual(registry.self.startedAt);
});

test("two registries on one pub/sub learn each other, each listing itself first", async () => {
  const a = await startRegistry({ version: "1.0.0" });
  const b = await startRegistry({ version: "1.1.0" });
  await eventually(() => expect(idsOf(a)).toEqual([a.self.id, b.self.id]));
  await eventually(() => expect(idsOf(b)).toEqual([b.self.id, a.self.id]));
  expect(a.list()[1]).toMatchObject({
    id: b.self.id,
    version: "1.1.0",
    startedAt: b.self.startedAt,
  });
});

test("peers are listed oldest first", async () => {
  const a = await startRegistry();
  const b = await startRegistry();
  const c = await startRegistry();
  await eventually(() => expect(idsOf(c)).toHaveLength(3));
  const peers = c.list().slice(1);
  expect(peers.map((p) => p.startedAt)).toEqual([...peers.map((p) => p.startedAt)].sort());
  expect(new Set(peers.map((p) => p.id))).toEqual(new Set([a.self.id, b.self.id]));
});

test("an instance that stops is forgotten by the others at once", async () => {
  const a = await startRegistry();
  const b = await startRegistry();
  await eventually(() => expect(idsOf(a)).toContain(b.self.id));
  await b.stop();
  await eventually(() => expect(idsOf(a)).toEqual([a.self.id]));
});

describe("heartbeats, on a fake clock", () => {
  const HEARTBEAT = 1_000;

  // Only the clock and the heartbeat timer are faked: pub/sub delivery and eventually() stay real.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date", "setInterval", "clearInterval"] });
  });

  afterEach(async () => {
    await stopAll();
    vi.useRealTimers();
  });

  test("a peer silent for three heartbeats is dropped", async () => {
    const a = await startRegistry({ heartbeatMs: HEARTBEAT });
    // A peer that says hello once and never again, as a crashed instance does.
    const ghost = { id: "ghost", version: "0.0.1", startedAt: 1 };
    await pubsub.publish(CHANNEL, { type: "hello", instance: ghost });
    await eventually(() => expect(idsOf(a)).toContain("ghost"));
    vi.advanceTimersByTime(3 * HEARTBEAT);
    expect(idsOf(a)).toContain("ghost");
    vi.advanceTimersByTime(1);
    expect(idsOf(a)).toEqual([a.self.id]);
  });

  test("a heartbeat that cannot be published is logged and counted, and the next one tries", async () => {
    const registry = new Registry();
    const warn = vi.fn();
    const log = { child: () => ({ warn }) } as unknown as Logger;
    const a = await startRegistry({ heartbeatMs: HEARTBEAT, registry, log });
    const publish = vi.spyOn(pubsub, "publish").mockRejectedValueOnce(new Error("redis away"));
    vi.advanceTimersByTime(HEARTBEAT);
    const failed = async () =>
      (await registry.getSingleMetric("tandem_instance_announcements_failed_total")?.get())
        ?.values[0];
    await eventually(async () =>
      expect(await failed()).toMatchObject({ value: 1, labels: { type: "here" } }),
    );
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({ type: "here" }),
      "instance announcement failed",
    );
    vi.advanceTimersByTime(HEARTBEAT);
    expect(publish).toHaveBeenCalledTimes(2);
    expect((await failed())?.value).toBe(1);
    expect(idsOf(a)).toEqual([a.self.id]);
  });

  test("a live peer stays listed, its heartbeat refreshing lastSeenAt", async () => {
    const a = await startRegistry({ heartbeatMs: HEARTBEAT });
    const b = await startRegistry({ heartbeatMs: HEARTBEAT });
    await eventually(() => expect(idsOf(a)).toEqual([a.self.id, b.self.id]));
    for (let beat = 0; beat < 10; beat++) {
      vi.advanceTimersByTime(HEARTBEAT);
      await eventually(() => expect(a.list()[1]?.lastSeenAt).toBe(Date.now()), { intervalMs: 1 });
    }
    expect(idsOf(a)).toEqual([a.self.id, b.self.id]);
    expect(idsOf(b)).toEqual([b.self.id, a.self.id]);
  });
});

test("malformed announcements are ignored", async () => {
  const a = await startRegistry();
  for (const junk of [
    null,
    "hello",
    42,
    {},
    { type: "hello" },
    { type: "hello", instance: { id: 7 } },
  ]) {
    await pubsub.publish(CHANNEL, junk);
  }
  // Its own echo, seen as a peer, would be a bug too.
  await pubsub.publish(CHANNEL, { type: "here", instance: a.self });
  const b = await startRegistry();
  await eventually(() => expect(idsOf(a)).toEqual([a.self.id, b.self.id]));
});
