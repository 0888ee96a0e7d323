import { type Database, openDatabase } from "@tandem/kernel";
import { ApiClient, buildUser, startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, expect, test } from "vitest";

let server: TestServer;
/** The server's database, opened beside it to move a block's end into the past. */
let database: Database;

beforeAll(async () => {
  server = await startTestServer();
  database = await openDatabase({
    databaseUrl: server.backend.databaseUrl,
    dataDir: server.backend.dataDir,
  });
});

afterAll(async () => {
  await database?.close();
  await server?.close();
});

/**
 * Moves the end of every block to `ms` from now. A real block lasts 1 s at first: too short
 * to observe reliably over HTTP on a busy machine, so the test holds it, then lets it run out.
 */
async function holdBlocks(ms: number) {
  await database.db
    .updateTable("login_throttle")
    .set({ blocked_until: Date.now() + ms })
    .where("blocked_until", "is not", null)
    .execute();
}

const WRONG = "wrong password, again";

/** Five wrong passwords: each a 401, and the fifth blocks the account. */
async function failFiveTimes(client: ApiClient, email: string) {
  const statuses: number[] = [];
  for (let i = 0; i < 5; i += 1) statuses.push((await client.signIn(email, WRONG)).status);
  expect(statuses).toEqual([401, 401, 401, 401, 401]);
}

test("POST /api/v1/session: repeated wrong passwords get 429 with Retry-After, the right one too, until the block runs out", async () => {
  const { user, password } = await buildUser(server.tandem);
  const client = new ApiClient(server.url);
  await failFiveTimes(client, user.email);
  await holdBlocks(60_000);
  const refused = await client.signIn(user.email, WRONG);
  expect(refused.status).toBe(429);
  const retryAfter = Number(refused.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThanOrEqual(59);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(refused.json).toEqual({
    error: "too_many_attempts",
    message: `Too many failed sign-ins. Try again in ${retryAfter} seconds.`,
  });
  const right = await client.signIn(user.email, password);
  expect(right.status).toBe(429);
  expect(client.cookie).toBeUndefined();

  await holdBlocks(-1);
  const after = await client.signIn(user.email, password);
  expect(after.status).toBe(200);
  expect(after.json.user).toMatchObject({ email: user.email });
  expect(client.cookie).toBeDefined();
});

test("an unknown e-mail is answered exactly as a known one: 401s, then the same 429", async () => {
  const { user } = await buildUser(server.tandem);
  const refusal = async (email: string) => {
    const client = new ApiClient(server.url);
    await failFiveTimes(client, email);
    await holdBlocks(60_000);
    const refused = await client.signIn(email, WRONG);
    return {
      status: refused.status,
      body: refused.json,
      retryAfter: refused.headers.get("retry-after"),
    };
  };
  const known = await refusal(user.email);
  const unknown = await refusal("nobody-here@example.org");
  expect(known).toMatchObject({ status: 429, body: { error: "too_many_attempts" } });
  expect(unknown).toEqual(known);
  await holdBlocks(-1);
});
