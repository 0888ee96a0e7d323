import { startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, expect, test } from "vitest";
import { codeFlow, registerClient, relyingParty, signedInAgent } from "./support.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

/** The provider's browser sessions of one account, as stored. */
async function sessionsOf(accountId: string) {
  const rows = await server.tandem.database.db
    .selectFrom("oidc_payloads")
    .select(["id", "payload", "expires_at"])
    .where("model", "=", "Session")
    .where("account_id", "=", accountId)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    expiresAt: Number(row.expires_at),
    clients: Object.keys(
      (JSON.parse(row.payload) as { authorizations?: object }).authorizations ?? {},
    ).sort(),
  }));
}

test("a browser session is written again when it changes, not on every request that uses it", async () => {
  const first = await registerClient(server.tandem.database);
  const second = await registerClient(server.tandem.database);
  const { agent, user } = await signedInAgent(server.url, server.tandem);
  const firstConfig = await relyingParty(server.url, first);
  await codeFlow(firstConfig, agent, first.redirectUri);
  const [afterFirst] = await sessionsOf(user.id);
  expect(afterFirst?.clients).toEqual([first.clientId]);

  // The same app again, a moment later: only the expiry would move, so the row stays as it is.
  await new Promise((resolve) => setTimeout(resolve, 20));
  await codeFlow(firstConfig, agent, first.redirectUri);
  expect(await sessionsOf(user.id)).toEqual([afterFirst]);

  // Another app: the session records it, so it is written, with its expiry moved forward.
  await codeFlow(await relyingParty(server.url, second), agent, second.redirectUri);
  const [afterSecond] = await sessionsOf(user.id);
  expect(afterSecond?.id).toBe(afterFirst?.id);
  expect(afterSecond?.clients).toEqual([first.clientId, second.clientId].sort());
  expect(afterSecond?.expiresAt).toBeGreaterThan(afterFirst?.expiresAt ?? Infinity);
});
