import { expect, test } from "vitest";
import { NetworkRate, TooManyRequests } from "./NetworkRate.js";

test("a network gets `limit` requests per window, then 429 until the window ends", () => {
  let now = 10_000;
  const rate = new NetworkRate(3, 60_000, () => now);
  for (let i = 0; i < 3; i++) rate.take("203.0.113.7");
  let refused: unknown;
  try {
    rate.take("203.0.113.7");
  } catch (error) {
    refused = error;
  }
  expect(refused).toBeInstanceOf(TooManyRequests);
  expect((refused as TooManyRequests).status).toBe(429);
  expect((refused as TooManyRequests).retryAfter).toBe(50);
  // Another network is counted on its own.
  rate.take("203.0.113.8");
  now = 60_000;
  rate.take("203.0.113.7");
});

test("the addresses of one IPv6 /64 count as one network", () => {
  const rate = new NetworkRate(2, 60_000, () => 0);
  rate.take("2001:db8:1:2::1");
  rate.take("2001:db8:1:2::ffff");
  expect(() => rate.take("2001:db8:1:2:aaaa::3")).toThrow(TooManyRequests);
  rate.take("2001:db8:1:3::1");
});
