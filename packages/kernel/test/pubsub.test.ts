import {
  createLogger,
  InstanceRegistry,
  openPubSub,
  type PubSub,
  RedisPubSub,
  Unavailable,
} from "@tandem/kernel";
import { createTestBackend, currentBackend, eventually, type TestBackend } from "@tandem/testkit";
import { Registry } from "prom-client";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";

// Redis runs with the postgres backend only; the sqlite backend stands for a single instance.
const withRedis = currentBackend() === "postgres";

let backend: TestBackend;
const opened: PubSub[] = [];

beforeAll(async () => {
  backend = await createTestBackend();
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((p) => p.close()));
});

afterAll(async () => {
  await backend?.dispose();
});

/** A pub/sub as a Tandem instance opens it from this backend's configuration. */
async function open(prefix = backend.redisPrefix): Promise<PubSub> {
  const pubsub = await openPubSub({ redisUrl: backend.redisUrl, redisPrefix: prefix });
  opened.push(pubsub);
  return pubsub;
}

async function listen(pubsub: PubSub, channel: string) {
  const received: unknown[] = [];
  const unsubscribe = await pubsub.subscribe(channel, (message) => received.push(message));
  return { received, unsubscribe };
}

/**
 * Redis delivers to a connection in the order it accepted the publications, so once a marker
 * published afterwards has arrived, an earlier message that was going to arrive has arrived.
 */
async function flush(pubsub: PubSub) {
  const marker = await listen(pubsub, "marker");
  await pubsub.publish("marker", "flush");
  await eventually(() => expect(marker.received).toEqual(["flush"]));
  await marker.unsubscribe();
}

test("openPubSub picks the implementation the backend configures", async () => {
  expect((await open()).kind).toBe(withRedis ? "redis" : "memory");
});

test("an unreachable Redis is Unavailable at once, with the password redacted", async () => {
  const failure = RedisPubSub.connect("redis://:s3cret-pw@127.0.0.1:1", "tandem:");
  await expect(failure).rejects.toBeInstanceOf(Unavailable);
  await expect(failure).rejects.toThrow(
    /^cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1: /,
  );
  await expect(failure).rejects.not.toThrow(/s3cret-pw/);
  // The reason is the refusal itself, not ioredis's vaguer "Connection is closed".
  await expect(failure).rejects.toThrow(/ECONNREFUSED/);
  await expect(RedisPubSub.connect("redis://127.0.0.1:1", "tandem:")).rejects.toThrow(
    /^cannot reach Redis/,
  );
});

describe.runIf(withRedis)("RedisPubSub", () => {
  test("two instances in one process exchange messages, and each hears its own", async () => {
    const [a, b] = [await open(), await open()];
    const onA = await listen(a, "ch");
    const onB = await listen(b, "ch");
    await a.publish("ch", { from: "a", list: [1, 2] });
    await b.publish("ch", { from: "b" });
    const expected = [{ from: "a", list: [1, 2] }, { from: "b" }];
    await eventually(() => expect(onB.received).toEqual(expected));
    await eventually(() => expect(onA.received).toEqual(expected));
  });

  test("another prefix is another deployment: it hears nothing", async () => {
    const [a, other] = [await open(), await open(`${backend.redisPrefix}other:`)];
    const onOther = await listen(other, "ch");
    await a.publish("ch", "not for you");
    await flush(other);
    expect(onOther.received).toEqual([]);
  });

  test("only the channel subscribed to is delivered", async () => {
    const [a, b] = [await open(), await open()];
    const onB = await listen(b, "one");
    await a.publish("two", "elsewhere");
    await a.publish("one", "here");
    await eventually(() => expect(onB.received).toEqual(["here"]));
  });

  test("unsubscribe stops delivery to that subscription only", async () => {
    const [a, b] = [await open(), await open()];
    const leaving = await listen(b, "ch");
    const staying = await listen(b, "ch");
    await leaving.unsubscribe();
    await a.publish("ch", "after");
    await eventually(() => expect(staying.received).toEqual(["after"]));
    await staying.unsubscribe();
    await a.publish("ch", "after both left");
    await flush(b);
    expect(leaving.received).toEqual([]);
    expect(staying.received).toEqual(["after"]);
  });

  test("the same handler subscribed twice is two subscriptions", async () => {
    const [a, b] = [await open(), await open()];
    const received: unknown[] = [];
    const handler = (message: unknown) => received.push(message);
    const first = await b.subscribe("ch", handler);
    await b.subscribe("ch", handler);
    await a.publish("ch", 1);
    await eventually(() => expect(received).toEqual([1, 1]));
    await first();
    await a.publish("ch", 2);
    await flush(b);
    expect(received).toEqual([1, 1, 2]);
  });

  test("each subscriber gets its own copy", async () => {
    const [a, b] = [await open(), await open()];
    const received: { n: number }[] = [];
    await b.subscribe("ch", (m) => {
      (m as { n: number }).n += 1;
      received.push(m as { n: number });
    });
    await b.subscribe("ch", (m) => received.push(m as { n: number }));
    await a.publish("ch", { n: 1 });
    await eventually(() => expect(received).toHaveLength(2));
    expect(received.map((m) => m.n)).toEqual([2, 1]);
  });
});

/** A registry's logger and metrics, unread here. */
const quiet = () => ({
  log: createLogger({ logLevel: "silent", logFormat: "json" }),
  registry: new Registry(),
});

describe.runIf(withRedis)("InstanceRegistry over Redis", () => {
  test("registries on two connections learn each other, and forget one that stops", async () => {
    const a = new InstanceRegistry(await open(), { version: "1.0.0", ...quiet() });
    const b = new InstanceRegistry(await open(), { version: "1.0.0", ...quiet() });
    await a.start();
    await b.start();
    try {
      await eventually(() => expect(a.list().map((i) => i.id)).toEqual([a.self.id, b.self.id]));
      await eventually(() => expect(b.list().map((i) => i.id)).toEqual([b.self.id, a.self.id]));
      await b.stop();
      await eventually(() => expect(a.list().map((i) => i.id)).toEqual([a.self.id]));
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  test("registries under another prefix do not see each other", async () => {
    const a = new InstanceRegistry(await open(), { version: "1.0.0", ...quiet() });
    const elsewhere = new InstanceRegistry(await open(`${backend.redisPrefix}other:`), {
      version: "1.0.0",
      ...quiet(),
    });
    const c = new InstanceRegistry(await open(), { version: "1.0.0", ...quiet() });
    await a.start();
    await elsewhere.start();
    await c.start();
    try {
      await eventually(() => expect(a.list().map((i) => i.id)).toEqual([a.self.id, c.self.id]));
      expect(a.list().map((i) => i.id)).not.toContain(elsewhere.self.id);
      expect(elsewhere.list().map((i) => i.id)).toEqual([elsewhere.self.id]);
    } finally {
      await Promise.all([a.stop(), elsewhere.stop(), c.stop()]);
    }
  });
});
