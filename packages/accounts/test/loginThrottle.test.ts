import {
  kernelMigrations,
  LoginThrottle,
  type LoginThrottleOptions,
  TooManyAttempts,
} from "@tandem/accounts";
import { type Database, InvalidCredentials } from "@tandem/kernel";
import { openTwoConnections, type TwoConnections } from "@tandem/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const IP = "203.0.113.7";

let shared: TwoConnections;
let database: Database;
let other: Database;
let now: number;
const clock = () => now;

beforeAll(async () => {
  shared = await openTwoConnections([kernelMigrations]);
  ({ database, other } = shared);
});
afterAll(() => shared.close());

beforeEach(async () => {
  await database.db.deleteFrom("login_throttle").execute();
  await database.db.deleteFrom("login_known_sources").execute();
  now = Date.UTC(2030, 0, 1);
});

function throttleOf(options: LoginThrottleOptions = {}, on = database) {
  return new LoginThrottle(on, { now: clock, ...options });
}

type Outcome = "signed in" | "wrong password" | { retryAfter: number };

/**
 * One sign-in attempt through the throttle, without hashing: `right` stands for the right
 * password (the check succeeds), otherwise the check fails as a wrong password does.
 */
async function attempt(
  throttle: LoginThrottle,
  email: string,
  options: { ip?: string; right?: boolean; device?: string } = {},
): Promise<Outcome> {
  const who = { email, ip: options.ip ?? IP, device: options.device };
  try {
    return await throttle.guard(who, async () => {
      if (!options.right) throw new InvalidCredentials();
      return "signed in" as const;
    });
  } catch (error) {
    if (error instanceof InvalidCredentials) return "wrong password";
    if (error instanceof TooManyAttempts) {
      expect({ status: error.status, code: error.code }).toEqual({
        status: 429,
        code: "too_many_attempts",
      });
      return { retryAfter: error.retryAfter };
    }
    throw error;
  }
}

async function failTimes(throttle: LoginThrottle, count: number, email = "ada@example.org") {
  for (let i = 0; i < count; i += 1) {
    expect(await attempt(throttle, email), `failure ${i + 1}`).toBe("wrong password");
  }
}

