import { PASSKEY_OPTIONS_PER_MINUTE } from "@tandem/accounts";
import { ApiClient, startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, expect, test } from "vitest";

// A server of its own: the limit counts every anonymous request from this test's address.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const storedChallenges = async () =>
  Number(
    (
      await server.tandem.database.db
        .selectFrom("mfa_webauthn_challenges")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

test("anonymous passkey ceremonies are limited per network, and a refused one stores nothing", async () => {
  const client = new ApiClient(server.url);
  const before = await storedChallenges();
  // The limit's window is a wall-clock minute: start at the beginning of one.
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 50_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 100));
  for (let i = 0; i < PASSKEY_OPTIONS_PER_MINUTE; i++) {
    const options = await client.request("POST", "/api/v1/session/passkey/options", {});
    expect(options.status).toBe(200);
  }
  const refused = await client.request("POST", "/api/v1/session/passkey/options", {});
  expect(refused.status).toBe(429);
  expect(refused.json.error).toBe("too_many_requests");
  expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(await storedChallenges()).toBe(before + PASSKEY_OPTIONS_PER_MINUTE);
});
