import { type Database, openDatabase } from "@tandem/kernel";
import { ApiClient, buildUser, startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, expect, test } from "vitest";

let server: TestServer;
/** The server's database, opened beside it to hold a block long enough to observe it. */
let database: Database;

beforeAll(async () => {
  // Behind a proxy, so each request can tell its own client address.
  server = await startTestServer({ TANDEM_TRUST_PROXY: "true" });
  database = await openDatabase({
    databaseUrl: server.backend.databaseUrl,
    dataDir: server.backend.dataDir,
  });
});

afterAll(async () => {
  await database?.close();
  await server?.close();
});

function signIn(email: string, password: string, from: { ip: string; device?: string }) {
  const headers: Record<string, string> = { "x-forwarded-for": from.ip };
  if (from.device) headers.cookie = from.device;
  return new ApiClient(server.url).request("POST", "/api/v1/session", { email, password }, headers);
}

test("POST /api/v1/session: failures from another address do not lock out a browser that signed in before", async () => {
  const { user, password } = await buildUser(server.tandem);
  const first = await signIn(user.email, password, { ip: "192.0.2.10" });
  expect(first.status).toBe(200);
  const set = first.headers.getSetCookie().find((c) => c.startsWith("tandem_device="));
  expect(set).toMatch(/HttpOnly/i);
  const device = set?.split(";")[0] ?? "";

  // Someone elsewhere keeps the account blocked.
  for (let i = 0; i < 5; i += 1) {
    expect((await signIn(user.email, "wrong password!", { ip: "198.51.100.66" })).status).toBe(401);
  }
  await database.db
    .updateTable("login_throttle")
    .set({ blocked_until: Date.now() + 60_000 })
    .where("blocked_until", "is not", null)
    .execute();
  expect((await signIn(user.email, password, { ip: "198.51.100.66" })).status).toBe(429);

  // A browser never seen, on a network never seen, waits...
  expect((await signIn(user.email, password, { ip: "203.0.113.9" })).status).toBe(429);
  // ...the user's own browser, even from another network, signs in.
  const mine = await signIn(user.email, password, { ip: "203.0.113.9", device });
  expect(mine.status).toBe(200);
  expect(mine.json.user).toMatchObject({ email: user.email });
});