describe("per account", () => {
  test("5 failures: the 6th attempt is refused, the right password too, until the delay passes", async () => {
    const throttle = throttleOf();
    await failTimes(throttle, 5);
    expect(await attempt(throttle, "ada@example.org")).toEqual({ retryAfter: 1 });
    expect(await attempt(throttle, "ada@example.org", { right: true })).toEqual({ retryAfter: 1 });
    now += 999;
    expect(await attempt(throttle, "ada@example.org")).toEqual({ retryAfter: 1 });
    now += 1;
    expect(await attempt(throttle, "ada@example.org", { right: true })).toBe("signed in");
  });

  test("the wait runs from the answer, however long the password check took", async () => {
    const throttle = throttleOf();
    await failTimes(throttle, 4);
    await expect(
      throttle.guard({ email: "ada@example.org", ip: IP }, async () => {
        now += 3 * SECOND;
        throw new InvalidCredentials();
      }),
    ).rejects.toThrow(InvalidCredentials);
    expect(await attempt(throttle, "ada@example.org")).toEqual({ retryAfter: 1 });
  });

  test("each further failure doubles the delay, up to 15 minutes, and the block then ends", async () => {
    const throttle = throttleOf();
    await failTimes(throttle, 5);
    const delays: number[] = [];
    for (let i = 0; i < 14; i += 1) {
      const refused = (await attempt(throttle, "ada@example.org")) as { retryAfter: number };
      delays.push(refused.retryAfter);
      now += refused.retryAfter * SECOND;
      expect(await attempt(throttle, "ada@example.org")).toBe("wrong password");
    }
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900, 900]);
    expect(await attempt(throttle, "ada@example.org")).toEqual({ retryAfter: 900 });
    now += 15 * MINUTE;
    expect(await attempt(throttle, "ada@example.org", { right: true })).toBe("signed in");
  });

  test("a success resets the account's count", async () => {
    const throttle = throttleOf();
    await failTimes(throttle, 4);
    expect(await attempt(throttle, "ada@example.org", { right: true })).toBe("signed in");
    await failTimes(throttle, 4);
    expect(await attempt(throttle, "ada@example.org", { right: true })).toBe("signed in");
    await failTimes(throttle, 5);
    now += SECOND;
    expect(await attempt(throttle, "ada@example.org", { right: true })).toBe("signed in");
    await failTimes(throttle, 5);
    expect(await attempt(throttle, "ada@example.org")).toEqual({ retryAfter: 1 });
  });

  test("failures add up within 15 minutes; a quiet window starts again", async () => {
    const throttle = throttleOf();
    await failTimes(throttle, 4);
    now += 15 * MINUTE;
    await failTimes(throttle, 4);
    now += 14 * MINUTE;
    await failTimes(throttle, 1);
    expect(await attempt(throttle, "ada@example.org")).toEqual({ retryAfter: 1 });
  });

  test("a blocked account stays counted a window after its block ends", async () => {
    const throttle = throttleOf();
    await failTimes(throttle, 5);
    now += SECOND + 15 * MINUTE - 1;
    // Still in the same run of failures: the delay doubles rather than 5 free guesses again.
    expect(await attempt(throttle, "ada@example.org")).toBe("wrong password");
    expect(await attempt(throttle, "ada@example.org")).toEqual({ retryAfter: 2 });
    now += 2 * SECOND + 15 * MINUTE;
    await failTimes(throttle, 4);
  });

  test("the e-mail counts in any case and with spaces", async () => {
    const throttle = throttleOf();
    for (const email of [
      "ada@example.org",
      "ADA@example.org",
      " Ada@Example.org ",
      "ada@EXAMPLE.ORG",
    ]) {
      expect(await attempt(throttle, email)).toBe("wrong password");
    }
    expect(await attempt(throttle, "ada@example.org ")).toBe("wrong password");
    expect(await attempt(throttle, "Ada@example.org")).toEqual({ retryAfter: 1 });
  });

  test("other accounts are not slowed down", async () => {
    const throttle = throttleOf();
    await failTimes(throttle, 5);
    expect(await attempt(throttle, "bob@example.org")).toBe("wrong password");
    expect(await attempt(throttle, "bob@example.org", { right: true })).toBe("signed in");
  });

  test("an error that is no wrong password is not counted", async () => {
    const throttle = throttleOf();
    for (let i = 0; i < 10; i += 1) {
      await expect(
        throttle.guard({ email: "ada@example.org", ip: IP }, () =>
          Promise.reject(new Error("database down")),
        ),
      ).rejects.toThrow("database down");
    }
    await failTimes(throttle, 5);
    expect(await attempt(throttle, "ada@example.org")).toEqual({ retryAfter: 1 });
  });

  test("a burst of parallel guesses is checked no more than the limit allows", async () => {
    const throttle = throttleOf();
    let checked = 0;
    const guesses = Array.from({ length: 20 }, () =>
      throttle
        .guard({ email: "ada@example.org", ip: IP }, async () => {
          checked += 1;
          await new Promise((resolve) => setTimeout(resolve, 20));
          throw new InvalidCredentials();
        })
        .catch((error: Error) => error.constructor.name),
    );
    const outcomes = await Promise.all(guesses);
    expect(checked).toBe(5);
    expect(outcomes.filter((o) => o === "InvalidCredentials")).toHaveLength(5);
    expect(outcomes.filter((o) => o === "TooManyAttempts")).toHaveLength(15);
  });
});

describe("per network", () => {
  const emails = (count: number) => Array.from({ length: count }, (_, i) => `user${i}@example.org`);

  test("20 failures from one address on different accounts block the address, not the accounts", async () => {
    const throttle = throttleOf();
    for (const email of emails(20)) expect(await attempt(throttle, email)).toBe("wrong password");
    expect(await attempt(throttle, "new@example.org")).toEqual({ retryAfter: 1 });
    expect(await attempt(throttle, "new@example.org", { right: true })).toEqual({ retryAfter: 1 });
    expect(await attempt(throttle, "user0@example.org", { ip: "198.51.100.1", right: true })).toBe(
      "signed in",
    );
    now += SECOND;
    expect(await attempt(throttle, "new@example.org")).toBe("wrong password");
    expect(await attempt(throttle, "other@example.org")).toEqual({ retryAfter: 2 });
  });

  test("many people signing in at once behind one address are all let through", async () => {
    const throttle = throttleOf();
    const signIns = emails(40).map((email) =>
      throttle.guard({ email, ip: IP }, async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return "signed in";
      }),
    );
    expect(new Set(await Promise.all(signIns))).toEqual(new Set(["signed in"]));
  });

  test("an IPv6 /64 counts as one network", async () => {
    const throttle = throttleOf();
    for (const [i, email] of emails(20).entries()) {
      expect(await attempt(throttle, email, { ip: `2001:db8:1:2::${i + 1}` })).toBe(
        "wrong password",
      );
    }
    expect(await attempt(throttle, "new@example.org", { ip: "2001:db8:1:2:ffff::9" })).toEqual({
      retryAfter: 1,
    });
    expect(await attempt(throttle, "new@example.org", { ip: "2001:db8:1:3::1" })).toBe(
      "wrong password",
    );
  });

  test("successes do not count, and do not clear the failures of the network", async () => {
    const throttle = throttleOf();
    // An office behind one address: many people signing in is no attack.
    for (const email of emails(50)) {
      expect(await attempt(throttle, email, { right: true })).toBe("signed in");
    }
    for (const email of emails(19)) expect(await attempt(throttle, email)).toBe("wrong password");
    expect(await attempt(throttle, "mine@example.org", { right: true })).toBe("signed in");
    expect(await attempt(throttle, "mine@example.org", { right: true })).toBe("signed in");
    expect(await attempt(throttle, "last@example.org")).toBe("wrong password");
    expect(await attempt(throttle, "mine@example.org", { right: true })).toEqual({ retryAfter: 1 });
  });

  test("a refused attempt is not counted against the other key", async () => {
    const throttle = throttleOf();
    await failTimes(throttle, 5);
    for (let i = 0; i < 30; i += 1) {
      expect(await attempt(throttle, "ada@example.org")).toEqual({ retryAfter: 1 });
    }
    // The 30 refusals did not count against the network: 15 more failures are allowed.
    for (const email of emails(14)) expect(await attempt(throttle, email)).toBe("wrong password");
    expect(await attempt(throttle, "bob@example.org")).toBe("wrong password");
    expect(await attempt(throttle, "bob@example.org")).toEqual({ retryAfter: 1 });
  });
});

