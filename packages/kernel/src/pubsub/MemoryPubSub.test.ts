import { eventually } from "@tandem/testkit";
import { afterEach, beforeEach, expect, test } from "vitest";
import { MemoryPubSub } from "./MemoryPubSub.js";
import type { PubSubHandler } from "./PubSub.js";

let pubsub: MemoryPubSub;

beforeEach(() => {
  pubsub = new MemoryPubSub();
});

afterEach(async () => {
  await pubsub.close();
});

/** Subscribes a handler that keeps what it receives. */
async function listen(channel: string, onMessage: PubSubHandler = () => {}) {
  const received: unknown[] = [];
  const unsubscribe = await pubsub.subscribe(channel, (message) => {
    received.push(message);
    onMessage(message);
  });
  return { received, unsubscribe };
}

/**
 * Delivery is in publication order, so once a later marker has arrived, an earlier message
 * that was going to arrive has arrived too: a way to prove absence without sleeping.
 */
async function flush(channel = "marker") {
  const marker = await listen(channel);
  await pubsub.publish(channel, "flush");
  await eventually(() => expect(marker.received).toEqual(["flush"]));
  await marker.unsubscribe();
}

test("is the memory kind", () => {
  expect(pubsub.kind).toBe("memory");
});

test("delivers asynchronously, after publish has returned", async () => {
  const a = await listen("ch");
  await pubsub.publish("ch", { n: 1 });
  expect(a.received).toEqual([]);
  await eventually(() => expect(a.received).toEqual([{ n: 1 }]));
});

test("delivers messages in the order they were published", async () => {
  const a = await listen("ch");
  for (let n = 0; n < 5; n++) await pubsub.publish("ch", n);
  await eventually(() => expect(a.received).toEqual([0, 1, 2, 3, 4]));
});

test("delivers only on the channel subscribed to", async () => {
  const a = await listen("a");
  await pubsub.publish("b", "for b");
  await pubsub.publish("a", "for a");
  await eventually(() => expect(a.received).toEqual(["for a"]));
});

test("each subscriber gets its own JSON copy, never the publisher's object", async () => {
  const original = { list: [1, 2], nested: { value: "x" } };
  const mutating = await listen("ch", (message) => {
    const m = message as typeof original;
    m.list.push(99);
    m.nested.value = "changed";
  });
  const other = await listen("ch");
  await pubsub.publish("ch", original);
  original.nested.value = "changed by the publisher after publishing";
  await eventually(() => expect(other.received).toHaveLength(1));
  await eventually(() => expect(mutating.received).toHaveLength(1));
  expect(other.received[0]).toEqual({ list: [1, 2], nested: { value: "x" } });
  expect(mutating.received[0]).not.toBe(original);
  expect(other.received[0]).not.toBe(mutating.received[0]);
});

test("messages go through JSON: dates become strings, undefined fields disappear", async () => {
  const a = await listen("ch");
  await pubsub.publish("ch", { at: new Date(0), gone: undefined });
  await eventually(() => expect(a.received).toEqual([{ at: "1970-01-01T00:00:00.000Z" }]));
});

test("unsubscribe stops delivery to that subscriber only", async () => {
  const leaving = await listen("ch");
  const staying = await listen("ch");
  await leaving.unsubscribe();
  await pubsub.publish("ch", "after");
  await eventually(() => expect(staying.received).toEqual(["after"]));
  await flush();
  expect(leaving.received).toEqual([]);
});

test("unsubscribing twice is harmless", async () => {
  const a = await listen("ch");
  await a.unsubscribe();
  await a.unsubscribe();
  const b = await listen("ch");
  await pubsub.publish("ch", 1);
  await eventually(() => expect(b.received).toEqual([1]));
});

test("the same handler subscribed twice is two subscriptions", async () => {
  const received: unknown[] = [];
  const handler: PubSubHandler = (message) => received.push(message);
  const first = await pubsub.subscribe("ch", handler);
  await pubsub.subscribe("ch", handler);
  await pubsub.publish("ch", "twice");
  await eventually(() => expect(received).toEqual(["twice", "twice"]));
  await first();
  await pubsub.publish("ch", "once");
  await eventually(() => expect(received).toEqual(["twice", "twice", "once"]));
  await flush();
  expect(received).toEqual(["twice", "twice", "once"]);
});

test("close ends every subscription", async () => {
  const a = await listen("ch");
  await pubsub.close();
  await pubsub.publish("ch", "after close");
  await flush();
  expect(a.received).toEqual([]);
});