describe("known devices and networks: throttling without lockout", () => {
  const ATTACKER = "198.51.100.66";
  const HOME = "192.0.2.10";
  const MOBILE = "2001:db8:77::5";
  const DEVICE = "d".repeat(43);

  /** Ada signs in once from her browser at home, as she does every day. */
  async function adaSignedInBefore(throttle: LoginThrottle) {
    expect(
      await attempt(throttle, "ada@example.org", { ip: HOME, device: DEVICE, right: true }),
    ).toBe("signed in");
  }

  /** One wrong password from elsewhere each time the block ends, as the attacker did. */
  async function attackerKeepsAdaBlocked(throttle: LoginThrottle, rounds: number) {
    for (let i = 0; i < 5; i += 1) await attempt(throttle, "ada@example.org", { ip: ATTACKER });
    for (let i = 0; i < rounds; i += 1) {
      const refused = await attempt(throttle, "ada@example.org", { ip: ATTACKER });
      expect(refused).toHaveProperty("retryAfter");
      now += (refused as { retryAfter: number }).retryAfter * SECOND;
      expect(await attempt(throttle, "ada@example.org", { ip: ATTACKER })).toBe("wrong password");
    }
    const retryAfter = 2 ** rounds;
    expect(await attempt(throttle, "ada@example.org", { ip: ATTACKER })).toEqual({ retryAfter });
  }

  test("failures from elsewhere do not block the right password from a device that signed in before", async () => {
    const throttle = throttleOf();
    await adaSignedInBefore(throttle);
    await attackerKeepsAdaBlocked(throttle, 8);
    // From her browser, even on another network (her phone's), Ada gets in.
    const fromDevice = { device: DEVICE, right: true };
    expect(await attempt(throttle, "ada@example.org", { ...fromDevice, ip: MOBILE })).toBe(
      "signed in",
    );
    expect(await attempt(throttle, "ada@example.org", { ...fromDevice, ip: HOME })).toBe(
      "signed in",
    );
    // Her success gave the attacker no fresh count.
    expect(await attempt(throttle, "ada@example.org", { ip: ATTACKER })).toEqual({
      retryAfter: 256,
    });
  });

  test("a never-seen device on a never-seen network is still throttled", async () => {
    const throttle = throttleOf();
    await adaSignedInBefore(throttle);
    await attackerKeepsAdaBlocked(throttle, 8);
    const stranger = { ip: MOBILE, device: "s".repeat(43), right: true };
    expect(await attempt(throttle, "ada@example.org", stranger)).toEqual({ retryAfter: 256 });
    expect(await attempt(throttle, "ada@example.org", { ip: MOBILE, right: true })).toEqual({
      retryAfter: 256,
    });
  });

  test("a network that signed in before is known too, without the cookie", async () => {
    const throttle = throttleOf();
    await adaSignedInBefore(throttle);
    await attackerKeepsAdaBlocked(throttle, 3);
    expect(await attempt(throttle, "ada@example.org", { ip: HOME, right: true })).toBe("signed in");
  });

  test("failures from the known device count against it, apart from the others", async () => {
    const throttle = throttleOf();
    await adaSignedInBefore(throttle);
    const fromDevice = { ip: MOBILE, device: DEVICE };
    for (let i = 0; i < 5; i += 1) {
      expect(await attempt(throttle, "ada@example.org", fromDevice)).toBe("wrong password");
    }
    expect(await attempt(throttle, "ada@example.org", { ...fromDevice, right: true })).toEqual({
      retryAfter: 1,
    });
    // The device's failures did not block the account for everyone else.
    expect(await attempt(throttle, "ada@example.org", { ip: ATTACKER })).toBe("wrong password");
    now += SECOND;
    expect(await attempt(throttle, "ada@example.org", { ...fromDevice, right: true })).toBe(
      "signed in",
    );
  });

  test("a network's block still holds for a known device", async () => {
    const throttle = throttleOf();
    await adaSignedInBefore(throttle);
    for (let i = 0; i < 20; i += 1) {
      expect(await attempt(throttle, `user${i}@example.org`, { ip: HOME })).toBe("wrong password");
    }
    expect(
      await attempt(throttle, "ada@example.org", { ip: HOME, device: DEVICE, right: true }),
    ).toEqual({
      retryAfter: 1,
    });
  });

  test("a device is forgotten after its time; a network sooner", async () => {
    const throttle = throttleOf({ knownDeviceMs: 10 * MINUTE, knownNetworkMs: 5 * MINUTE });
    await adaSignedInBefore(throttle);
    now += 5 * MINUTE;
    await failTimes(throttle, 5);
    expect(await attempt(throttle, "ada@example.org", { ip: HOME, right: true })).toEqual({
      retryAfter: 1,
    });
    expect(
      await attempt(throttle, "ada@example.org", { ip: HOME, device: DEVICE, right: true }),
    ).toBe("signed in");
    // Past the device's time (counted from its last sign-in) and the account's window.
    now += 30 * MINUTE;
    await failTimes(throttle, 5);
    expect(
      await attempt(throttle, "ada@example.org", { ip: HOME, device: DEVICE, right: true }),
    ).toEqual({
      retryAfter: 1,
    });
    // Nothing left to remember but the throttle's own rows.
    now += 30 * MINUTE;
    await throttle.purge();
    expect(await database.db.selectFrom("login_known_sources").selectAll().execute()).toEqual([]);
  });

  test("two instances share what they know", async () => {
    await adaSignedInBefore(throttleOf());
    const second = throttleOf({}, other);
    await attackerKeepsAdaBlocked(second, 8);
    expect(
      await attempt(second, "ada@example.org", { ip: MOBILE, device: DEVICE, right: true }),
    ).toBe("signed in");
  });
});

test("unknown and known e-mails are throttled alike: the throttle never looks the account up", async () => {
  // The throttle sees only the e-mail, so it cannot tell; the HTTP test checks the answers match.
  const throttle = throttleOf();
  await failTimes(throttle, 5, "nobody@example.org");
  expect(await attempt(throttle, "nobody@example.org")).toEqual({ retryAfter: 1 });
});

test("two instances on the same database share their counts", async () => {
  const first = throttleOf();
  const second = throttleOf({}, other);
  await failTimes(first, 3);
  await failTimes(second, 2);
  expect(await attempt(first, "ada@example.org")).toEqual({ retryAfter: 1 });
  expect(await attempt(second, "ada@example.org")).toEqual({ retryAfter: 1 });
  now += SECOND;
  expect(await attempt(second, "ada@example.org", { right: true })).toBe("signed in");
  await failTimes(first, 4);
});

test("no e-mail nor address is stored, only digests", async () => {
  const throttle = throttleOf();
  await failTimes(throttle, 1);
  const rows = JSON.stringify(await database.db.selectFrom("login_throttle").selectAll().execute());
  expect(rows).not.toContain("ada@example");
  expect(rows).not.toContain(IP);
  expect(rows).toMatch(/"key":"[0-9a-f]{64}"/);
});

test("purge forgets the rows that have expired, and only those", async () => {
  const throttle = throttleOf();
  await failTimes(throttle, 1, "old@example.org");
  now += 10 * MINUTE;
  await failTimes(throttle, 5, "blocked@example.org");
  now += 5 * MINUTE;
  // old@'s window has ended, so has the network's; blocked@ stays a window after its block.
  expect(await throttle.purge()).toBe(2);
  expect(await throttle.purge()).toBe(0);
  expect(await database.db.selectFrom("login_throttle").select("kind").execute()).toEqual([
    { kind: "account" },
  ]);
  expect(await attempt(throttle, "blocked@example.org")).toBe("wrong password");
});
